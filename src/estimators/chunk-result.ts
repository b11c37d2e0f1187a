import { firstIssue, InputError, lazySchema } from '../errors/index.ts';
import { VectorMoments, type VectorMomentsJson, vectorMomentsSchema } from '../stats/index.ts';
import type { SimulationConfig } from './simulation-config.ts';

/**
 * The mergeable result of one chunk, or of a contiguous range of chunks merged in order
 * (docs/theory.md §6): plain JSON, lossless, so that chunks can be checkpointed, computed on other
 * machines and merged later to the same bits.
 */
export interface ChunkResult {
  /** First chunk index covered. */
  readonly first: number;
  /** Last chunk index covered (inclusive). */
  readonly last: number;
  /** Groups completed. */
  readonly groups: number;
  /** Responses drawn (for pure-rs, every draw). */
  readonly responses: number;
  /** Moments of the per-group update vector. */
  readonly gradient: VectorMomentsJson;
  /** Pure-rs: moments of the per-group draw count (dimension 1); null for Algorithm 1. */
  readonly draws: VectorMomentsJson | null;
  /** Groups that hit the draw cap (pure-rs); a capped chunk stops at that group. */
  readonly capped: number;
}

/**
 * Merges two chunk results that cover adjacent ranges, `a` directly before `b` (Chan's pairwise
 * merge of the moments, docs/theory.md §6; counters add). Merging the chunks of a run left to right in
 * chunk order gives the same bits however many threads or machines computed them.
 */
export function mergeChunkResults(a: ChunkResult, b: ChunkResult): ChunkResult {
  if (b.first !== a.last + 1) {
    throw new Error(
      `mergeChunkResults: chunks ${a.first}..${a.last} and ${b.first}..${b.last} are not adjacent`,
    );
  }
  const merge = (x: ChunkResult['gradient'], y: ChunkResult['gradient']) => {
    const m = VectorMoments.fromJSON(x);
    m.merge(VectorMoments.fromJSON(y));
    return m.toJSON();
  };
  if ((a.draws === null) !== (b.draws === null)) {
    throw new Error('mergeChunkResults: one chunk has draw counts and the other not');
  }
  return {
    first: a.first,
    last: b.last,
    groups: a.groups + b.groups,
    responses: a.responses + b.responses,
    gradient: merge(a.gradient, b.gradient),
    draws: a.draws && b.draws ? merge(a.draws, b.draws) : null,
    capped: a.capped + b.capped,
  };
}

const schema = lazySchema((z) => {
  const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
  return z.strictObject({
    first: count,
    last: count,
    groups: count,
    responses: count,
    gradient: vectorMomentsSchema(),
    draws: vectorMomentsSchema().nullable(),
    capped: count,
  });
});

/**
 * Reads a {@link ChunkResult} back from JSON (a checkpoint's chunk file or a shard's part) and
 * checks that it is chunk `chunk` alone (`first = last = chunk`), so that it can be merged in
 * chunk order (docs/theory.md §6). Anything else is a one-line {@link InputError} naming `what`.
 */
export function parseChunkResult(value: unknown, chunk: number, what: string): ChunkResult {
  const parsed = schema().safeParse(value);
  if (!parsed.success) {
    throw new InputError(`${what}: not a chunk result (${firstIssue(parsed.error)})`);
  }
  const result = parsed.data as ChunkResult;
  if (result.first !== chunk || result.last !== chunk) {
    throw new InputError(
      `${what}: holds chunks ${result.first}..${result.last} of its simulation, expected chunk ${chunk}`,
    );
  }
  return result;
}

/**
 * Refuses a result of `config` in which a pure-rs group reached its draw cap (docs/theory.md §4: the
 * estimator is unbiased only if every group runs until B correct answers), with a one-line
 * {@link InputError} saying how to fix the run. Returns the result otherwise.
 */
export function requireUncapped(config: SimulationConfig, result: ChunkResult): ChunkResult {
  if (result.capped > 0 && config.estimator === 'pure-rs') {
    throw new InputError(
      `pure-rs: a group reached the draw cap of ${config.maxDraws} draws (chunk ${result.first}); raise max-draws or use a policy with larger p`,
    );
  }
  return result;
}
