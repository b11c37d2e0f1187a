import { firstIssue, InputError, lazySchema } from '../errors/index.ts';
import { BernoulliGroup } from '../estimators/index.ts';
import { scheme as buildScheme, type Scheme } from '../schemes/index.ts';
import { VectorMoments, type VectorMomentsJson, vectorMomentsSchema } from '../stats/index.ts';
import { ClosedFormEvaluator } from './closed-form-evaluator.ts';
import { buildCorpus, type Corpus } from './corpus.ts';
import { metricLayout } from './curve-metrics.ts';
import { type DriftProjections, driftProjections, project } from './drift-projections.ts';
import { type PathSetup, runSeed } from './sga-paths.ts';
import { recordedSteps, type TrainConfig, trainChunk, trainChunkCount } from './train-config.ts';

/**
 * The mergeable result of one chunk of a training run (a block of seeds of one scheme, docs/theory.md
 * §8): the moments across its seeds of every recorded metric and of every projection of the
 * martingale sum `D_T`. Plain lossless JSON, so that it can be checkpointed and merged later to
 * the same bits.
 */
export interface TrainChunkResult {
  readonly chunk: number;
  /** Seeds run. */
  readonly seeds: number;
  /** Moments of the metric curves (record-major, `metricLayout` per recorded step). */
  readonly curves: VectorMomentsJson;
  /** Moments of the projections of `D_T` (`driftProjections`). */
  readonly drift: VectorMomentsJson;
}

/** What a run's chunks share: the corpus, and per scheme its path setup. */
export interface TrainSetup {
  readonly corpus: Corpus;
  readonly projections: DriftProjections;
  readonly schemes: readonly Scheme[];
  readonly paths: readonly PathSetup[];
}

// Building a corpus takes N Beta quantiles (and N d normal draws); a worker runs many chunks of
// the same run, so the last few setups are kept. The result does not depend on the cache.
const cache = new Map<string, TrainSetup>();
const CACHE_SIZE = 4;

/**
 * The setup of a run (docs/theory.md §8): its corpus for the run seed, the path check's projections,
 * and per scheme the native scheme and the closed form `h_M'` (its own `c`, or the config's
 * `closedForm` entry).
 */
export function trainSetup(config: TrainConfig): TrainSetup {
  const key = JSON.stringify(config);
  const hit = cache.get(key);
  if (hit) return hit;
  const corpus = buildCorpus(config.corpus, config.corpusSeed);
  const layout = metricLayout(config.k);
  const recorded = recordedSteps(config);
  const schemes = config.schemes.map((spec) => buildScheme(spec, config.M));
  const paths = schemes.map((scheme, i) => ({
    corpus,
    scheme,
    group: new BernoulliGroup(scheme),
    closedForm: new ClosedFormEvaluator(config.closedForm?.[i] ?? scheme.c),
    layout,
    recorded,
    steps: config.steps,
    batch: config.batch,
    lr: config.lr,
    seed: config.seed,
    stream: config.stream,
  }));
  const setup = { corpus, projections: driftProjections(corpus), schemes, paths };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, setup);
  return setup;
}

/**
 * Runs chunk `chunk` of a training run: a pure function of the config and the index. Its seeds
 * `first..last-1` of its scheme each run a stochastic path (`runSeed`, substream
 * `(seed, stream, scheme, 'seed', r)`), pushed in seed order into the moments.
 */
export function runTrainChunk(config: TrainConfig, chunk: number): TrainChunkResult {
  const chunks = trainChunkCount(config);
  if (!Number.isInteger(chunk) || chunk < 0 || chunk >= chunks) {
    throw new RangeError(`runTrainChunk: chunk ${chunk} is outside 0..${chunks - 1}`);
  }
  const { scheme, first, last } = trainChunk(config, chunk);
  const setup = trainSetup(config);
  const path = setup.paths[scheme]!;
  const curves = new VectorMoments(path.recorded.length * path.layout.size);
  const drift = new VectorMoments(setup.projections.names.length);
  for (let r = first; r < last; r++) {
    const result = runSeed(path, r);
    curves.push(result.curves);
    drift.push(project(setup.projections, result.drift));
  }
  return { chunk, seeds: last - first, curves: curves.toJSON(), drift: drift.toJSON() };
}

const schema = lazySchema((z) => {
  const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
  const moments = vectorMomentsSchema();
  return z.strictObject({ chunk: count, seeds: count, curves: moments, drift: moments });
});

/**
 * Reads a {@link TrainChunkResult} back from JSON (a checkpoint's chunk file) and checks that it
 * is chunk `chunk` of `config`, with its seeds and dimensions. Anything else is a one-line
 * InputError naming `what`.
 */
export function parseTrainChunkResult(
  config: TrainConfig,
  value: unknown,
  chunk: number,
  what: string,
): TrainChunkResult {
  const parsed = schema().safeParse(value);
  if (!parsed.success) {
    throw new InputError(`${what}: not a train chunk result (${firstIssue(parsed.error)})`);
  }
  const result = parsed.data as TrainChunkResult;
  const { first, last } = trainChunk(config, chunk);
  const setup = trainSetup(config);
  const path = setup.paths[0]!;
  const ok =
    result.chunk === chunk &&
    result.seeds === last - first &&
    result.curves.n === result.seeds &&
    result.drift.n === result.seeds &&
    result.curves.mean.length === path.recorded.length * path.layout.size &&
    result.drift.mean.length === setup.projections.names.length;
  if (!ok) throw new InputError(`${what}: does not hold chunk ${chunk} of this run`);
  return result;
}
