import { InputError } from '../errors/index.ts';
import { substream } from '../rng/index.ts';
import type { VectorSink } from '../stats/index.ts';
import { Categorical, ENUMERATION_LIMIT, softmaxProbabilities } from './categorical.ts';
import { type Policy, PolicySampler, type Sampler } from './policy.ts';
import type { ScoreLaw } from './score-law.ts';

/** Parameters of the autoregressive toy model; see {@link sequence}. */
export interface SequenceParams {
  readonly V: number;
  readonly L: number;
  readonly r: number;
  readonly seed: string | number;
  readonly scale?: number;
}

/**
 * The autoregressive toy model (docs/theory.md §5): vocabulary `V`, length `L`,
 * `pi(y) = prod_l softmax(theta[l][y_{l-1}])[y_l]`, and the verifier `sum_l y_l mod V == r`.
 *
 * Parameters: position 0 has one row of `V` logits (after a start token); position `l >= 1` has
 * one row per previous token, so `theta` has `V + (L-1)·V^2` entries, row
 * `1 + (l-1)·V + y_{l-1}`. Every logit is drawn uniform in `[-scale, scale]` (default 1) from
 * `substream(seed, 'sequence-theta')`. `grad log pi(y)` is the sum over positions of
 * `e_{y_l} - softmax(row)` in the row used; `p` and `grad p = sum_{y in C} pi(y) grad log pi(y)`
 * come from exact enumeration of the `V^L` sequences, which must not exceed
 * {@link ENUMERATION_LIMIT}.
 */
export function sequence(params: SequenceParams): Policy {
  const { V, L, r, seed } = params;
  const scale = params.scale ?? 1;
  if (!Number.isInteger(V) || V < 1)
    throw new InputError(`sequence policy: V must be a positive integer, got ${V}`);
  if (!Number.isInteger(L) || L < 1)
    throw new InputError(`sequence policy: L must be a positive integer, got ${L}`);
  if (V ** L > ENUMERATION_LIMIT) {
    throw new InputError(
      `sequence policy: V^L = ${V}^${L} exceeds the enumeration limit ${ENUMERATION_LIMIT}`,
    );
  }
  if (!Number.isInteger(r) || r < 0 || r >= V)
    throw new InputError(`sequence policy: r must be an integer in 0..${V - 1}, got ${r}`);
  if (!(Number.isFinite(scale) && scale >= 0))
    throw new InputError(`sequence policy: scale must be a finite number >= 0, got ${scale}`);
  const rows = 1 + (L - 1) * V;
  const dim = rows * V;
  const u = substream(seed, 'sequence-theta');
  const theta = Float64Array.from({ length: dim }, () => scale * (2 * u() - 1));
  const pi = new Float64Array(dim);
  for (let row = 0; row < rows; row++)
    pi.set(softmaxProbabilities(theta.subarray(row * V, row * V + V)), row * V);
  const rowOf = (l: number, prev: number) => (l === 0 ? 0 : 1 + (l - 1) * V + prev);
  const { p, gradP, scores } = enumerate();
  const categorical = new Categorical(pi, V);
  // The verifier by the sum of the tokens, looked up: `%` by a number known only at run time is
  // a hardware division, the slowest step of a draw.
  const verdictOfSum = Uint8Array.from({ length: L * (V - 1) + 1 }, (_, sum) =>
    sum % V === r ? 1 : 0,
  );

  // One pass over the V^L sequences: for the correct ones and for all, the weight with which
  // each row is used and each (row, token) drawn; grad p and the score law follow.
  function enumerate(): { p: number; gradP: Float64Array; scores: ScoreLaw } {
    const total = V ** L;
    const y = new Int32Array(L);
    const usedRight = new Float64Array(rows);
    const usedAll = new Float64Array(rows);
    const hitRight = new Float64Array(dim);
    const hitAll = new Float64Array(dim);
    let sum = 0;
    for (let index = 0; index < total; index++) {
      let rest = index;
      let tokens = 0;
      for (let l = L - 1; l >= 0; l--) {
        y[l] = rest % V;
        rest = Math.floor(rest / V);
        tokens += y[l]!;
      }
      const right = tokens % V === r;
      let prob = 1;
      for (let l = 0; l < L; l++) prob *= pi[rowOf(l, y[l - 1] ?? 0) * V + y[l]!]!;
      if (right) sum += prob;
      for (let l = 0; l < L; l++) {
        const row = rowOf(l, y[l - 1] ?? 0);
        const at = row * V + y[l]!;
        hitAll[at] = hitAll[at]! + prob;
        usedAll[row] = usedAll[row]! + prob;
        if (right) {
          hitRight[at] = hitRight[at]! + prob;
          usedRight[row] = usedRight[row]! + prob;
        }
      }
    }
    const grad = new Float64Array(dim);
    const side = (wrong: boolean, mass: number) => {
      const used = new Float64Array(dim);
      const hit = new Float64Array(dim);
      if (mass > 0) {
        for (let at = 0; at < dim; at++) {
          const row = Math.floor(at / V);
          used[at] = (wrong ? usedAll[row]! - usedRight[row]! : usedRight[row]!) / mass;
          hit[at] = (wrong ? hitAll[at]! - hitRight[at]! : hitRight[at]!) / mass;
        }
      }
      return { used, hit };
    };
    for (let at = 0; at < dim; at++)
      grad[at] = hitRight[at]! - usedRight[Math.floor(at / V)]! * pi[at]!;
    return {
      p: sum,
      gradP: grad,
      scores: { pi, correct: side(false, sum), wrong: side(true, 1 - sum) },
    };
  }

  return {
    kind: 'sequence',
    description: { kind: 'sequence', V, L, r, seed, scale },
    dim,
    theta,
    prompts: [{ Q: 1, p, gradP, offset: 0, scores }],
    sampler() {
      return new PolicySampler([new SequenceSampler(categorical, pi, V, L, verdictOfSum)]);
    },
  };
}

