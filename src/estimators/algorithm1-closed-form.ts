import { hPrime } from '../objective/index.ts';
import type { Policy } from '../policies/policy.ts';

/**
 * The expected Algorithm 1 update (MATH.md §2, §5): `sum_x Q(x) h_M'(p_x) grad p_x`, each
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
