import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Shard } from '../../checkpoint/index.ts';
import { InputError, quote } from '../../errors/input-error.ts';
import { parseNumber, requirePositiveInteger } from '../../errors/require.ts';
import type { BudgetName, Check } from '../../verify/index.ts';
import { type ForceUnlockFlag, forceUnlockOption, withOutputLock } from '../output-lock.ts';

interface VerifyFlags extends ForceUnlockFlag {
  quick?: boolean;
  full?: boolean;
  budget?: string;
  seed: string;
  threads: string;
  alpha: string;
  out: string;
  resume?: boolean;
  shard?: string;
  json?: boolean;
}

/** Default seed of `verify` (`DEFAULT_SEED` of src/verify, kept here so `--help` loads nothing). */
const DEFAULT_SEED = '1';

const EXAMPLES = `
Examples:
  rl-objective verify --quick
  rl-objective verify --full --out out/full            (Ctrl-C, then the same with --resume)
  rl-objective verify --full --shard 2/4 --out out/part-2 --resume
  rl-objective verify --budget "$RL_OBJECTIVE_BUDGET" --shard 2/4 --out out/part-2 --resume
  rl-objective merge out/part-0 out/part-1 out/part-2 out/part-3 --out out/report

Exit status: 0 if every check agrees (or a shard's part is written), 1 if some check disagrees,
3 if none disagrees but some check is insufficient (too few groups for its normal
approximation: no verdict), 2 for bad input, 70 if a chunk failed twice, 130 when interrupted
(SIGINT or SIGTERM).`;

/**
 * Registers `rl-objective verify [--quick|--full|--budget NAME] [--seed S] [--threads T] [--alpha A]
 * [--out DIR] [--resume] [--shard i/n] [--json]`: runs the verification battery, writes
 * `agreement.json`, `agreement.md`, `index.html` and `figures/*.svg` into DIR, prints a one-line
 * summary (or, with `--json`, the report) on stdout, and exits 0 if and only if every check
 * agrees. Completed chunks are kept in `DIR/checkpoint` until the report is written
 * (`runCheckpointed`: SIGINT/SIGTERM exit 130 with the command that resumes). With
 * `--shard i/n` it runs that shard's chunks only and writes `DIR/partial.json` for `merge`.
 * The library is imported when the command runs, so that `--help` starts fast.
 */
export function registerVerify(root: Command): void {
  const command = root
    .command('verify')
    .description('run every check of the paper and write the agreement report')
    .option('--quick', 'small budget (at most a minute on 2 cores)')
    .option('--full', 'large budget (as long as it needs)')
    .option(
      '--budget <name>',
      'quick, default or full: the budget by name (for scripts that take it from a variable)',
    )
    .option('--seed <S>', 'run seed', DEFAULT_SEED)
    .option(
      '--threads <T>',
      'worker threads (default: the number of cores)',
      String(availableParallelism()),
    )
    .option('--alpha <A>', 'family-wise false-fail rate, split by Holm', '1e-6')
    .option(
      '--out <DIR>',
      'report directory; completed chunks are kept in DIR/checkpoint',
      'reports/out',
    )
    .option('--resume', 'continue from DIR/checkpoint (starts afresh when there is none)')
    .option(
      '--shard <i/n>',
      'run shard i of n (0 <= i < n) and write DIR/partial.json instead of the report; see merge',
    )
    .option('--json', 'print agreement.json on stdout instead of the summary line');
  forceUnlockOption(command)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: VerifyFlags) => {
      const budget = budgetOf(flags);
      const threads = requirePositiveInteger('--threads', parseNumber('--threads', flags.threads));
      const alpha = parseNumber('--alpha', flags.alpha);
      if (!(alpha > 0 && alpha < 1)) {
        throw new InputError(`--alpha must be a number in (0, 1), got ${flags.alpha}`);
      }
      const [lib, { parseShard, shardChunks, writePartial, writtenPartial }, { runCheckpointed }] =
        await Promise.all([
          import('../../verify/index.ts'),
          import('../../checkpoint/index.ts'),
          import('../checkpointed-run.ts'),
        ]);
      const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
      if (shard && flags.json) {
        throw new InputError('--json prints a report; a shard writes DIR/partial.json instead');
      }
      const seed = /^-?\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
      const settings = { budget, seed, alpha };
      const battery = lib.resolveBattery(settings);
      const plan = lib.planBattery(battery.checks, battery.seed);
      const dir = join(flags.out, 'checkpoint');
      const identity = lib.batteryIdentity(plan, battery.settings);
      const announce = (shard: Shard, chunks: number, path: string) =>
        process.stdout.write(
          `shard ${shard.i}/${shard.n}: ${chunks} of ${identity.chunks} chunks written to ${path}; combine the parts with rl-objective merge\n`,
        );
      // One writer per output directory: the lock is taken before anything in it is read.
      await withOutputLock(flags.out, flags, async () => {
        const written = shard && flags.resume && writtenPartial(flags.out, identity, shard);
        if (shard && written) {
          // A retried task whose part is complete: nothing left to compute.
          announce(shard, Object.keys(written.chunks).length, join(flags.out, 'partial.json'));
          return;
        }
        await runCheckpointed(
          {
            command: 'verify',
            args: process.argv.slice(2),
            checkpoint: { dir, identity },
            resume: flags.resume === true,
            chunks: shard && shardChunks(identity.chunks, shard.i, shard.n).length,
          },
          async (run) => {
            const options = {
              ...settings,
              threads,
              signal: run.signal,
              completed: lib.batteryChunks(plan, run.completed, `checkpoint '${dir}'`),
              onChunk: run.onChunk,
              onRetry: run.onRetry,
              progress: (checks: readonly Check[]) => lib.progressReporter(process.stderr, checks),
            };
            if (shard) {
              const part = await lib.verifyShard({ ...options, shard });
              announce(shard, Object.keys(part.chunks).length, writePartial(flags.out, part));
              return;
            }
            const report = await lib.verify({
              ...options,
              command: ['rl-objective', ...process.argv.slice(2)].join(' '),
            });
            const { publishReport } = await import('../output.ts');
            await publishReport(report, flags.out, flags.json === true);
          },
        );
      });
    });
}

const BUDGET_NAMES: readonly BudgetName[] = ['quick', 'default', 'full'];

/** The budget chosen by `--quick`, `--full` or `--budget NAME` (default: `default`). */
function budgetOf(flags: VerifyFlags): BudgetName {
  if (flags.quick && flags.full) throw new InputError('--quick and --full exclude each other');
  const flagged = flags.quick ? 'quick' : flags.full ? 'full' : undefined;
  if (flags.budget === undefined) return flagged ?? 'default';
  const named = BUDGET_NAMES.find((name) => name === flags.budget);
  if (named === undefined) {
    throw new InputError(`--budget must be quick, default or full, got ${quote(flags.budget)}`);
  }
  if (flagged !== undefined && flagged !== named) {
    throw new InputError(`--budget ${named} contradicts --${flagged}`);
  }
  return named;
}