/**
 * Draws sequences of the autoregressive toy model (docs/theory.md §5) for the simulators: token
 * `y_l` from one uniform by inversion in its state's row (`categorical`, probabilities `pi`),
 * the reward from the sum of the tokens (`verdictOfSum`), and the response kept only as counts of
 * its `L` transitions (row used, token drawn), per reward class: O(L) per response, no
 * allocation.
 *
 * `grad log pi(y)` is the sum over positions of `e_{y_l} - softmax(row)` in the row used, so
 * under class weights `w` (`w' = w · scale`) the update of the logit `(row, v)` is
 * `n_0 w'_0 + n_1 w'_1 - W_row pi_(row, v)`, with `n_c` the count of the transition among
 * responses of class `c` and `W_row = U_0 w'_0 + U_1 w'_1` the row's weighted use (`U_c` its
 * uses by responses of class `c`, the sum of its transitions' counts `n_c`, integers, so summed
 * at the update instead of counted per token): the softmax sampler's form, row by row, O(dim)
 * per group.
 */
class SequenceSampler implements Sampler {
  readonly width: number;
  rewards: Int32Array;
  private readonly rows: number;
  private readonly G: number;
  private readonly shift: number;
  private readonly dim: number;
  /**
   * Everything the draw loops read or write, in one array, so that the compiled loops check a
   * single array: the guide tables of `categorical`, row after row, at `[0, rows·G)`; the entry
   * of token `v` in a row of position `l` is `(next(l) + v)·G`, where `next(l) = 1 + l·V` is the
   * first row of position `l + 1` (for the last position, of a position that does not exist), so
   * that the entry is where the next token's row starts: the loop's chain of dependent steps
   * (entry, then the next entry) is one addition and one load per token. A split bucket holds
   * `~((next(l) + v)·G)` for the smallest `v` it may give. Then the verdicts of the sums of
   * tokens at `verdictAt`; the transition counts of wrong then correct responses at `countAt`
   * (`2·dim`); the transitions `row·V + token` of the group's responses at `pathAt`; then their
   * rewards (-1 for a response with a token in a split bucket, until it is drawn by search).
   */
  private table: Int32Array;
  /** Whether the last draw left responses with a token in a split bucket to {@link resolve}. */
  private split = false;
  private readonly verdictAt: number;
  /**
   * Where the draw loops read a response's verdict from the sum of its entries' rows: those rows
   * `next(l) + v` sum to its tokens' sum plus `sum_l next(l) = L + V·L(L-1)/2`.
   */
  private readonly verdictOfRowsAt: number;
  private readonly countAt: number;
  private readonly pathAt: number;
  private rewardAt: number;

  constructor(
    private readonly categorical: Categorical,
    private readonly pi: Float64Array,
    private readonly V: number,
    private readonly L: number,
    verdictOfSum: Uint8Array,
  ) {
    const G = categorical.buckets;
    this.width = L;
    this.G = G;
    this.shift = Math.log2(G);
    this.dim = pi.length;
    this.rows = pi.length / V;
    this.verdictAt = this.rows * G;
    this.countAt = this.verdictAt + verdictOfSum.length;
    this.pathAt = this.countAt + 2 * this.dim;
    this.rewardAt = this.pathAt;
    const table = new Int32Array(this.pathAt);
    for (let row = 0; row < this.rows; row++) {
      const next = row === 0 ? 1 : 1 + (Math.floor((row - 1) / V) + 1) * V;
      categorical.guideRow(row).forEach((entry, j) => {
        table[row * G + j] = entry >= 0 ? (next + entry) * G : ~((next + ~entry) * G);
      });
    }
    table.set(verdictOfSum, this.verdictAt);
    this.verdictOfRowsAt = (this.verdictAt - (L + (V * L * (L - 1)) / 2)) | 0;
    this.table = table;
    this.rewards = table.subarray(this.rewardAt, this.rewardAt);
  }

