import { VectorMoments } from '../stats/vector-moments.ts';
import type { ChunkResult } from './chunk-result.ts';

/**
 * Merges two chunk results that cover adjacent ranges, `a` directly before `b` (Chan's pairwise
 * merge of the moments, MATH.md §6; counters add). Merging the chunks of a run left to right in
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
