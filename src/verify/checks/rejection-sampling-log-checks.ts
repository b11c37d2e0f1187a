import { grid, harmonic } from '../../math/index.ts';
import { h, hPrime } from '../../objective/index.ts';
import { scheme } from '../../schemes/index.ts';
import type { Budget } from '../budget.ts';
import { type DeterministicCheck, worstOver } from '../check.ts';

/** `t` from e^-6 to 1, log-spaced, as in the paper's figure 2. */
const TS = grid(Math.exp(-6), 1, 121, true);

/**
 * `rejection-sampling-log` (docs/theory.md §3, rejection sampling): for fixed-M rejection sampling,
 * (1) `h_M'(t) = (1-(1-t)^M)/t`; (2) `h_M(t) = H_M - Σ_{k≤M} (1-t)^k/k`; and (3) the error bound
 * `0 ≤ h_M(t) - H_M - ln t ≤ (1-t)^(M+1)/((M+1) t)` on `t ∈ [e^-6, 1]`, reported as the largest
 * excess over either side (bound check, tolerance 1e-12 · H_M for rounding).
 */
export function rejectionSamplingLogChecks(budget: Budget): DeterministicCheck[] {
  return budget.ladders.rejectionSamplingLog.flatMap((M) => {
    const { c, spec } = scheme('rs', M);
    const H = harmonic(M);
    const base = {
      kind: 'deterministic' as const,
      theorem: 'rejection-sampling-log' as const,
      scheme: spec,
      M,
      policy: 'none',
    };
    return [
      {
        ...base,
        id: `rejection-sampling-log/M=${M}/h-prime`,
        tolerance: 1e-12 * M,
        detail: 'max over t of |h_M′(t) − (1−(1−t)^M)/t|',
        evaluate: () =>
          worstOver(TS, (t) => ({
            closedForm: -Math.expm1(M * Math.log1p(-t)) / t,
            estimate: hPrime(c, t),
          })),
      },
      {
        ...base,
        id: `rejection-sampling-log/M=${M}/harmonic-form`,
        tolerance: 1e-12 * H,
        detail: 'max over t of |h_M(t) − (H_M − Σ_{k≤M} (1−t)^k/k)|',
        evaluate: () =>
          worstOver(TS, (t) => {
            let tail = 0;
            for (let k = M; k >= 1; k--) tail += (1 - t) ** k / k;
            return { closedForm: H - tail, estimate: h(c, t) };
          }),
      },
      {
        ...base,
        id: `rejection-sampling-log/M=${M}/log-bound`,
        relation: 'at-most' as const,
        tolerance: 1e-12 * H,
        detail:
          'max over t of the excess of r = h_M − H_M − ln t outside [0, (1−t)^(M+1)/((M+1)t)]',
        evaluate: () => {
          let excess = Number.NEGATIVE_INFINITY;
          for (const t of TS) {
            const r = h(c, t) - H - Math.log(t);
            const bound = (1 - t) ** (M + 1) / ((M + 1) * t);
            excess = Math.max(excess, -r, r - bound);
          }
          return { closedForm: 0, estimate: excess };
        },
      },
    ];
  });
}
