import { InputError } from '../errors/index.ts';
import { hPrime } from '../objective/index.ts';
import type { GradedPolicy, Policy } from '../policies/index.ts';

/**
 * The expected Algorithm 1 update (docs/theory.md §2, §5): `sum_x Q(x) h_M'(p_x) grad p_x`, each
 * prompt's term in its own block of the parameter vector; for a single policy `h_M'(p) grad p`.
 * `c` is the count-form table `c_s = b_s - a_s` (length M) the closed form is taken from.
 */
export function algorithm1ClosedForm(policy: Policy, c: ArrayLike<number>): Float64Array {
  const out = new Float64Array(policy.dim);
  for (const { Q, p, gradP, offset } of policy.prompts) {
    const factor = Q * hPrime(c, p);
    for (let j = 0; j < gradP.length; j++) out[offset + j] = factor * gradP[j]!;
  }
  return out;
}

/**
 * The expected pure rejection-sampling update (docs/theory.md §4): `grad log p = grad p / p`, and for a
 * corpus `sum_x Q(x) grad p_x / p_x`. Throws InputError when some `p_x = 0`.
 */
export function pureRsClosedForm(policy: Policy): Float64Array {
  const out = new Float64Array(policy.dim);
  for (const { Q, p, gradP, offset } of policy.prompts) {
    if (p === 0) throw new InputError('pure-rs: grad log p is undefined at p = 0');
    for (let j = 0; j < gradP.length; j++) out[offset + j] = (Q * gradP[j]!) / p;
  }
  return out;
}

/**
 * The expected number of draws of pure rejection sampling (docs/theory.md §4): `N` is negative
 * binomial with `E[N] = B/p`; for a corpus `sum_x Q(x) B/p_x`. Infinite when some `p_x = 0`.
 */
export function expectedDraws(policy: Policy, B: number): number {
  return policy.prompts.reduce((sum, { Q, p }) => sum + (Q * B) / p, 0);
}

/**
 * The expected Algorithm 1 update with graded rewards (docs/theory.md §10):
 * `sum_j W_j(q) grad q_j`, with respect to the policy's logits; with one answer per class
 * `sum_j W_j q_j (e_j - q)`. `W` holds `W_j(q)` at the policy's `q`, `j = 0..C-1`.
 */
export function gradedClosedForm(policy: GradedPolicy, W: ArrayLike<number>): Float64Array {
  const out = new Float64Array(policy.dim);
  policy.gradQ.forEach((gradQ, j) => {
    for (let y = 0; y < out.length; y++) out[y] = out[y]! + W[j]! * gradQ[y]!;
  });
  return out;
}
