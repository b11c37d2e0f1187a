import type { VectorSink } from '../stats/index.ts';
import { Categorical } from './categorical.ts';
import type { Sampler } from './policy.ts';

/**
 * Most prefixes a sequence policy's samplers draw from one table: enough for the whole response
 * of the small models (`V^L <= 4096`), few enough that the table stays in the caches.
 */
export const PREFIX_LIMIT = 4096;

/**
 * How many leading tokens of a response the samplers of the autoregressive toy model draw
 * together, from one uniform: the largest `l <= L` with `V^l <=` {@link PREFIX_LIMIT}, and at
 * least 1.
 */
export function prefixLength(V: number, L: number): number {
  let l = 1;
  while (l < L && V ** (l + 1) <= PREFIX_LIMIT) l++;
  return l;
}

/**
 * The tables of a sequence policy's samplers, made once per policy (see {@link SequenceSampler}):
 * `prefixes`, the guide table of the `V^P` prefixes' probabilities in enumeration order (`y_0`
 * the most significant digit), `tokens`, the per-row guide tables of `pi`, and `table`, which
 * each sampler copies into the one array its loop reads:
 *
 * - at 0, the prefixes' guide: a whole bucket holds its prefix's entry, a split one `~index`;
 * - at `entryAt`, one entry of `2P + 2` integers per prefix: the sum of its tokens, its last
 *   token, its `P` transitions `row·V + token`, and their rows;
 * - at `rowGuideAt`, when `P < L`, each row's guide over its `V` tokens (`~token` when split);
 * - at `verdictAt`, the verdict of each sum of tokens, `sum mod V == r`.
 */
export interface SequenceTables {
  readonly P: number;
  readonly prefixes: Categorical;
  readonly tokens: Categorical;
  readonly table: Int32Array;
  readonly entryAt: number;
  readonly rowGuideAt: number;
  readonly verdictAt: number;
}

/**
 * The samplers' tables of the autoregressive toy model with row probabilities `pi` (rows of `V`,
 * row `1 + (l-1)·V + y_{l-1}` at position `l >= 1`), length `L` and verifier residue `r`.
 */
export function sequenceTables(pi: Float64Array, V: number, L: number, r: number): SequenceTables {
  const P = prefixLength(V, L);
  const total = V ** P;
  const probs = new Float64Array(total);
  const size = 2 * P + 2;
  const entries = new Int32Array(total * size);
  const y = new Int32Array(P);
  for (let index = 0; index < total; index++) {
    let rest = index;
    for (let l = P - 1; l >= 0; l--) {
      y[l] = rest % V;
      rest = Math.floor(rest / V);
    }
    let prob = 1;
    let sum = 0;
    for (let l = 0; l < P; l++) {
      const row = l === 0 ? 0 : 1 + (l - 1) * V + y[l - 1]!;
      prob *= pi[row * V + y[l]!]!;
      sum += y[l]!;
      entries[index * size + 2 + l] = row * V + y[l]!;
      entries[index * size + 2 + P + l] = row;
    }
    probs[index] = prob;
    entries[index * size] = sum;
    entries[index * size + 1] = y[P - 1]!;
  }
  const prefixes = new Categorical(probs, total);
  const tokens = new Categorical(pi, V);
  const G = prefixes.buckets;
  const entryAt = G;
  const rowGuideAt = entryAt + entries.length;
  const rows = pi.length / V;
  const verdictAt = rowGuideAt + (P < L ? rows * tokens.buckets : 0);
  const table = new Int32Array(verdictAt + L * (V - 1) + 1);
  prefixes.guideRow(0).forEach((entry, j) => {
    table[j] = entry >= 0 ? entryAt + entry * size : entry;
  });
  table.set(entries, entryAt);
  if (P < L)
    for (let row = 0; row < rows; row++) {
      table.set(tokens.guideRow(row), rowGuideAt + row * tokens.buckets);
    }
  for (let sum = 0; sum <= L * (V - 1); sum++) table[verdictAt + sum] = sum % V === r ? 1 : 0;
  return { P, prefixes, tokens, table, entryAt, rowGuideAt, verdictAt };
}

/**
 * Draws responses of the autoregressive toy model (docs/theory.md §5) for the simulators: the
 * first `P` tokens ({@link prefixLength}) together from one uniform, by inversion over the `V^P`
 * prefixes in enumeration order with their probabilities, then each later token from one
 * uniform by inversion in its row (`width = 1 + L - P` uniforms per response): the law of drawing
 * the tokens one after another. The reward comes from the sum of the tokens, and
 * the response is kept only as counts of its `L` transitions (row used, token drawn) and of its
 * rows' uses, per reward class: O(L) per response, no allocation.
 *
 * `grad log pi(y)` is the sum over positions of `e_{y_l} - softmax(row)` in the row used, so
 * under class weights `w` (`w' = w · scale`) the update of the logit `(row, v)` is
 * `n_0 w'_0 + n_1 w'_1 - W_row pi_(row, v)`, with `n_c` the count of the transition among
 * responses of class `c` and `W_row = U_0 w'_0 + U_1 w'_1` the row's weighted use (`U_c` its
 * uses by responses of class `c`): the softmax sampler's form, row by row, O(dim) per group.
 */
