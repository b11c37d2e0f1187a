import { relative } from 'node:path';
import type { Command } from 'commander';
import type { TrainInput, TrainResult } from '../../dynamics/index.ts';
import { InputError } from '../../errors/input-error.ts';
import { parseNumber } from '../../errors/require.ts';
import { EXIT_OF_OUTCOME } from '../exit-codes.ts';
import { type CheckpointFlags, checkpointOptions, requireCheckpointDir } from '../output-lock.ts';

interface TrainFlags extends CheckpointFlags {
  scheme: string[];
  M: string;
  corpus: string;
  steps: string;
  batch: string;
  lr: string;
  seeds: string;
  record?: string;
  k: string;
  seed: string;
  threads: string;
  out?: string;
  json?: boolean;
}

const EXAMPLES = `
Corpora: tabular:prompts=N[,alpha=A,beta=B]        one logit per prompt
         shared:prompts=N[,dim=d,alpha=A,beta=B]   p_x = sigmoid(w . phi_x + b_x), only w trained
         initial p_x: the Beta(A, B) quantile at (x + 1/2)/N (defaults A = B = 1, d = 4)

Examples:
  rl-objective train --scheme reinforce --scheme grpo --scheme rs --corpus tabular:prompts=1000,alpha=0.5,beta=2 --lr 64 --steps 2000
  rl-objective train --scheme grpo --scheme passk:k=4 --corpus shared:prompts=500,dim=8 --lr 0.2 --seeds 16 --out train-report
  rl-objective train --scheme grpo --corpus tabular:prompts=100 --lr 16 --steps 50 --seeds 6000 --threads 2 --json

The path check (martingale D_T = sum_t (Delta theta_t - lr grad J(theta_t)) has mean 0) needs
thousands of seeds for a verdict; with fewer, the curves are reported and the check says so.
Exit status: 0 if every scheme's path check agrees, 1 if one disagrees, 2 for bad input, 3 if the
seeds are too few for a verdict, 70 if a chunk failed twice, 130 when interrupted.`;

/**
 * Registers `rl-objective train`: Algorithm 1 as stochastic gradient ascent on a corpus for each
 * scheme, the mean field, and the check along the path (docs/theory.md §8). A thin shell over `train`
 * inside `runCheckpointed` (`--checkpoint DIR` keeps completed chunks, `--resume` continues,
 * SIGINT/SIGTERM stop with exit 130 and print the command that resumes).
 */