  draw(uniforms: Float64Array, k: number, count: number): number {
    if (this.rewards.length < count) this.grow(count);
    const four = count & ~3;
    this.split = false;
    let correct = four === 0 ? 0 : this.drawFours(uniforms, k, four);
    correct += this.drawEach(uniforms, k, four, count);
    if (this.split) correct += this.resolve(uniforms, k, count);
    this.count(count);
    return correct;
  }

  /**
   * Draws responses `0 .. four - 1` (`four` a multiple of 4) four at a time, their tokens side by
   * side: each response's tokens are one chain of dependent loads (a token's entry gives the
   * next token's row), and four chains overlap. The same tokens, transitions and rewards as
   * {@link drawEach}. Returns the number of correct responses among those with no token in a
   * split bucket; the others get reward -1 and set {@link split}, for {@link resolve}.
   */
  private drawFours(uniforms: Float64Array, k: number, four: number): number {
    const { table, G, V, L, shift, pathAt, rewardAt } = this;
    const verdictAt = this.verdictOfRowsAt;
    let correct = 0;
    let split = 0;
    for (let i = 0; i < four; i = (i + 4) | 0) {
      const t0 = (k + i * L) | 0;
      const p0 = (pathAt + i * L) | 0;
      let a = 0;
      let b = 0;
      let c = 0;
      let d = 0;
      let sa = 0;
      let sb = 0;
      let sc = 0;
      let sd = 0;
      let bad = 0;
      let next = 1;
      for (let l = 0; l < L; l = (l + 1) | 0) {
        let ea = table[(a + ((uniforms[t0 + l]! * G) | 0)) | 0]!;
        let eb = table[(b + ((uniforms[t0 + L + l]! * G) | 0)) | 0]!;
        let ec = table[(c + ((uniforms[t0 + 2 * L + l]! * G) | 0)) | 0]!;
        let ed = table[(d + ((uniforms[t0 + 3 * L + l]! * G) | 0)) | 0]!;
        if ((ea | eb | ec | ed) < 0) {
          if (ea < 0) {
            bad |= 1;
            ea = ~ea;
          }
          if (eb < 0) {
            bad |= 2;
            eb = ~eb;
          }
          if (ec < 0) {
            bad |= 4;
            ec = ~ec;
          }
          if (ed < 0) {
            bad |= 8;
            ed = ~ed;
          }
        }
        const ya = ea >> shift;
        const yb = eb >> shift;
        const yc = ec >> shift;
        const yd = ed >> shift;
        table[(p0 + l) | 0] = ((a >> shift) * V + ya - next) | 0;
        table[(p0 + L + l) | 0] = ((b >> shift) * V + yb - next) | 0;
        table[(p0 + 2 * L + l) | 0] = ((c >> shift) * V + yc - next) | 0;
        table[(p0 + 3 * L + l) | 0] = ((d >> shift) * V + yd - next) | 0;
        sa = (sa + ya) | 0;
        sb = (sb + yb) | 0;
        sc = (sc + yc) | 0;
        sd = (sd + yd) | 0;
        a = ea;
        b = eb;
        c = ec;
        d = ed;
        next = (next + V) | 0;
      }
      const ra = bad & 1 ? -1 : table[(verdictAt + sa) | 0]!;
      const rb = bad & 2 ? -1 : table[(verdictAt + sb) | 0]!;
      const rc = bad & 4 ? -1 : table[(verdictAt + sc) | 0]!;
      const rd = bad & 8 ? -1 : table[(verdictAt + sd) | 0]!;
      table[(rewardAt + i) | 0] = ra;
      table[(rewardAt + i + 1) | 0] = rb;
      table[(rewardAt + i + 2) | 0] = rc;
      table[(rewardAt + i + 3) | 0] = rd;
      if (bad !== 0) {
        split = 1;
        // A response drawn later by search counts there, not here.
        correct =
          (correct +
            (ra & ~(ra >> 31)) +
            (rb & ~(rb >> 31)) +
            (rc & ~(rc >> 31)) +
            (rd & ~(rd >> 31))) |
          0;
      } else {
        correct = (correct + ra + rb + rc + rd) | 0;
      }
    }
    if (split !== 0) this.split = true;
    return correct;
  }

