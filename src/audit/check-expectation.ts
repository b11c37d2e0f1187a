import { targetDistance } from '../objective/target-distance.ts';
import { target } from '../targets/targets.ts';
import type { Expectation } from './parse-expectation.ts';
import type { AuditReport, SizeAudit } from './types.ts';

/** The verdict of an expectation at one group size; `distance` is null when none was computed. */
export interface SizeVerdict {
  readonly M: number;
  readonly met: boolean;
  readonly distance: number | null;
  readonly reason: string;
}

/** The verdict of an expectation over an audit: met only when met at every group size. */
export interface ExpectationVerdict {
  readonly target: string;
  readonly tol: number;
  readonly met: boolean;
  readonly bySize: readonly SizeVerdict[];
}

/**
 * Checks an expected objective against an audit (MATH.md §2–3): at every group size the weights
 * must be count form with complete tables, and the induced `h_M` must lie within `tol` of the
 * target after the best affine fit (`targetDistance`, the distance `nearest` uses). Anything
 * else fails with a one-line reason per size.
 */
export function checkExpectation(
  report: AuditReport,
  expectation: Expectation,
): ExpectationVerdict {
  const named = target(expectation.target);
  const bySize = report.bySize.map((size): SizeVerdict => {
    const { M } = size;
    const fail = (reason: string): SizeVerdict => ({ M, met: false, distance: null, reason });
    if (size.a === null || size.b === null) {
      const count = report.violations.filter((v) => v.M === M).length;
      return fail(`M=${M}: not count form (${count} violation(s)), so it optimizes no h_M`);
    }
    if (size.coverage.observed < size.coverage.total) {
      const missing = size.coverage.missing.join(', ');
      return fail(`M=${M}: cells ${missing} were never observed, so h_M is unknown`);
    }
    const distance = targetDistance(cOf(size), named).distance;
    const met = distance <= expectation.tol;
    const nearest = size.nearest
      ? `; nearest is ${size.nearest.name} at ${fmt(size.nearest.distance)}`
      : '';
    return {
      M,
      met,
      distance,
      reason: `M=${M}: distance to ${named.spec} is ${fmt(distance)} ${met ? '<=' : '>'} ${expectation.tol}${nearest}`,
    };
  });
  return {
    target: named.spec,
    tol: expectation.tol,
    met: bySize.length > 0 && bySize.every((v) => v.met),
    bySize,
  };
}

function cOf(size: SizeAudit): number[] {
  return size.b!.map((bs, s) => bs! - size.a![s]!);
}

function fmt(x: number): string {
  return x.toPrecision(3);
}
