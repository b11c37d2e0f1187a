import type { Command } from 'commander';
import { ESTIMATORS, SIMULATE_DEFAULTS } from '../../defaults/index.ts';
import { type CheckpointFlags, checkpointFlags, checkpointOptions } from '../checkpoint-flags.ts';
import { EXIT_OF_OUTCOME } from '../exit-codes.ts';
import { SIMULATE_HELP } from '../help.ts';
import { numberFlag as number, rateFlag } from '../parse-flags.ts';
import {
  addRewardClassOptions,
  type RewardClassFlags,
  rewardClassFlags,
} from '../reward-class-flags.ts';
import { testFaults } from '../test-faults.ts';
import { twoPathFlag } from '../two-path-flags.ts';

interface SimulateFlags extends CheckpointFlags, RewardClassFlags {
  twoPath?: string;
  estimator: string;
  scheme?: string;
  M?: string;
  B?: string;
  maxDraws?: string;
  policy: string;
  groups: string;
  seed: string;
  threads: string;
  alpha: string;
  chunkGroups?: string;
  json?: boolean;
}

const PROGRESS = 'simulate [{bar}] {percentage}% | {value}/{total} groups | ETA {eta_formatted}';

/**
 * Registers `rl-objective simulate`: a thin shell over the library's `simulate` (docs/theory.md
 * §1, §4–6), imported when the command runs so that `--help` starts fast. `--checkpoint DIR`
 * keeps every completed chunk in DIR, SIGINT/SIGTERM stop with exit 130 and print the command
 * that resumes, `--resume` continues.
 */
export function registerSimulate(root: Command): void {
  const command = root
    .command('simulate')
    .description(
      "Monte Carlo check of the expected update: Algorithm 1 against h_M'(p) grad p, pure-rs against grad log p",
    )
    .option('--estimator <name>', ESTIMATORS.join(' or '), SIMULATE_DEFAULTS.estimator)
    .option('--scheme <spec>', 'weight scheme (algorithm1), e.g. grpo:std=sample')
    .option('--M <n>', 'group size (algorithm1)')
    .option('--B <n>', 'correct answers per group (pure-rs)')
    .option('--max-draws <n>', `per-group draw cap (pure-rs), default ${DRAW_CAP}`)
    .requiredOption('--policy <spec>', 'policy short form, JSON, or @file.json')
    .requiredOption('--groups <n>', 'number of groups, a positive integer (1e6 allowed)')
    .option('--seed <s>', 'run seed', String(SIMULATE_DEFAULTS.seed))
    .option('--threads <n>', 'worker threads', String(SIMULATE_DEFAULTS.threads))
    .option(
      '--alpha <a>',
      'family-wise false-fail rate of the run',
      String(SIMULATE_DEFAULTS.alpha),
    )
    .option(
      '--chunk-groups <n>',
      'groups per chunk (fixes the chunking; default from the work per group)',
    )
    .option(
      '--two-path <moves>',
      'graded rewards: compare the integrals of the update along two paths, Y1:D1,Y2:D2 (logit moves in both orders)',
    )
    .option(
      '--json',
      'print {"estimate","stderr","closedForm","z","resolution","agree","outcome","groupsNeeded","groups","responses","seconds","responsesPerSecond"} (+ "meanDraws" for pure-rs)',
    );
  checkpointOptions(addRewardClassOptions(command))
    .addHelpText('after', SIMULATE_HELP)
    .action(async (flags: SimulateFlags) => {
      const input = {
        estimator: flags.estimator,
        scheme: flags.scheme,
        M: number('--M', flags.M),
        B: number('--B', flags.B),
        maxDraws: number('--max-draws', flags.maxDraws),
        policy: flags.policy,
        groups: number('--groups', flags.groups)!,
        seed: flags.seed,
        chunkGroups: number('--chunk-groups', flags.chunkGroups),
        ...rewardClassFlags(flags),
      };
      const alpha = rateFlag('--alpha', flags.alpha);
      const threads = number('--threads', flags.threads);
      if (flags.twoPath !== undefined) {
        const moves = twoPathFlag(flags.twoPath);
        const { runTwoPath } = await import('../run-two-path.ts');
        return runTwoPath({ ...input, moves, alpha, threads }, flags);
      }
      const options = { ...input, alpha, threads, ...checkpointFlags(flags), ...testFaults() };
      // A run on T threads starts its T - 1 workers first, so that they load beside this
      // thread's loading of the simulator and reading of the input rather than after them; the
      // run then computes in this thread and on them, as on a pool of its own (docs/simulate.md).
      const early =
        threads !== undefined && threads > 1
          ? import('../../estimators/simulation-pool.ts').then((m) => {
              m.requireThreads(threads);
              return m.createSimulationPool(threads - 1, 2);
            })
          : undefined;
      // A refused thread count is reported below, as bad input, before any work.
      early?.catch(() => {});
      const [lib, { runChunkedCommand }, format] = await Promise.all([
        import('../../estimators/index.ts'),
        import('../checkpointed-run.ts'),
        import('../format-simulation.ts'),
      ]);
      const pool = await early;
      try {
        await runChunkedCommand(
          'simulate',
          PROGRESS,
          (events, progress) =>
            lib.simulate({
              ...options,
              ...(pool && { pool, computeHere: true }),
              ...events,
              onProgress: (p) => progress(p.groupsDone, p.groups),
            }),
          (result) => {
            const json = flags.json && `${JSON.stringify(format.simulationJson(result))}\n`;
            process.stdout.write(json || format.simulationText(result));
            process.exitCode = EXIT_OF_OUTCOME[result.outcome];
          },
        );
      } finally {
        await pool?.destroy();
      }
    });
}

/** The default draw cap as the help shows it, e.g. `1e8`. */
const DRAW_CAP = SIMULATE_DEFAULTS.maxDraws.toExponential().replace('e+', 'e');