  /**
   * Draws responses `from .. count - 1` one at a time, token after token; returns and marks as
   * {@link drawFours} does.
   */
  private drawEach(uniforms: Float64Array, k: number, from: number, count: number): number {
    const { table, G, V, L, shift, pathAt, rewardAt } = this;
    const n = (count * L) | 0;
    const verdictAt = this.verdictOfRowsAt;
    let correct = 0;
    let split = 0;
    // Token by token, with no call and no inner loop, so that the compiled loop keeps its
    // arrays at hand, and `| 0` keeps its integer arithmetic free of overflow checks; a response
    // ends every L tokens.
    let l = 0;
    let rowAt = 0;
    let next = 1;
    let sum = 0;
    let i = from;
    let bad = 0;
    for (let t = (from * L) | 0; t < n; t = (t + 1) | 0) {
      let entry = table[(rowAt + ((uniforms[k + t]! * G) | 0)) | 0]!;
      if (entry < 0) {
        bad = 1;
        entry = ~entry;
      }
      const to = entry >> shift;
      // The transition (row, v), with `v = to - next`.
      table[(pathAt + t) | 0] = ((rowAt >> shift) * V + to - next) | 0;
      sum = (sum + to) | 0;
      rowAt = entry;
      next = (next + V) | 0;
      l = (l + 1) | 0;
      if (l === L) {
        let r = table[(verdictAt + sum) | 0]!;
        if (bad !== 0) {
          r = -1;
          split = 1;
          bad = 0;
        } else {
          correct = (correct + r) | 0;
        }
        table[(rewardAt + i) | 0] = r;
        i = (i + 1) | 0;
        l = 0;
        rowAt = 0;
        next = 1;
        sum = 0;
      }
    }
    if (split !== 0) this.split = true;
    return correct;
  }

  /**
   * Draws by search the responses of the last {@link draw} that have a token in a split bucket
   * (reward -1), writing their transitions and rewards; returns how many of them are correct.
   */
  private resolve(uniforms: Float64Array, k: number, count: number): number {
    const { table, V, L, verdictAt, pathAt, rewardAt, categorical } = this;
    let correct = 0;
    for (let i = 0; i < count; i++) {
      if (table[rewardAt + i] !== -1) continue;
      let prev = 0;
      let sum = 0;
      for (let l = 0; l < L; l++) {
        const row = l === 0 ? 0 : 1 + (l - 1) * V + prev;
        const y = categorical.draw(row, uniforms[k + i * L + l]!);
        table[pathAt + i * L + l] = row * V + y;
        sum += y;
        prev = y;
      }
      const r = table[verdictAt + sum]!;
      table[rewardAt + i] = r;
      correct += r;
    }
    return correct;
  }

  /** Adds the transitions of the last {@link draw}'s `count` responses into their class's counts. */
  private count(count: number): void {
    const { table, L, dim, countAt, pathAt, rewardAt } = this;
    for (let i = 0, t = pathAt; i < count; i = (i + 1) | 0) {
      const at = (countAt + table[(rewardAt + i) | 0]! * dim) | 0;
      const end = (t + L) | 0;
      for (; t < end; t = (t + 1) | 0) {
        const cell = (at + table[t]!) | 0;
        table[cell] = (table[cell]! + 1) | 0;
      }
    }
  }

  /** Room for the transitions and rewards of a group of `count` responses. */
  private grow(count: number): void {
    const table = new Int32Array(this.pathAt + count * (this.L + 1));
    table.set(this.table.subarray(0, this.pathAt));
    this.table = table;
    this.rewardAt = this.pathAt + count * this.L;
    this.rewards = table.subarray(this.rewardAt, this.rewardAt + count);
  }

  update(w: Float64Array, scale: number, out: VectorSink, offset: number): void {
    const { V, rows, table, countAt, dim, pi } = this;
    const w0 = w[0]! * scale;
    const w1 = w[1]! * scale;
    const finite = Number.isFinite(w0) && Number.isFinite(w1);
    for (let row = 0, start = 0; row < rows; row = (row + 1) | 0, start = (start + V) | 0) {
      const wrong = (countAt + start) | 0;
      const right = (wrong + dim) | 0;
      let used0 = 0;
      let used1 = 0;
      for (let v = 0; v < V; v = (v + 1) | 0) {
        used0 = (used0 + table[(wrong + v) | 0]!) | 0;
        used1 = (used1 + table[(right + v) | 0]!) | 0;
      }
      // A row no response used (most of them in small groups) is `0·w'_0 + 0·w'_1 - 0·pi`, +0
      // whatever the signs when the weights are finite: the sink is told so at once, and its
      // counts, already 0, need no clearing.
      if ((used0 | used1) === 0 && finite) {
        out.zeros((offset + start) | 0, (offset + start + V) | 0);
        continue;
      }
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
