import { AUDIT_DEFAULTS } from '../defaults/index.ts';
import { InputError, quote } from '../errors/input-error.ts';
import { requireNonNegative } from '../errors/require.ts';
import { targetDistance } from '../objective/target-distance.ts';
import { target } from '../targets/targets.ts';
import { auditFunction } from './audit-function.ts';
import type {
  AdvantagesFn,
  AuditReport,
  AuditReportOptions,
  SizeAudit,
  Violation,
} from './types.ts';

/** An expected objective: a named target (canonical spec) and the largest distance allowed. */
export interface Expectation {
  readonly target: string;
  readonly tol: number;
}

/**
 * Parses `--expect NAME[:tol]` (docs/theory.md §3 named targets): `arcsin:0.05`, `identity`,
 * `passk:k=4:0.02`. A last `:`-part without `=` is the tolerance (default
 * `AUDIT_DEFAULTS.expectTol`); the rest is a target spec (`identity`, `log`, `logit`, `arcsin`,
 * `power:q=Q`, `passk:k=K`, `beta:a=A,b=B`). Throws an {@link InputError} for an unknown target or a bad tolerance.
 */
export function parseExpectation(text: string): Expectation {
  const colon = text.lastIndexOf(':');
  const last = colon < 0 ? '' : text.slice(colon + 1);
  const hasTol = colon >= 0 && !last.includes('=');
  const spec = hasTol ? text.slice(0, colon) : text;
  let tol: number = AUDIT_DEFAULTS.expectTol;
  if (hasTol) {
    tol = Number(last.trim());
    if (last.trim() === '' || Number.isNaN(tol)) {
      throw new InputError(
        `--expect ${quote(text)}: tolerance must be a number, got ${quote(last)}`,
      );
    }
    requireNonNegative(`--expect ${quote(text)}: tolerance`, tol);
  }
  if (spec.trim() === '') {
    throw new InputError(`--expect ${quote(text)}: expected NAME[:tol], e.g. arcsin:0.05`);
  }
  return { target: target(spec).spec, tol };
}

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
 * Checks an expected objective against an audit (docs/theory.md §2–3): at every group size the weights
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

/** What {@link inducedObjective} finds at one group size. */
export type InducedObjective = SizeAudit & {
  readonly countForm: boolean;
  readonly violations: readonly Violation[];
};

/**
 * The objective a weight function optimizes at group size `M` (docs/theory.md §2), for users' own test
 * suites: audits `advantagesFn` on every reward pattern (random arrangements of every count when
 * `M > 16`) and returns whether it is count form, its violations, its tables `a`, `b`, the
 * induced `h_M` on a grid, and the nearest named target.
 *
 * @example
 * const objective = await inducedObjective(myAdvantages, { M: 8 });
 * expect(objective.countForm).toBe(true);
 * expect(objective.nearest?.name).toBe('arcsin');
 */
export async function inducedObjective(
  advantagesFn: AdvantagesFn,
  options: AuditReportOptions & {
    readonly M: number;
    readonly samples?: number;
    readonly seed?: string | number;
  },
): Promise<InducedObjective> {
  const report = await auditFunction(advantagesFn, options);
  return { countForm: report.countForm, violations: report.violations, ...report.bySize[0]! };
}

/**
 * Asserts that a weight function optimizes a named objective (docs/theory.md §2–3), in any test runner:
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
  options: AuditReportOptions & {
    readonly M: number;
    /** A target spec: `identity`, `log`, `logit`, `arcsin`, `power:q=Q`, `passk:k=K`, `beta:a=A,b=B`. */
    readonly target: string;
    readonly tol?: number;
    readonly samples?: number;
    readonly seed?: string | number;
  },
): Promise<InducedObjective> {
  const expectation = parseExpectation(
    `${options.target}:${options.tol ?? AUDIT_DEFAULTS.expectTol}`,
  );
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
