import { targetDistance } from '../../objective/index.ts';
import { scheme } from '../../schemes/index.ts';
import { target } from '../../targets/targets.ts';
import type { Budget } from '../budget.ts';
import type { DeterministicCheck } from '../check.ts';

/** The M ladder along which GRPO's distance to arcsin must fall. */
function ladder(budget: Budget): number[] {
  return budget.name === 'full' ? [4, 16, 64, 256, 1024] : [4, 16, 64, 256];
}

/** Final bound at the top of the ladder: measured 8.8e-3 at M = 256 and 2.2e-3 at M = 1024. */
const FINAL_BOUND: Readonly<Record<number, number>> = { 256: 0.01, 1024: 0.003 };

/**
 * `grpo-arcsin` (MATH.md §3, GRPO limit): GRPO's induced objective approaches `2 arcsin √t` as M
 * grows and eps falls, for population and sample std. The distance is `targetDistance` (sup of
 * the affine-fit residual on [1e-3, 1 - 1e-3], dimensionless). Bound checks: the distance at
 * each M of the ladder is at most the distance at the previous M; at the top it is below a
 * stated bound; and at M = 128 the distance with eps = 1e-8 is at most that with eps = 1e-1.
 */
export function grpoArcsinChecks(budget: Budget): DeterministicCheck[] {
  const arcsin = target('arcsin');
  const distance = (spec: string, M: number) => targetDistance(scheme(spec, M).c, arcsin).distance;
  const sizes = ladder(budget);
  const checks: DeterministicCheck[] = [];
  for (const std of ['population', 'sample'] as const) {
    const spec = scheme(`grpo:std=${std},eps=1e-8`, 2).spec;
    const base = {
      kind: 'deterministic' as const,
      theorem: 'grpo-arcsin' as const,
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
        id: `grpo-arcsin/${std}/M=${M}/decreasing`,
        detail: `distance to arcsin at M = ${M} is at most the distance at M = ${previous}`,
        evaluate: () => ({ closedForm: distance(spec, previous), estimate: distance(spec, M) }),
      });
    }
    const top = sizes[sizes.length - 1]!;
    checks.push({
      ...base,
      M: top,
      id: `grpo-arcsin/${std}/M=${top}/bound`,
      detail: `distance to arcsin at M = ${top} is at most ${FINAL_BOUND[top]}`,
      evaluate: () => ({ closedForm: FINAL_BOUND[top]!, estimate: distance(spec, top) }),
    });
    checks.push({
      ...base,
      M: 128,
      id: `grpo-arcsin/${std}/M=128/eps`,
      detail: 'distance to arcsin with eps = 1e-8 is at most the distance with eps = 1e-1',
      evaluate: () => ({
        closedForm: distance(`grpo:std=${std},eps=0.1`, 128),
        estimate: distance(spec, 128),
      }),
    });
  }
  return checks;
}
