import { AUDIT_DEFAULTS } from '../defaults/index.ts';
import { InputError, parseNumber, quote, requireNonNegative } from '../errors/index.ts';
import { hAtOne, type Sampled, sampled, supDistance } from '../objective/index.ts';
import { FORMULA_KINDS, type Target, target } from '../targets/index.ts';
import { auditFunction } from './audit-function.ts';
import type {
  AdvantagesFn,
  AuditReport,
  AuditReportOptions,
  SizeAudit,
  Violation,
} from './types.ts';

/** An expected objective: a target (its canonical spec) and the largest distance allowed. */
export interface Expectation {
  readonly target: string;
  readonly tol: number;
}

/**
 * Parses `--expect NAME[:tol]` (docs/theory.md §3 named targets, §9 formulas): `arcsin:0.05`,
 * `identity`, `passk:k=4:0.02`, `expr:log(1+(exp(2)-1)*t)/2:0.01`. A last `:`-part without `=`
 * is the tolerance (default `AUDIT_DEFAULTS.expectTol`); for a formula (`expr:`, `dexpr:`) only
 * when it is a number, since a formula has no `=`. The rest is a target spec (`identity`, `log`,
 * `logit`, `arcsin`, `power:q=Q`, `passk:k=K`, `beta:a=A,b=B`, `expr:FORMULA`, `dexpr:FORMULA`).
 * Throws an {@link InputError} for an unknown target, a bad formula or a bad tolerance.
 */
export function parseExpectation(text: string): Expectation {
  const colon = text.lastIndexOf(':');
  const last = colon < 0 ? '' : text.slice(colon + 1);
  const isFormula = (FORMULA_KINDS as readonly string[]).some((kind) =>
    text.trimStart().startsWith(`${kind}:`),
  );
  const formulaTol = isFormula && colon > text.indexOf(':') && /^\s*[-+.\d]/.test(last);
  const hasTol = isFormula ? formulaTol : colon >= 0 && !last.includes('=');
  const spec = hasTol ? text.slice(0, colon) : text;
  let tol: number = AUDIT_DEFAULTS.expectTol;
  if (hasTol) {
    tol = parseNumber(`--expect ${quote(text)}: tolerance`, last);
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
 * target by the distance `nearest` uses (`supDistance` on the audit's grid, up to an increasing
 * affine map). Anything else fails with a one-line reason per size.
 */
export function checkExpectation(
  report: AuditReport,
  expectation: { readonly target: string | Target; readonly tol: number },
): ExpectationVerdict {
  const named =
    typeof expectation.target === 'string' ? target(expectation.target) : expectation.target;
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
    const f = sizeCurve(size);
    const distance = supDistance(
      f,
      sampled(f.ts, (t) => named.h(t)),
    ).distance;
    if (Number.isNaN(distance)) {
      return fail(
        `M=${M}: h_M does not increase on the grid, so no distance to ${named.spec} is defined`,
      );
    }
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

/** The objective of a complete count-form size on its grid, for `supDistance`. */
function sizeCurve(size: SizeAudit): Sampled {
  const c = size.b!.map((bs, s) => bs! - size.a![s]!);
  return {
    ts: size.points.map((p) => p.t),
    values: size.points.map((p) => p.h),
    at0: 0,
    at1: hAtOne(c),
  };
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
    /**
     * A target spec (`identity`, `log`, `logit`, `arcsin`, `power:q=Q`, `passk:k=K`,
     * `beta:a=A,b=B`, `expr:FORMULA`, `dexpr:FORMULA`) or a target (`functionTarget`).
     */
    readonly target: string | Target;
    readonly tol?: number;
    readonly samples?: number;
    readonly seed?: string | number;
  },
): Promise<InducedObjective> {
  const tol = requireNonNegative('tol', options.tol ?? AUDIT_DEFAULTS.expectTol);
  const expectation = {
    target: typeof options.target === 'string' ? target(options.target) : options.target,
    tol,
  };
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
