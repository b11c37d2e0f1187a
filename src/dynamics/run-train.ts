import { TRAIN_DEFAULTS } from '../defaults/index.ts';
import { InputError } from '../errors/index.ts';
import { maxAbs } from '../math/index.ts';
import { VectorMoments } from '../stats/index.ts';
import { DECILES, metricLayout } from './curve-metrics.ts';
import { type MeanFieldResult, meanField } from './mean-field.ts';
import { decidePathChecks, type PathCheck, pathCheckThreshold } from './path-check.ts';
import { type TrainChunkResult, trainSetup } from './train-chunk.ts';
import { recordedSteps, type TrainConfig, trainChunk, trainChunkCount } from './train-config.ts';
import { type RunTrainChunksOptions, runTrainChunks } from './train-pool.ts';

/** A curve averaged over seeds: per recorded step, the mean and its standard error. */
export interface SeedCurve {
  readonly mean: number[];
  readonly stderr: number[];
}

/** The mean-field curves of one scheme (deterministic). */
export interface MeanFieldCurves {
  readonly meanP: number[];
  /** Keyed by k. */
  readonly passAtK: Record<string, number[]>;
  readonly hardest: number[];
  readonly J: number[];
  /** Per initial-difficulty decile (hardest first), the mean `p`. */
  readonly deciles: number[][];
}

/** The dynamics of one scheme: its stochastic curves, its mean field, and its path check. */
export interface SchemeDynamics {
  /** Canonical scheme spec. */
  readonly scheme: string;
  readonly meanP: SeedCurve;
  /** Keyed by k. */
  readonly passAtK: Record<string, SeedCurve>;
  /** Mean `p` of the initially hardest decile. */
  readonly hardest: SeedCurve;
  /** `J_h = mean_x h_M(p_x)`. */
  readonly J: SeedCurve;
  /** Per initial-difficulty decile (hardest first). */
  readonly deciles: SeedCurve[];
  readonly meanField: MeanFieldCurves;
  readonly check: PathCheck;
  /**
   * How far the stochastic mean of `p` is from the mean field (docs/theory.md §8: they differ by
   * O(lr) through the nonlinearity; shown, never asserted): the largest |difference| over the
   * recorded steps, where it is, and its size in standard errors there.
   */
  readonly meanFieldDistance: { readonly max: number; readonly step: number; readonly z: number };
}

/** The outcome of a training run's path checks: `insufficient` when some scheme has no verdict. */
export type TrainOutcome = 'agree' | 'disagree' | 'insufficient';

/** What a training run returns ({@link runTrain}, and the entry point `train`). */
export interface TrainResult {
  readonly config: TrainConfig;
  /** Recorded steps: 0, r, 2r, ..., T. */
  readonly steps: number[];
  readonly schemes: SchemeDynamics[];
  /** `disagree` if some check disagrees, else `insufficient` if some has no verdict, else `agree`. */
  readonly outcome: TrainOutcome;
  /** Seeds the path checks need for a verdict (equal to the run's when they have one). */
  readonly seedsNeeded: number;
  readonly alpha: number;
  readonly beta: number;
  /** Prompts in each initial-difficulty decile. */
  readonly decileSizes: number[];
  readonly seconds: number;
}

/** Progress of a training run, after every completed chunk. */
export interface TrainProgress {
  readonly chunksDone: number;
  readonly chunks: number;
  readonly seedsDone: number;
  readonly seeds: number;
}

/** How {@link runTrain} runs and decides. */
export interface RunTrainOptions extends RunTrainChunksOptions {
  /** Family-wise false-fail rate of the path checks (Holm); default 1e-6. */
  readonly alpha?: number;
  /** False-pass rate at the reported resolution; default 1e-3. */
  readonly beta?: number;
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Called with each new chunk's result as it completes, e.g. to checkpoint it. */
  readonly onChunk?: (result: TrainChunkResult) => void;
  /** Chunk results already computed (a checkpoint's), by index; they are not rerun. */
  readonly completed?: ReadonlyMap<number, TrainChunkResult>;
}

