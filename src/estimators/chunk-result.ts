import type { VectorMomentsJson } from '../stats/vector-moments.ts';

/**
 * The mergeable result of one chunk, or of a contiguous range of chunks merged in order
 * (MATH.md §6): plain JSON, lossless, so that chunks can be checkpointed, computed on other
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
