import { InputError } from '../errors/input-error.ts';
import type { Policy } from '../policies/policy.ts';

/**
 * The expected pure rejection-sampling update (MATH.md §4): `grad log p = grad p / p`, and for a
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
