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
  const { p, gradP, scores, sequences } = enumerate();

  // One pass over the V^L sequences: for the correct ones and for all, the weight with which
  // each row is used and each (row, token) drawn; grad p and the score law follow, and each
  // sequence's probability, verdict and transitions for the samplers.
  function enumerate(): {
    p: number;
    gradP: Float64Array;
    scores: ScoreLaw;
    sequences: SequenceTable;
  } {
    const total = V ** L;
    const y = new Int32Array(L);
    const probs = new Float64Array(total);
    const entries = new Int32Array(total * (2 * L + 1));
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
      probs[index] = prob;
      entries[index * (2 * L + 1)] = right ? 1 : 0;
      for (let l = 0; l < L; l++) {
        const row = rowOf(l, y[l - 1] ?? 0);
        const at = row * V + y[l]!;
        entries[index * (2 * L + 1) + 1 + l] = at;
        entries[index * (2 * L + 1) + 1 + L + l] = row;
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
      sequences: sequenceTable(probs, entries, L),
    };
  }

  return {
    kind: 'sequence',
    description: { kind: 'sequence', V, L, r, seed, scale },
    dim,
    theta,
    prompts: [{ Q: 1, p, gradP, offset: 0, scores }],
    sampler() {
      return new PolicySampler([new SequenceSampler(sequences, pi, V, L)]);
    },
  };
}

/**
 * The samplers' tables of the `V^L` sequences, made once per policy: `whole`, the guide table of
 * their probabilities in enumeration order (`y_0` the most significant digit), and `table`, which
 * the samplers copy into the one array their loop reads: the guide's `G` entries (a whole bucket
 * holds its sequence's entry, a split one `~y` for `whole.search`), then from `entryAt` one entry
 * of `2L + 1` integers per sequence: its verdict, its transitions `row·V + token`, and their rows.
 */
interface SequenceTable {
  readonly whole: Categorical;
  readonly table: Int32Array;
  readonly entryAt: number;
}

function sequenceTable(probs: Float64Array, entries: Int32Array, L: number): SequenceTable {
  const whole = new Categorical(probs, probs.length);
  const G = whole.buckets;
  const table = new Int32Array(G + entries.length);
  whole.guideRow(0).forEach((entry, j) => {
    table[j] = entry >= 0 ? G + entry * (2 * L + 1) : entry;
  });
  table.set(entries, G);
  return { whole, table, entryAt: G };
}

/**
 * Draws sequences of the autoregressive toy model (docs/theory.md §5) for the simulators: a
 * whole response from one uniform by inversion over the `V^L` sequences in enumeration order
 * (`whole`: a guide table over their probabilities `pi(y)`, the law of drawing `y_0, ..., y_{L-1}`
 * token by token), its reward and its `L` transitions (row used, token drawn) read from the
 * sequence's entry, and the transitions kept only as counts per reward class: O(L) per response,
 * no allocation.
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
  readonly width = 1;
  rewards: Int32Array;
  private readonly rows: number;
  private readonly G: number;
  private readonly dim: number;
  /**
   * Everything the draw loop reads or writes but the rewards, in one array, so that the compiled
   * loop checks a single one: a copy of the policy's {@link SequenceTable} array (the guide, then
   * the sequences' entries), then the group's transition counts of wrong then correct responses
   * at `countAt` (`2·dim`), then their rows' uses at `useAt` (`2·rows`), cleared by
   * {@link update}.
   */
  private readonly table: Int32Array;
  private readonly countAt: number;
  private readonly useAt: number;

  constructor(
    private readonly sequences: SequenceTable,
    private readonly pi: Float64Array,
    private readonly V: number,
    private readonly L: number,
  ) {
    this.G = sequences.whole.buckets;
    this.dim = pi.length;
    this.rows = pi.length / V;
    this.countAt = sequences.table.length;
    this.useAt = this.countAt + 2 * this.dim;
    this.table = new Int32Array(this.useAt + 2 * this.rows);
    this.table.set(sequences.table);
    this.rewards = new Int32Array(0);
  }

  draw(uniforms: Float64Array, k: number, count: number): number {
    if (this.rewards.length < count) this.rewards = new Int32Array(count);
    const { table, rewards, G, L, dim, rows, countAt, useAt } = this;
    let correct = 0;
    for (let i = 0; i < count; i = (i + 1) | 0) {
      const u = uniforms[(k + i) | 0]!;
      // `| 0` is the floor: `0 <= u·G < 2^31`.
      let at = table[(u * G) | 0]!;
      if (at < 0) at = this.search(u, at);
      const r = table[at]!;
      rewards[i] = r;
      correct = (correct + r) | 0;
      const cells = (countAt + r * dim) | 0;
      const uses = (useAt + r * rows) | 0;
      const end = (at + L) | 0;
      for (let t = (at + 1) | 0; t <= end; t = (t + 1) | 0) {
        const cell = (cells + table[t]!) | 0;
        table[cell] = (table[cell]! + 1) | 0;
        const use = (uses + table[(t + L) | 0]!) | 0;
        table[use] = (table[use]! + 1) | 0;
      }
    }
    return correct;
  }

  /** The entry of the sequence `u` draws, from the guide entry `~y` of its split bucket. */
  private search(u: number, entry: number): number {
    return this.sequences.entryAt + this.sequences.whole.search(0, u, entry) * (2 * this.L + 1);
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
