import { runIdentity } from '../checkpoint/index.ts';
import { TRAIN_DEFAULTS } from '../defaults/index.ts';
import {
  type CheckpointOptions,
  checkpointedRun,
  type RunEvents,
  withRunLock,
} from '../estimators/index.ts';
import { runTrain, type TrainProgress, type TrainResult } from './run-train.ts';
import { parseTrainChunkResult } from './train-chunk.ts';
import { resolveTrain, type TrainInput, trainChunkCount } from './train-config.ts';

/**
 * What {@link train} is asked for: the run itself (`TrainInput`: schemes, `M`, corpus, steps,
 * batch, learning rate, seeds), how its path checks decide, where it runs, where it keeps its
 * completed chunks, and where it writes its report.
 */
export interface TrainOptions extends TrainInput, CheckpointOptions, RunEvents {
  /** Family-wise false-fail rate of the path checks (Holm); default `TRAIN_DEFAULTS.alpha`. */
  readonly alpha?: number;
  /** False-pass rate at the reported resolution; default `TRAIN_DEFAULTS.beta`. */
  readonly beta?: number;
  /** Worker threads; default `TRAIN_DEFAULTS.threads` (1: this thread). */
  readonly threads?: number;
  /** Told after every completed chunk. */
  readonly onProgress?: (progress: TrainProgress) => void;
  /**
   * Write the report here (`writeTrainReport`: train.json, train.md, index.html, figures/),
   * created when missing.
   */
  readonly out?: string;
  /** The command line the report records; default `rl-objective train`. */
  readonly command?: string;
}

/**
 * `rl-objective train` as a function: Algorithm 1 as stochastic gradient ascent on a corpus for
 * each scheme, the mean field, and the check of the paths against the closed-form gradient
 * (docs/theory.md §8, `runTrain`).
 *
 * The input is validated once, before any work; the work is a fixed list of chunks of seeds, so
 * the same options give the same bits for any number of threads and across resumes. With
 * `checkpoint` every completed chunk is kept there (under the directory's lock) until the report
 * is written, and `resume` continues from them; with `out` the report is written there.
 *
 * Throws an InputError for bad input; a `StoppedRun` when cancelled through `signal` or when a
 * chunk fails twice.
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const config = resolveTrain(options);
  const dir = options.checkpoint;
  const run = () =>
    checkpointedRun(
      dir === undefined
        ? undefined
        : {
            dir,
            identity: runIdentity({
              kind: 'train',
              config,
              seed: config.seed,
              chunks: trainChunkCount(config),
            }),
            resume: options.resume === true,
          },
      options.signal,
      async (work) => {
        const result = await runTrain(config, {
          alpha: options.alpha,
          beta: options.beta,
          threads: options.threads ?? TRAIN_DEFAULTS.threads,
          signal: options.signal,
          completed: new Map(
            [...work.completed].map(([index, stored]) => [
              index,
              parseTrainChunkResult(config, stored, index, `checkpoint '${dir}': chunk ${index}`),
            ]),
          ),
          onChunk: (chunk) => work.onChunk(chunk.chunk, chunk),
          onRetry: options.onWarning,
          onProgress: options.onProgress,
        });
        if (options.out !== undefined) {
          const { writeTrainReport } = await import('./train-report.ts');
          await writeTrainReport(result, options.out, options.command ?? 'rl-objective train');
        }
        return result;
      },
    );
  return dir === undefined ? run() : withRunLock(dir, { ...options, removeIfEmpty: true }, run);
}
