import { betainc, gaussLegendreIntegral } from '../../math/index.ts';
import { h, hPrime } from '../../objective/index.ts';
import { catalogueAt, scheme } from '../../schemes/index.ts';
import type { Budget } from '../budget.ts';
import { type DeterministicCheck, worstOver } from '../check.ts';

/** Points where the identities are compared, endpoints included. */
const TS = Array.from({ length: 17 }, (_, i) => i / 16);

/**
 * `closed-form-integral` (docs/theory.md §2): for every catalogue scheme and group size of the budget,
 * (1) `h_M(t) = ∫_0^t h_M'(u) du`, the integral by Gauss–Legendre with `ceil(M/2) + 1` nodes,
 * exact for the degree-(M-1) polynomial `h_M'` up to rounding; and (2) `h_M(t)` equals the
 * incomplete-beta sum `(1/M) Σ c_s I_t(s+1, M-s)` with stdlib's `betainc`, an implementation
 * independent of the library's Bernstein evaluation. Tolerance `1e-11 · max(1, max|c|)`.
 */
export function closedFormIntegralChecks(budget: Budget): DeterministicCheck[] {
  return budget.groupSizes.flatMap((M) =>
    catalogueAt(M).flatMap((spec) => {
      const s = scheme(spec, M);
      const c = s.c;
      const tolerance = 1e-11 * Math.max(1, ...c.map(Math.abs));
      const base = {
        kind: 'deterministic' as const,
        theorem: 'closed-form-integral' as const,
        scheme: s.spec,
        M,
        policy: 'none',
        tolerance,
      };
      return [
        {
          ...base,
          id: `closed-form-integral/${s.spec}/M=${M}/integral`,
          detail: 'max over 17 t of |h_M(t) − ∫_0^t h_M′| (Gauss–Legendre, exact degree)',
          evaluate: () =>
            worstOver(TS, (t) => ({
              closedForm: h(c, t),
              estimate: gaussLegendreIntegral((u) => hPrime(c, u), 0, t, Math.ceil(M / 2) + 1),
            })),
        },
        {
          ...base,
          id: `closed-form-integral/${s.spec}/M=${M}/incomplete-beta`,
          detail: 'max over 17 t of |h_M(t) − (1/M) Σ c_s I_t(s+1, M−s)| (stdlib betainc)',
          evaluate: () =>
            worstOver(TS, (t) => {
              let sum = 0;
              for (let k = 0; k < M; k++) sum += c[k]! * betainc(t, k + 1, M - k);
              return { closedForm: h(c, t), estimate: sum / M };
            }),
        },
      ];
    }),
  );
}