/**
 * Algorithm 1 as stochastic gradient ascent on a corpus (docs/theory.md §8), for each scheme: `seeds`
 * independent stochastic paths (`runSeed`: native group weights, rewards exactly
 * Bernoulli(`p_x`)), their learning curves averaged over seeds with standard errors, the
 * deterministic mean-field path from the closed-form `h_M'`, and the path check: the martingale
 * `D_T = sum_t (Delta theta_t - lr grad J(theta_t))` has mean 0, tested on fixed projections over
 * the seeds with Holm at `alpha` (`decidePathChecks`).
 *
 * The work is cut into chunks of seeds (`runTrainChunk`), each drawn from its own substreams and
 * merged in chunk order, so the result has the same bits whatever `threads` and whichever chunks
 * came from `completed`. Throws InputError for a bad `alpha`, a `ChunkFailure` when a chunk
 * fails twice.
 */
export async function runTrain(
  config: TrainConfig,
  options: RunTrainOptions = {},
): Promise<TrainResult> {
  const started = performance.now();
  const alpha = options.alpha ?? TRAIN_DEFAULTS.alpha;
  const beta = options.beta ?? TRAIN_DEFAULTS.beta;
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`alpha must be in (0, 1), got ${alpha}`);
  const chunks = trainChunkCount(config);
  const results = new Map<number, TrainChunkResult>(options.completed ?? []);
  for (const index of results.keys()) {
    if (!(Number.isInteger(index) && index >= 0 && index < chunks)) {
      throw new InputError(`completed chunks must be in 0..${chunks - 1}, got ${index}`);
    }
  }
  let seedsDone = 0;
  for (const r of results.values()) seedsDone += r.seeds;
  const progress = () =>
    options.onProgress?.({
      chunksDone: results.size,
      chunks,
      seedsDone,
      seeds: config.seeds * config.schemes.length,
    });
  progress();
  const todo = Array.from({ length: chunks }, (_, i) => i).filter((i) => !results.has(i));
  await runTrainChunks(
    config,
    todo,
    (result) => {
      options.onChunk?.(result);
      results.set(result.chunk, result);
      seedsDone += result.seeds;
      progress();
    },
    options,
  );
  return summarizeTrain(config, results, { alpha, beta, seconds: 0, started });
}

/**
 * Completes a run from all its chunk results: merges each scheme's chunks in chunk order (Chan),
 * computes the mean fields, and decides the path checks.
 */
