import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { VERIFY_DEFAULTS } from '../../defaults/index.ts';
import { InputError, parseNumber, requirePositiveInteger } from '../../errors/index.ts';
import type { Check } from '../../verify/index.ts';
import { type ForceUnlockFlag, forceUnlockOption } from '../checkpoint-flags.ts';
import { VERIFY_HELP } from '../help.ts';
import { BUDGETS, budgetFlag, directoryFlag, rateFlag } from '../parse-flags.ts';
import { testFaults } from '../test-faults.ts';

interface VerifyFlags extends ForceUnlockFlag {
  quick?: boolean;
  full?: boolean;
  budget?: string;
  seed: string;
  threads?: string;
  alpha: string;
  out: string;
  resume?: boolean;
  shard?: string;
  json?: boolean;
}

/**
 * Registers `rl-objective verify`: a thin shell over the library's `verify` (or, with
 * `--shard i/n`, `verifyShard`), imported when the command runs so that `--help` starts fast.
 * It writes the report (or the shard's `partial.json`) into `--out`, prints its summary line (or
 * the report), and exits 0 if and only if every check agrees. SIGINT/SIGTERM stop with exit 130
 * and the command that resumes.
 */
export function registerVerify(root: Command): void {
  const command = root
    .command('verify')
    .description('run every check of the paper and write the agreement report')
    .option('--quick', 'small budget (at most a minute on 2 cores)')
    .option('--full', 'large budget (as long as it needs)')
    .option(
      '--budget <name>',
      `${BUDGETS}: the budget by name (for scripts that take it from a variable)`,
    )
    .option('--seed <S>', 'run seed', String(VERIFY_DEFAULTS.seed))
    .option(
      '--threads <T>',
      `worker threads (default: the number of cores, ${availableParallelism()} here)`,
    )
    .option(
      '--alpha <A>',
      'family-wise false-fail rate, split by Holm',
      String(VERIFY_DEFAULTS.alpha),
    )
    .option(
      '--out <DIR>',
      'report directory; completed chunks are kept in DIR/checkpoint',
      VERIFY_DEFAULTS.out,
    )
    .option('--resume', 'continue from DIR/checkpoint (starts afresh when there is none)')
    .option(
      '--shard <i/n>',
      'run shard i of n (0 <= i < n) and write DIR/partial.json instead of the report; see merge',
    )
    .option('--json', 'print agreement.json on stdout instead of the summary line');
  forceUnlockOption(command)
    .addHelpText('after', VERIFY_HELP)
    .action(async (flags: VerifyFlags) => {
      const budget = budgetFlag(flags);
      const threads =
        flags.threads === undefined
          ? availableParallelism()
          : requirePositiveInteger('--threads', parseNumber('--threads', flags.threads));
      const alpha = rateFlag('--alpha', flags.alpha);
      const [lib, { parseShard, partialFile }, { runInterruptible }, { printReport, warn }, ui] =
        await Promise.all([
          import('../../verify/index.ts'),
          import('../../checkpoint/index.ts'),
          import('../checkpointed-run.ts'),
          import('../output.ts'),
          import('../progress-reporter.ts'),
        ]);
      const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
      if (shard && flags.json) {
        throw new InputError('--json prints a report; a shard writes DIR/partial.json instead');
      }
      const options = {
        budget,
        seed: /^-?\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed,
        alpha,
        threads,
        out: directoryFlag('--out', flags.out),
        resume: flags.resume === true,
        forceUnlock: flags.forceUnlock === true,
        onWarning: warn,
        ...testFaults(),
        progress: (checks: readonly Check[]) => ui.progressReporter(process.stderr, checks),
      };
      await runInterruptible('verify', async (signal) => {
        if (shard) {
          const part = await lib.verifyShard({ ...options, shard, signal });
          const written = `${Object.keys(part.chunks).length} of ${part.identity.chunks} chunks written to ${partialFile(flags.out)}`;
          process.stdout.write(
            `shard ${shard.i}/${shard.n}: ${written}; combine the parts with rl-objective merge\n`,
          );
          return;
        }
        const command = ['rl-objective', ...process.argv.slice(2)].join(' ');
        const report = await lib.verify({ ...options, command, signal });
        await printReport(report, flags.out, flags.json === true);
      });
    });
}