export function registerTrain(root: Command): void {
  const command = root
    .command('train')
    .description(
      'Algorithm 1 as SGA on a corpus: learning curves per scheme, the mean field, and a check of the path against the closed-form gradient',
    )
    .option(
      '--scheme <spec>',
      'weight scheme, repeatable (e.g. --scheme grpo --scheme passk:k=4)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--M <n>', 'group size', '8')
    .requiredOption(
      '--corpus <spec>',
      'tabular:prompts=N,alpha=A,beta=B or shared:prompts=N,dim=d,alpha=A,beta=B',
    )
    .option('--steps <T>', 'SGA steps', '1000')
    .option('--batch <B>', 'prompts per step', '64')
    .requiredOption('--lr <eta>', 'learning rate (> 0)')
    .option('--seeds <R>', 'independent runs per scheme (at least 2)', '8')
    .option('--record <r>', 'record every r steps (and always steps 0 and T); default ceil(T/100)')
    .option('--k <list>', 'pass@k levels, comma separated', '1,8')
    .option('--seed <s>', 'run seed (paths, and a shared corpus features)', '0')
    .option('--threads <n>', 'worker threads', '1')
    .option('--out <DIR>', 'write train.json, train.md, index.html and figures/*.svg into DIR')
    .option(
      '--json',
      'print {"config","steps","schemes":[{"scheme","meanP","passAtK","hardest","meanField","check"}]}',
    );
  checkpointOptions(command)
    .addHelpText('after', EXAMPLES)
    .action(async (flags: TrainFlags) => {
      const number = (name: string, text: string) => parseNumber(name, text);
      if (flags.scheme.length === 0) {
        throw new InputError('train needs at least one --scheme');
      }
      const input: TrainInput = {
        schemes: flags.scheme,
        M: number('--M', flags.M),
        corpus: flags.corpus,
        steps: number('--steps', flags.steps),
        batch: number('--batch', flags.batch),
        lr: number('--lr', flags.lr),
        seeds: number('--seeds', flags.seeds),
        record: flags.record === undefined ? undefined : number('--record', flags.record),
        k: flags.k.split(',').map((v) => number('--k', v)),
        seed: flags.seed,
      };
      const threads = number('--threads', flags.threads);
      requireCheckpointDir(flags);
      const [dynamics, { runChunkedCommand }] = await Promise.all([
        import('../../dynamics/index.ts'),
        import('../checkpointed-run.ts'),
      ]);
      const config = dynamics.resolveTrain(input);
      if (!(Number.isInteger(threads) && threads >= 1)) {
        throw new InputError(`--threads must be a positive integer, got ${flags.threads}`);
      }
      await runChunkedCommand(
        {
          command: 'train',
          flags,
          run: () => ({
            kind: 'train',
            config,
            seed: config.seed,
            chunks: dynamics.trainChunkCount(config),
          }),
          progress:
            'train [{bar}] {percentage}% | {value}/{total} seed paths | ETA {eta_formatted}',
        },
        (run) =>
          dynamics.train(config, {
            threads,
            signal: run.signal,
            completed: new Map(
              [...run.completed].map(([index, stored]) => [
                index,
                dynamics.parseTrainChunkResult(
                  config,
                  stored,
                  index,
                  `checkpoint '${flags.checkpoint}': chunk ${index}`,
                ),
              ]),
            ),
            onChunk: (chunk) => run.onChunk(chunk.chunk, chunk),
            onRetry: run.onRetry,
            onProgress: (p) => run.onProgress(p.seedsDone, p.seeds),
          }),
        async (result: TrainResult) => {
          const { trainSummaryLine, writeTrainReport } = await import(
            '../../dynamics/train-report.ts'
          );
          let where: string | undefined;
          if (flags.out !== undefined) {
            const command = `rl-objective ${process.argv.slice(2).join(' ')}`;
            const paths = await writeTrainReport(result, flags.out, command);
            const shown = relative(process.cwd(), paths.html);
            where = shown.startsWith('..') ? paths.html : shown;
          }
          process.stdout.write(
            flags.json
              ? `${JSON.stringify(dynamics.trainJson(result))}\n`
              : text(result, trainSummaryLine(result), where),
          );
          process.exitCode = EXIT_OF_OUTCOME[result.outcome];
        },
      );
    });
}

function text(r: TrainResult, summary: string, report: string | undefined): string {
  const fmt = (x: number) => String(Number(x.toPrecision(4)));
  const last = r.steps.length - 1;
  const header = ['scheme', 'mean p', '±SE', 'mean field', 'hardest', 'max|z|', 'agree'];
  const rows = r.schemes.map((s) => [
    s.scheme,
    fmt(s.meanP.mean[last]!),
    fmt(s.meanP.stderr[last]!),
    fmt(s.meanField.meanP[last]!),
    fmt(s.hardest.mean[last]!),
    fmt(Math.abs(s.check.z[s.check.component]!)),
    s.check.agree === null ? 'no verdict' : s.check.agree ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((row) => row[j]!.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!)))
      .join('  ');
  const c = r.config;
  return [
    `${c.corpus.spec}, M = ${c.M}, ${c.steps} steps, batch ${c.batch}, lr ${c.lr}, ${c.seeds} seeds, in ${r.seconds.toFixed(2)} s (values at step ${c.steps})`,
    line(header),
    ...rows.map(line),
    `${summary}${report === undefined ? '' : ` · report: ${report}`}`,
    '',
  ].join('\n');
}
