import { TRAIN_DEFAULTS } from '../defaults/index.ts';
import {
  InputError,
  LIMITS,
  type Limit,
  requirePositive,
  requirePositiveInteger,
  requireSize,
} from '../errors/index.ts';
import { requireC } from '../objective/index.ts';
import { scheme as buildScheme } from '../schemes/index.ts';
import { type CorpusDescription, parseCorpus } from './corpus.ts';

/** Largest step count, batch, number of seeds and pass@k level a run accepts. */
const MAX_STEPS: Limit = { max: 10_000_000, why: 'every seed runs every step' };
const MAX_BATCH: Limit = { max: 1_000_000, why: 'a step draws its whole batch' };
const MAX_SEEDS: Limit = { max: 10_000_000, why: 'every seed is a run of its own' };
const MAX_K: Limit = { max: 1_000_000, why: 'the largest pass@k level of the curves' };
/** Most recorded steps: the curves of one seed hold this many points per metric. */
const MAX_RECORDS = 100_001;
/** Work (responses plus per-prompt updates) a chunk of seeds aims at. */
const CHUNK_WORK = 2 ** 23;

/** What a caller asks {@link resolveTrain} for (docs/theory.md §8); defaults are filled in. */
export interface TrainInput {
  /** Weight scheme specs, at least one, e.g. `['reinforce', 'grpo', 'passk:k=4']`. */
  readonly schemes: readonly string[];
  /** Group size: responses per prompt; default `TRAIN_DEFAULTS.M`. */
  readonly M?: number;
  /** `tabular:prompts=N,alpha=A,beta=B` or `shared:prompts=N,dim=d,alpha=A,beta=B`. */
  readonly corpus: string | CorpusDescription;
  /** SGA steps `T`; default `TRAIN_DEFAULTS.steps`. */
  readonly steps?: number;
  /** Prompts per step `B`; default `TRAIN_DEFAULTS.batch`. */
  readonly batch?: number;
  /** Learning rate `lr > 0`. */
  readonly lr: number;
  /**
   * Independent runs per scheme, at least 2 (standard errors are across seeds); default
   * `TRAIN_DEFAULTS.seeds`.
   */
  readonly seeds?: number;
  /** Record every `record` steps (steps 0 and T always); default `ceil(steps/100)`. */
  readonly record?: number;
  /** Run seed; default 0. It draws the paths, and a shared corpus's features unless `corpusSeed`. */
  readonly seed?: string | number;
  /** Seed of a shared corpus's features; default the run seed. */
  readonly corpusSeed?: string | number;
  /** pass@k levels to report; default `TRAIN_DEFAULTS.k`. */
  readonly k?: readonly number[];
  /** Name of the substream family, e.g. a check id; default `train`. */
  readonly stream?: string;
  /**
   * Per scheme, a count-form table `c` (of any length: its own group size) to build the mean
   * field and the path check from instead of the scheme's own, e.g. a deliberately wrong closed
   * form such as `h_{M-1}'`; null or absent: its own.
   */
  readonly closedForm?: readonly (readonly number[] | null)[] | null;
  /** Seeds per chunk; default from the work per seed. Fixes the chunking, not the threads. */
  readonly seedsPerChunk?: number;
}

/** A resolved run: plain JSON that alone determines every number of its result. */
export interface TrainConfig {
  /** Canonical scheme specs, in the order given. */
  readonly schemes: readonly string[];
  readonly M: number;
  readonly corpus: CorpusDescription;
  readonly steps: number;
  readonly batch: number;
  readonly lr: number;
  readonly seeds: number;
  readonly record: number;
  readonly seed: string | number;
  readonly corpusSeed: string | number;
  readonly k: readonly number[];
  readonly stream: string;
  readonly closedForm: readonly (readonly number[] | null)[] | null;
  readonly seedsPerChunk: number;
}

/**
 * Validates a training run (docs/theory.md §8) and fills its defaults. Every bad input is a one-line
 * InputError before any work: no scheme, a scheme repeated or unknown or invalid at `M`, a bad
 * corpus, `lr <= 0`, `steps`, `batch`, `record` or `seeds` not positive integers (or `seeds`
 * below 2, `record` above `steps`), a pass@k level not a positive integer or repeated.
 */
