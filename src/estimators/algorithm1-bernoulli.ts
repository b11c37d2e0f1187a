import type { UniformStream } from '../rng/uniform-stream.ts';
import { PATTERN_TABLE_MAX_M } from '../schemes/pattern-table.ts';
import type { Scheme } from '../schemes/scheme.ts';
import type { VectorMoments } from '../stats/vector-moments.ts';

/** Groups summed before a Chan merge into the moments: one division per block, not per group. */
const BLOCK = 1024;

/**
 * Algorithm 1 (MATH.md §1) on the Bernoulli-logistic policy (§5), specialised for speed: one
 * uniform per response read straight from the stream's buffer, the reward `R = 1[u < p]`
 * without a branch, `Z` from the scheme's native `advantagesInto`, and the scalar update
 * `g = (1/M) sum_i Z_i (R_i - p)` (as `grad log pi = R - p`). Groups are summarised in blocks
 * of {@link BLOCK} as shifted sums (shift = the block's first value, so no cancellation) and
 * Chan-merged into `moments`. Draws the same uniforms as the generic path, one per response.
 *
 * Up to `PATTERN_TABLE_MAX_M` the update of each of the `2^M` reward patterns is computed
 * first, by exactly the operations above (`advantagesInto` is a function of the rewards alone),
 * and a group only reads its rewards into the pattern's index: the same bits, about twice as
 * fast.
 */
export function algorithm1Bernoulli(
  p: number,
  scheme: Scheme,
  groups: number,
  u: UniformStream,
  moments: VectorMoments,
): void {
  const M = scheme.M;
  const invM = 1 / M;
  const rewards = new Float64Array(M);
  const weights = new Float64Array(M);
  const update = (): number => {
    scheme.advantagesInto(rewards, weights);
    let acc = 0;
    for (let i = 0; i < M; i++) acc += weights[i]! * (rewards[i]! - p);
    return acc * invM;
  };
  let byPattern: Float64Array | null = null;
  if (M <= PATTERN_TABLE_MAX_M) {
    byPattern = new Float64Array(2 ** M);
    for (let pattern = 0; pattern < 2 ** M; pattern++) {
      for (let i = 0; i < M; i++) rewards[i] = (pattern >> i) & 1;
      byPattern[pattern] = update();
    }
  }
  const blockMean = new Float64Array(1);
  const blockM2 = new Float64Array(1);
  const buffer = u.buffer;
  // The buffer's length, not the imported UNIFORM_BUFFER: piscina loads the workers through
  // tsx's CommonJS hook, where an imported constant is a getter call on every read (2.8x slower
  // per chunk at M = 8 than on the main thread).
  const end = buffer.length;
  let k = u.index;
  for (let done = 0; done < groups; ) {
    const size = Math.min(BLOCK, groups - done);
    let shift = 0;
    let sum = 0;
    let squares = 0;
    for (let n = 0; n < size; n++) {
      let x: number;
      if (byPattern) {
        let pattern = 0;
        for (let i = 0; i < M; i++) {
          if (k === end) {
            u.refill();
            k = 0;
          }
          // Branch-free `u < p ? 1 : 0`: u - p lies in (-1, 1).
          pattern |= (0 - Math.floor(buffer[k++]! - p)) << i;
        }
        x = byPattern[pattern]!;
      } else {
        for (let i = 0; i < M; i++) {
          if (k === end) {
            u.refill();
            k = 0;
          }
          rewards[i] = 0 - Math.floor(buffer[k++]! - p);
        }
        x = update();
      }
      if (n === 0) shift = x;
      const d = x - shift;
      sum += d;
      squares += d * d;
    }
    blockMean[0] = shift + sum / size;
    blockM2[0] = Math.max(0, squares - (sum * sum) / size);
    moments.mergeSummary(size, blockMean, blockM2);
    done += size;
  }
  u.index = k;
}
