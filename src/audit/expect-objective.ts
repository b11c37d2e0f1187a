import { checkExpectation } from './check-expectation.ts';
import { type InducedObjective, inducedObjective } from './induced-objective.ts';
import { DEFAULT_EXPECT_TOL, parseExpectation } from './parse-expectation.ts';
import type { AdvantagesFn, AuditOptions } from './types.ts';

/**
 * Asserts that a weight function optimizes a named objective (MATH.md §2–3), in any test runner:
 * the weights must be count form at group size `M`, and the induced `h_M` within `tol` (default
 * 0.05) of `target` after the best affine fit. Otherwise throws an `Error` saying why: the first
 * count-form violation, the unobserved cells, or the distance and the nearest named target.
 * Resolves to the {@link InducedObjective} when the expectation holds.
 *
 * @example
 * await expectObjective(myAdvantages, { M: 64, target: 'arcsin', tol: 0.05 });
 */
export async function expectObjective(
  advantagesFn: AdvantagesFn,
  options: AuditOptions & {
    readonly M: number;
    /** A target spec: `identity`, `log`, `logit`, `arcsin`, `power:q=Q`, `passk:k=K`, `beta:a=A,b=B`. */
    readonly target: string;
    readonly tol?: number;
    readonly samples?: number;
    readonly seed?: string | number;
  },
): Promise<InducedObjective> {
  const expectation = parseExpectation(`${options.target}:${options.tol ?? DEFAULT_EXPECT_TOL}`);
  const objective = await inducedObjective(advantagesFn, options);
  const verdict = checkExpectation(
    { countForm: objective.countForm, violations: objective.violations, bySize: [objective] },
    expectation,
  );
  if (!verdict.met) {
    const first = objective.violations[0];
    const detail = first === undefined ? '' : `\nfirst violation: ${first.reason}`;
    throw new Error(
      `expected the weights to optimize ${verdict.target} within ${verdict.tol}, but ${verdict.bySize[0]!.reason}${detail}`,
    );
  }
  return objective;
}
