import { targetDistance } from '../../objective/index.ts';
import { scheme } from '../../schemes/index.ts';
import { target } from '../../targets/targets.ts';
import type { Budget } from '../budget.ts';
import type { DeterministicCheck } from '../check.ts';

/** Compact subset [DELTA, 1 - DELTA] on which the Bernstein design converges (MATH.md §3). */
const DELTA = 0.05;

/** Final bound at the top of the M ladder; measured at M = 128: log 5.5e-5, logit 2.7e-5, arcsin 8.2e-4. */
const FINAL_BOUND = 1e-3;

/**
 * `design` (MATH.md §3, the Bernstein recipe, scheme `design:target=...`): for the singular
 * targets log, logit and arcsin (nodes `ξ_s = (s+1)/(M+1)`), the distance of `h_M` to the target
 * on [0.05, 0.95] falls with M (each M at most the previous) and is below 1e-3 at the top of the
 * ladder; for pass@k (k = 4, exact Bernstein coefficients) `h_M = 1 - (1-t)^4` to rounding.
 */
export function designChecks(budget: Budget): DeterministicCheck[] {
  const sizes = budget.name === 'quick' ? [8, 32, 128] : [8, 32, 128, 512];
  const checks: DeterministicCheck[] = [];
  for (const name of ['log', 'logit', 'arcsin']) {
    const T = target(name);
    const spec = scheme(`design:target=${name}`, 2).spec;
    const distance = (M: number) => targetDistance(scheme(spec, M).c, T, { delta: DELTA }).distance;
    const base = {
      kind: 'deterministic' as const,
      theorem: 'design' as const,
      scheme: spec,
      policy: 'none',
      relation: 'at-most' as const,
      tolerance: 0,
    };
    for (let i = 1; i < sizes.length; i++) {
      const M = sizes[i]!;
      const previous = sizes[i - 1]!;
      checks.push({
        ...base,
        M,
        id: `design/${name}/M=${M}/decreasing`,
        detail: `distance to ${name} on [${DELTA}, ${1 - DELTA}] at M = ${M} is at most that at M = ${previous}`,
        evaluate: () => ({ closedForm: distance(previous), estimate: distance(M) }),
      });
    }
    const top = sizes[sizes.length - 1]!;
    checks.push({
      ...base,
      M: top,
      id: `design/${name}/M=${top}/bound`,
      detail: `distance to ${name} on [${DELTA}, ${1 - DELTA}] at M = ${top} is at most ${FINAL_BOUND}`,
      evaluate: () => ({ closedForm: FINAL_BOUND, estimate: distance(top) }),
    });
  }
  const passk = target('passk:k=4');
  for (const M of [8, 64]) {
    const s = scheme('design:target=passk,k=4', M);
    checks.push({
      kind: 'deterministic',
      theorem: 'design',
      scheme: s.spec,
      policy: 'none',
      M,
      id: `design/passk:k=4/M=${M}/exact`,
      tolerance: 1e-12,
      detail: 'distance of h_M (exact Bernstein coefficients) to 1 − (1−t)^4 on [1e-3, 1 − 1e-3]',
      evaluate: () => ({ closedForm: 0, estimate: targetDistance(s.c, passk).distance }),
    });
  }
  return checks;
}
