import { Command } from 'commander';
import { commands } from './commands/index.ts';
import { EXIT } from './exit-codes.ts';

/**
 * Builds the `rl-objective` commander program with every command registered.
 *
 * Commander's own usage errors (unknown option, missing value) are routed through
 * `exitOverride` so they end as one line on stderr with exit {@link EXIT.input}.
 */
export function program(): Command {
  const root = new Command('rl-objective')
    .description(
      'Which objective does an RL fine-tuning algorithm for LLM reasoning optimize? ' +
        'Closed forms, Monte Carlo checks and audits (Davis & Recht, arXiv:2510.13651).',
    )
    .showSuggestionAfterError(true)
    .configureOutput({
      outputError: (text, write) => write(`rl-objective: ${text.replace(/^error: /, '').trim()}\n`),
    });
  for (const register of commands) register(root);
  root.commands.forEach(configureUsageErrors);
  configureUsageErrors(root);
  return root;
}

function configureUsageErrors(command: Command): void {
  command.exitOverride((err) => {
    const helpOrVersion =
      err.code === 'commander.helpDisplayed' ||
      err.code === 'commander.help' ||
      err.code === 'commander.version';
    process.exit(helpOrVersion ? EXIT.ok : EXIT.input);
  });
}