export class SequenceSampler implements Sampler {
  readonly width: number;
  rewards: Int32Array;
  private readonly P: number;
  private readonly rows: number;
  private readonly dim: number;
  private readonly prefixBuckets: number;
  private readonly tokenBuckets: number;
  /**
   * Everything the draw loop reads or writes but the rewards, in one array, so that the compiled
   * loop checks a single one: a copy of the policy's {@link SequenceTables} array; then at
   * `pathAt` the transitions and rows of a response's tokens after its prefix; the group's
   * transition counts of wrong then correct responses at `countAt` (`2·dim`), and their rows'
   * uses at `useAt` (`2·rows`), cleared by {@link update}.
   */
  private readonly table: Int32Array;
  private readonly pathAt: number;
  private readonly countAt: number;
  private readonly useAt: number;

  constructor(
    private readonly tables: SequenceTables,
    private readonly pi: Float64Array,
    private readonly V: number,
    private readonly L: number,
  ) {
    this.P = tables.P;
    this.width = 1 + L - tables.P;
    this.dim = pi.length;
    this.rows = pi.length / V;
    this.prefixBuckets = tables.prefixes.buckets;
    this.tokenBuckets = tables.tokens.buckets;
    this.pathAt = tables.table.length;
    this.countAt = this.pathAt + 2 * (L - tables.P);
    this.useAt = this.countAt + 2 * this.dim;
    this.table = new Int32Array(this.useAt + 2 * this.rows);
    this.table.set(tables.table);
    this.rewards = new Int32Array(0);
  }

  draw(uniforms: Float64Array, k: number, count: number): number {
    if (this.rewards.length < count) this.rewards = new Int32Array(count);
    const { table, rewards, width, P, L, V, dim, rows, pathAt, countAt, useAt } = this;
    const { prefixBuckets, tokenBuckets } = this;
    const { rowGuideAt, verdictAt } = this.tables;
    let correct = 0;
    for (let i = 0; i < count; i = (i + 1) | 0) {
      const first = (k + i * width) | 0;
      const u = uniforms[first]!;
      // `| 0` is the floor: `0 <= u·G < 2^31`.
      let at = table[(u * prefixBuckets) | 0]!;
      if (at < 0) at = this.searchPrefix(u, at);
      let sum = table[at]!;
      let prev = table[(at + 1) | 0]!;
      let path = pathAt;
      for (let l = P, base = 1 + (P - 1) * V; l < L; l = (l + 1) | 0, base = (base + V) | 0) {
        const row = (base + prev) | 0;
        const v = uniforms[(first + 1 + l - P) | 0]!;
        let y = table[(rowGuideAt + row * tokenBuckets + ((v * tokenBuckets) | 0)) | 0]!;
        if (y < 0) y = this.tables.tokens.search(row, v, y);
        table[path] = (row * V + y) | 0;
        table[(path + 1) | 0] = row;
        path = (path + 2) | 0;
        sum = (sum + y) | 0;
        prev = y;
      }
      const r = table[(verdictAt + sum) | 0]!;
      rewards[i] = r;
      correct = (correct + r) | 0;
      const cells = (countAt + r * dim) | 0;
      const uses = (useAt + r * rows) | 0;
      for (let t = (at + 2) | 0, end = (at + 2 + P) | 0; t < end; t = (t + 1) | 0) {
        const cell = (cells + table[t]!) | 0;
        table[cell] = (table[cell]! + 1) | 0;
        const use = (uses + table[(t + P) | 0]!) | 0;
        table[use] = (table[use]! + 1) | 0;
      }
      for (let t = pathAt; t < path; t = (t + 2) | 0) {
        const cell = (cells + table[t]!) | 0;
        table[cell] = (table[cell]! + 1) | 0;
        const use = (uses + table[(t + 1) | 0]!) | 0;
        table[use] = (table[use]! + 1) | 0;
      }
    }
    return correct;
  }

  /** The entry of the prefix `u` draws, from the guide entry `~index` of its split bucket. */
  private searchPrefix(u: number, entry: number): number {
    const { tables } = this;
    return tables.entryAt + tables.prefixes.search(0, u, entry) * (2 * this.P + 2);
  }

  update(w: Float64Array, scale: number, out: VectorSink, offset: number): void {
    const { V, rows, table, countAt, useAt, dim, pi } = this;
    const w0 = w[0]! * scale;
    const w1 = w[1]! * scale;
    const finite = Number.isFinite(w0) && Number.isFinite(w1);
    for (let row = 0, start = 0; row < rows; row = (row + 1) | 0, start = (start + V) | 0) {
      const wrong = (countAt + start) | 0;
      const right = (wrong + dim) | 0;
      const used0 = table[(useAt + row) | 0]!;
      const used1 = table[(useAt + rows + row) | 0]!;
      // A row no response used (most of them in small groups) is `0·w'_0 + 0·w'_1 - 0·pi`, +0
      // whatever the signs when the weights are finite: the sink is told so at once, and its
      // counts, already 0, need no clearing.
      if ((used0 | used1) === 0 && finite) {
        out.zeros((offset + start) | 0, (offset + start + V) | 0);
        continue;
      }
      table[(useAt + row) | 0] = 0;
      table[(useAt + rows + row) | 0] = 0;
      const W = used0 * w0 + used1 * w1;
      for (let v = 0; v < V; v = (v + 1) | 0) {
        out.put(
          (offset + start + v) | 0,
          table[(wrong + v) | 0]! * w0 + table[(right + v) | 0]! * w1 - W * pi[(start + v) | 0]!,
        );
        table[(wrong + v) | 0] = 0;
        table[(right + v) | 0] = 0;
      }
    }
  }
}
