import { Command, CommanderError } from 'commander';
import { InputError } from '../errors/index.ts';
import { packageVersion } from '../report/index.ts';
import { commands } from './commands/index.ts';
import { EXIT, fail } from './exit-codes.ts';

/**
 * Rewrites the arguments `help <command> ...` as `<command> --help`, which prints the same help.
 * Commander answers `help <command>` synchronously, before the `preSubcommand` hooks in which a
 * command imports what its help lists (the scheme catalogue of `objective`), so those modules
 * need not load for `--help` or a run; `<command> --help` goes through the hooks.
 */
export function helpAsOption(args: readonly string[]): string[] {
  return args[0] === 'help' && args.length > 1 ? [args[1]!, '--help'] : [...args];
}

/**
 * Builds the `rl-objective` commander program with every command registered.
 *
 * Commander's own usage errors (unknown command or option, missing value) are printed by
 * {@link fail}, as one line on stderr with its "(Did you mean ...?)" suggestion on the same line,
 * and are thrown as commander's errors, which {@link runProgram} turns into exit
 * {@link EXIT.input}; `--help` and `--version` (the package's version) print as usual and exit 0.
 */
export function program(): Command {
  const root = new Command('rl-objective')
    .description(
      'Which objective does an RL fine-tuning algorithm for LLM reasoning optimize? ' +
        'Closed forms, Monte Carlo checks and audits (Davis & Recht, arXiv:2510.13651).',
    )
    .version(packageVersion(), '-V, --version', 'print the version of rl-objective')
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (text) => fail(new InputError(usageError(text))) });
  for (const register of commands) register(root);
  root.commands.forEach(configureUsageErrors);
  configureUsageErrors(root);
  return root;
}

/**
 * Runs `rl-objective ...args` in this process, as `main.ts` does for the command line: every
 * error, expected or not, ends as one line on stderr ({@link fail}) and sets `process.exitCode`.
 */
export async function runProgram(args: readonly string[]): Promise<void> {
  try {
    await program().parseAsync(helpAsOption(args), { from: 'user' });
  } catch (error) {
    process.exitCode = error instanceof CommanderError ? commanderExit(error) : fail(error);
  }
}

/** Commander's `error: ...` text without its prefix, its suggestion joined to the same line. */
function usageError(text: string): string {
  return text
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*(?=\(Did you mean )/, ' ');
}

// Commander throws instead of ending the process, so that runProgram alone sets the exit status
// (and the program can run in a process that goes on, as the CLI's in-process tests do).
function configureUsageErrors(command: Command): void {
  command.exitOverride();
}

/** The exit status of commander's own ending: `--help` and `--version` succeed, the rest is bad input. */
function commanderExit(error: CommanderError): number {
  const helpOrVersion =
    error.code === 'commander.helpDisplayed' ||
    error.code === 'commander.help' ||
    error.code === 'commander.version';
  return helpOrVersion ? EXIT.ok : EXIT.input;
}
