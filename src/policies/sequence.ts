import { InputError } from '../errors/index.ts';
import { substream } from '../rng/index.ts';
import { ENUMERATION_LIMIT, softmaxProbabilities } from './categorical.ts';
import { type Policy, PolicySampler } from './policy.ts';
import type { ScoreLaw } from './score-law.ts';
import { SequenceSampler, sequenceTables } from './sequence-sampler.ts';

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
  const tables = sequenceTables(pi, V, L, r);

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
      return new PolicySampler([new SequenceSampler(tables, pi, V, L)]);
    },
  };
}