function summarizeTrain(
  config: TrainConfig,
  results: ReadonlyMap<number, TrainChunkResult>,
  run: { alpha: number; beta: number; seconds: number; started: number },
): TrainResult {
  const setup = trainSetup(config);
  const { corpus, projections } = setup;
  const layout = metricLayout(config.k);
  const steps = recordedSteps(config);
  const d = projections.names.length;
  const { fewestSeeds } = pathCheckThreshold(run.alpha, config.schemes.length, d);
  const merged = config.schemes.map(() => ({
    curves: new VectorMoments(steps.length * layout.size),
    drift: new VectorMoments(d),
  }));
  for (let c = 0; c < trainChunkCount(config); c++) {
    const result = results.get(c);
    if (result === undefined) throw new Error(`train: chunk ${c} is missing`);
    const target = merged[trainChunk(config, c).scheme]!;
    target.curves.merge(VectorMoments.fromJSON(result.curves));
    target.drift.merge(VectorMoments.fromJSON(result.drift));
  }
  const lawNeeded = config.seeds >= fewestSeeds;
  const fields = config.schemes.map((_, i) => schemeMeanField(config, i, lawNeeded));
  const reach = corpus.features === null ? 1 / corpus.N : maxAbs(corpus.features);
  const checks = decidePathChecks(
    merged.map((m, i) => ({
      drift: m.drift,
      law: fields[i]!.law ?? null,
      scale: (config.lr * config.steps * reach * maxAbs(setup.paths[i]!.closedForm.c)) / 4 || 0,
    })),
    projections.names,
    run.alpha,
    run.beta,
  );
  const schemes = config.schemes.map((scheme, i): SchemeDynamics => {
    const { curves } = merged[i]!;
    const mean = curves.mean;
    const se = curves.stderr();
    const seedCurve = (metric: number): SeedCurve => ({
      mean: steps.map((_, r) => mean[r * layout.size + metric]!),
      stderr: steps.map((_, r) => se[r * layout.size + metric]!),
    });
    const field = fields[i]!.curves;
    const fieldCurve = (metric: number) => steps.map((_, r) => field[r * layout.size + metric]!);
    const meanP = seedCurve(layout.meanP);
    const fieldP = fieldCurve(layout.meanP);
    let worst = 0;
    for (let r = 1; r < steps.length; r++) {
      if (Math.abs(meanP.mean[r]! - fieldP[r]!) > Math.abs(meanP.mean[worst]! - fieldP[worst]!)) {
        worst = r;
      }
    }
    const gap = meanP.mean[worst]! - fieldP[worst]!;
    return {
      scheme,
      meanP,
      passAtK: Object.fromEntries(
        config.k.map((k, j) => [String(k), seedCurve(layout.passAtK + j)]),
      ),
      hardest: seedCurve(layout.hardest),
      J: seedCurve(layout.J),
      deciles: Array.from({ length: DECILES }, (_, j) => seedCurve(layout.deciles + j)),
      meanField: {
        meanP: fieldP,
        passAtK: Object.fromEntries(
          config.k.map((k, j) => [String(k), fieldCurve(layout.passAtK + j)]),
        ),
        hardest: fieldCurve(layout.hardest),
        J: fieldCurve(layout.J),
        deciles: Array.from({ length: DECILES }, (_, j) => fieldCurve(layout.deciles + j)),
      },
      check: checks[i]!,
      meanFieldDistance: {
        max: Math.abs(gap),
        step: steps[worst]!,
        z: meanP.stderr[worst]! > 0 ? gap / meanP.stderr[worst]! : 0,
      },
    };
  });
  const outcome: TrainOutcome = checks.some((c) => c.agree === false)
    ? 'disagree'
    : checks.some((c) => c.agree === null)
      ? 'insufficient'
      : 'agree';
  return {
    config,
    steps,
    schemes,
    outcome,
    seedsNeeded: Math.max(...checks.map((c) => c.seedsNeeded)),
    alpha: run.alpha,
    beta: run.beta,
    decileSizes: Array.from(corpus.decileSize),
    seconds: (performance.now() - run.started) / 1000,
  };
}

/**
 * The mean-field path of scheme `i` of a run (`meanField` with the run's closed form), with the
 * law of its drift projections along it when `law` is set (for the path check's precondition).
 */
export function schemeMeanField(config: TrainConfig, i: number, law: boolean): MeanFieldResult {
  const setup = trainSetup(config);
  const path = setup.paths[i]!;
  return meanField(
    setup.corpus,
    path.closedForm,
    path.layout,
    path.recorded,
    config.steps,
    config.lr,
    law ? { scheme: path.scheme, batch: config.batch, projections: setup.projections } : undefined,
  );
}

/** The exact `--json` document of `rl-objective train` (docs/train.md). */
export function trainJson(result: TrainResult) {
  const { config } = result;
  return {
    config: {
      schemes: config.schemes,
      M: config.M,
      corpus: config.corpus.spec,
      steps: config.steps,
      batch: config.batch,
      lr: config.lr,
      seeds: config.seeds,
      record: config.record,
      seed: config.seed,
      k: config.k,
      alpha: result.alpha,
    },
    steps: result.steps,
    schemes: result.schemes.map((s) => ({
      scheme: s.scheme,
      meanP: s.meanP,
      passAtK: s.passAtK,
      hardest: s.hardest,
      meanField: { meanP: s.meanField.meanP, passAtK: s.meanField.passAtK },
      check: {
        z: s.check.z,
        threshold: s.check.threshold,
        resolution: s.check.resolution,
        agree: s.check.agree,
      },
    })),
  };
}
