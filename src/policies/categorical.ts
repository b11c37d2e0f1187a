/**
 * The largest number of responses (softmax `K`, sequence `V^L`) a policy may enumerate. It lives
 * with the categorical draws that enumerate them rather than beside the JSON schema that enforces
 * it, so that the samplers, which run in worker threads, do not load zod.
 */
export const ENUMERATION_LIMIT = 100_000;

/**
 * `softmax(logits)` (docs/theory.md §5, tabular softmax), computed stably by subtracting the largest
 * logit before exponentiating.
 */
export function softmaxProbabilities(logits: ArrayLike<number>): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < logits.length; j++) max = Math.max(max, logits[j]!);
  const pi = Float64Array.from(logits, (v) => Math.exp(v - max));
  let sum = 0;
  for (const v of pi) sum += v;
  for (let j = 0; j < pi.length; j++) pi[j] = pi[j]! / sum;
  return pi;
}

/** Guide-table buckets per row: at least this many, and four per category. */
const MIN_BUCKETS = 1024;

/** Guide-table buckets per row are at most this many (a power of two). */
const MAX_BUCKETS = 2 ** 16;

/**
 * Rows of categorical distributions sampled by inversion (docs/theory.md §5): one uniform `u` in
 * [0, 1) per draw gives the index `v` with `cdf[v-1] <= u < cdf[v]`, where `cdf` holds each
 * row's running sums, ending exactly at 1, so that every `u` finds an index: the smallest `v`
 * with `u < cdf[v]`, the very index a binary search finds.
 *
 * It is found by indexed search (Chen and Asau's guide table) instead of the binary search's
 * `log2(size)` unpredictable branches: bucket `j` of a row covers `[j/G, (j+1)/G)`, with `G`
 * buckets a power of two (so `u·G` is exact), at least {@link MIN_BUCKETS} and four per
 * category. A bucket that no `cdf` value splits holds its one index `v`, the draw's answer for
 * every `u` in it, found with one lookup; a bucket split by some `cdf` value holds `~v` for the
 * smallest `v` with `cdf[v] > j/G`, and the draw steps forward from `v` while `u >= cdf[v]`.
 * With at least four buckets per category, most buckets are whole. Hand-written: the
 * simulators draw each response through it, and it must give these indexes exactly, so that a
 * seed keeps its bits whatever `G` is.
 */
export class Categorical {
  /** Running sums, `rows × size`; each row ends at exactly 1. */
  readonly cdf: Float64Array;
  /** Guide-table buckets per row, a power of two. */
  readonly buckets: number;
  private readonly guide: Int32Array;

  /** `pi` holds `rows × size` probabilities, row by row; each row is normalised here. */
  constructor(
    pi: Float64Array,
    readonly size: number,
  ) {
    const rows = pi.length / size;
    this.cdf = new Float64Array(pi.length);
    let buckets = MIN_BUCKETS;
    while (buckets < 4 * size && buckets < MAX_BUCKETS) buckets *= 2;
    this.buckets = buckets;
    this.guide = new Int32Array(rows * buckets);
    for (let row = 0; row < rows; row++) {
      const base = row * size;
      let total = 0;
      for (let v = 0; v < size; v++) total += pi[base + v]!;
      let running = 0;
      for (let v = 0; v < size; v++) {
        running += pi[base + v]!;
        this.cdf[base + v] = v === size - 1 ? 1 : running / total;
      }
      let v = 0;
      for (let j = 0; j < buckets; j++) {
        while (this.cdf[base + v]! <= j / buckets) v++;
        const whole = this.cdf[base + v]! >= (j + 1) / buckets;
        this.guide[row * buckets + j] = whole ? v : ~v;
      }
    }
  }

  /**
   * The guide table of row `row`, `G = `{@link buckets} entries: entry `floor(u·G)` is the index
   * drawn by `u` when it is `>= 0` (a whole bucket), else `~v` for {@link search}. The samplers
   * copy it into the one array their loops read, and leave the few split buckets to a pass of
   * {@link search} after the loop.
   */
  guideRow(row: number): Int32Array {
    return this.guide.subarray(row * this.buckets, (row + 1) * this.buckets);
  }

  /** The index drawn in row `row` by `u`, from the guide-table entry `~v` of its split bucket. */
  search(row: number, u: number, entry: number): number {
    const cdf = this.cdf;
    const base = row * this.size;
    let v = ~entry;
    while (u >= cdf[base + v]!) v++;
    return v;
  }

  /** The index drawn in row `row` by the uniform `u` in [0, 1). */
  draw(row: number, u: number): number {
    // `| 0` is the floor: `0 <= u·G < 2^31`.
    const entry = this.guide[row * this.buckets + ((u * this.buckets) | 0)]!;
    return entry >= 0 ? entry : this.search(row, u, entry);
  }
}
