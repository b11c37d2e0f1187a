import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { summaryLine } from '../../../reports/summary-line.ts';
import { writeReport } from '../../../reports/write-report.ts';
import { InputError } from '../../errors/input-error.ts';
import { parseNumber, requirePositiveInteger } from '../../errors/require.ts';
import { DEFAULT_SEED, progressReporter, verify } from '../../verify/index.ts';
import { EXIT } from '../exit-codes.ts';

interface VerifyFlags {
  quick?: boolean;
  full?: boolean;
  seed: string;
  threads: string;
  alpha: string;
  out: string;
  json?: boolean;
}

/**
 * Registers `rl-objective verify [--quick|--full] [--seed S] [--threads T] [--alpha A]
 * [--out DIR] [--json]`: runs the verification battery, writes `agreement.json`,
 * `agreement.md`, `index.html` and `figures/*.svg` into DIR, prints a one-line summary (or, with
 * `--json`, the report) on stdout, and exits 0 if and only if every check agrees.
 */
export function registerVerify(root: Command): void {
  root
    .command('verify')
    .description('run every check of the paper and write the agreement report')
    .option('--quick', 'small budget (at most a minute on 2 cores)')
    .option('--full', 'large budget (as long as it needs)')
    .option('--seed <S>', 'run seed', String(DEFAULT_SEED))
    .option(
      '--threads <T>',
      'worker threads (default: the number of cores)',
      String(availableParallelism()),
    )
    .option('--alpha <A>', 'family-wise false-fail rate, split by Holm', '1e-6')
    .option('--out <DIR>', 'report directory', 'reports/out')
    .option('--json', 'print agreement.json on stdout instead of the summary line')
    .action(async (flags: VerifyFlags) => {
      if (flags.quick && flags.full) throw new InputError('--quick and --full exclude each other');
      const threads = requirePositiveInteger('--threads', parseNumber('--threads', flags.threads));
      const alpha = parseNumber('--alpha', flags.alpha);
      if (!(alpha > 0 && alpha < 1)) {
        throw new InputError(`--alpha must be a number in (0, 1), got ${flags.alpha}`);
      }
      const seed = /^-?\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
      const name = flags.quick ? 'quick' : flags.full ? 'full' : 'default';
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const report = await verify({
          budget: name,
          seed,
          threads,
          alpha,
          signal: controller.signal,
          command: ['rl-objective', ...process.argv.slice(2)].join(' '),
          progress: (checks) => progressReporter(process.stderr, checks),
        });
        const paths = await writeReport(report, flags.out);
        const shown = relative(process.cwd(), paths.html);
        process.stdout.write(
          flags.json
            ? `${JSON.stringify(report, null, 2)}\n`
            : `${summaryLine(report, shown.startsWith('..') ? paths.html : shown)}\n`,
        );
        process.exitCode = report.summary.agree === report.summary.checks ? EXIT.ok : EXIT.disagree;
      } catch (error) {
        if (controller.signal.aborted) {
          process.stderr.write('rl-objective: verify interrupted; no report written\n');
          process.exitCode = EXIT.interrupted;
          return;
        }
        throw error;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