export function resolveTrain(input: TrainInput): TrainConfig {
  if (!Array.isArray(input.schemes) || input.schemes.length === 0) {
    throw new InputError('train needs at least one scheme (--scheme)');
  }
  const M = requireSize('M', input.M ?? TRAIN_DEFAULTS.M, LIMITS.M);
  const schemes = input.schemes.map((spec) => buildScheme(spec, M).spec);
  const repeated = schemes.find((s, i) => schemes.indexOf(s) !== i);
  if (repeated !== undefined) throw new InputError(`scheme '${repeated}' is given twice`);
  const corpus = parseCorpus(typeof input.corpus === 'string' ? input.corpus : input.corpus.spec);
  const steps = requireSize('steps', input.steps ?? TRAIN_DEFAULTS.steps, MAX_STEPS);
  const batch = requireSize('batch', input.batch ?? TRAIN_DEFAULTS.batch, MAX_BATCH);
  const lr = requirePositive('lr', input.lr);
  const seeds = requireSize('seeds', input.seeds ?? TRAIN_DEFAULTS.seeds, MAX_SEEDS);
  if (seeds < 2) {
    throw new InputError(
      `seeds must be at least 2 (standard errors are across seeds), got ${seeds}`,
    );
  }
  const record = requirePositiveInteger('record', input.record ?? Math.ceil(steps / 100));
  if (record > steps)
    throw new InputError(`record must be at most steps (${steps}), got ${record}`);
  if (Math.floor(steps / record) + 2 > MAX_RECORDS) {
    throw new InputError(
      `record ${record} keeps too many steps; at most ${MAX_RECORDS - 2} records`,
    );
  }
  const k = [...(input.k ?? TRAIN_DEFAULTS.k)].map((v) => requireSize('k', v, MAX_K));
  if (k.length === 0) throw new InputError('k needs at least one pass@k level');
  const kRepeated = k.find((v, i) => k.indexOf(v) !== i);
  if (kRepeated !== undefined) throw new InputError(`k ${kRepeated} is given twice`);
  const closedForm = input.closedForm ?? null;
  if (closedForm !== null) {
    if (closedForm.length !== schemes.length) {
      throw new InputError(`closedForm must have one entry per scheme (${schemes.length})`);
    }
    for (const c of closedForm) if (c !== null) requireC(c);
  }
  const seedWork =
    steps * batch * (M + 1) +
    (corpus.kind === 'shared' ? steps * corpus.prompts * (corpus.dim + M) : 0) +
    (Math.floor(steps / record) + 2) * corpus.prompts * (4 + k.length);
  const seedsPerChunk =
    input.seedsPerChunk === undefined
      ? Math.max(1, Math.min(seeds, Math.floor(CHUNK_WORK / seedWork)))
      : requirePositiveInteger('seeds-per-chunk', input.seedsPerChunk);
  const chunks = schemes.length * Math.ceil(seeds / seedsPerChunk);
  if (chunks > LIMITS.chunks.max) {
    throw new InputError(
      `this run would be cut into ${chunks} chunks (${schemes.length} schemes x ${seeds} seeds, ${seedsPerChunk} per chunk); at most ${LIMITS.chunks.max} (${LIMITS.chunks.why}): give fewer seeds`,
    );
  }
  return {
    schemes,
    M,
    corpus,
    steps,
    batch,
    lr,
    seeds,
    record,
    seed: input.seed ?? TRAIN_DEFAULTS.seed,
    corpusSeed: input.corpusSeed ?? input.seed ?? TRAIN_DEFAULTS.seed,
    k,
    stream: input.stream ?? 'train',
    closedForm: closedForm === null ? null : closedForm.map((c) => (c === null ? null : [...c])),
    seedsPerChunk,
  };
}

/** The recorded steps of a run: `0, r, 2r, ...`, and `T` (docs/theory.md §8). */
export function recordedSteps(config: Pick<TrainConfig, 'steps' | 'record'>): number[] {
  const steps: number[] = [];
  for (let s = 0; s < config.steps; s += config.record) steps.push(s);
  steps.push(config.steps);
  return steps;
}

/** Chunks per scheme: seeds are cut into blocks of `seedsPerChunk`. */
export function chunksPerScheme(config: TrainConfig): number {
  return Math.ceil(config.seeds / config.seedsPerChunk);
}

/** Chunks of a whole run: each scheme's seeds, scheme by scheme. */
export function trainChunkCount(config: TrainConfig): number {
  return config.schemes.length * chunksPerScheme(config);
}

/** Chunk `chunk` of a run: its scheme and its seeds `first..last-1`. */
export function trainChunk(
  config: TrainConfig,
  chunk: number,
): { scheme: number; first: number; last: number } {
  const per = chunksPerScheme(config);
  const scheme = Math.floor(chunk / per);
  const first = (chunk % per) * config.seedsPerChunk;
  return { scheme, first, last: Math.min(config.seeds, first + config.seedsPerChunk) };
}
