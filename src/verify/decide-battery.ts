import type { CheckRow } from '../report/index.ts';
import { firstStepThreshold, type NormalApproximation } from '../stats/index.ts';
import type { Check, DeterministicOutcome, MonteCarloOutcome } from './check.ts';
import { decideMonteCarlo, effectiveStderr } from './decide-monte-carlo.ts';

/**
 * The precondition of the normal approximation (docs/theory.md §6) of every Monte Carlo check of a run
 * at family-wise `alpha`, by index into `checks`: each check's `precondition` at its own groups
 * and at the most demanding threshold it can face, Holm's first step over the run's Monte Carlo
 * checks ({@link firstStepThreshold}). A function of the configuration only, never of the data.
 */
export function monteCarloPreconditions(
  checks: readonly Check[],
  alpha: number,
): Map<number, NormalApproximation> {
  const m = checks.filter((c) => c.kind === 'monte-carlo').length;
  const result = new Map<number, NormalApproximation>();
  for (const [index, check] of checks.entries()) {
    if (check.kind !== 'monte-carlo') continue;
    result.set(index, check.precondition(firstStepThreshold(alpha, m, check.components)));
  }
  return result;
}

/** What one check of a run gave, and the seconds it took. */
export interface CheckEvaluation {
  /** A {@link DeterministicOutcome} for a deterministic check, else a {@link MonteCarloOutcome}. */
  readonly outcome: DeterministicOutcome | MonteCarloOutcome;
  readonly seconds: number;
}

/** The rows of a run, and the z-scores for the calibration figure. */
export interface BatteryResult {
  /** One row per check, in battery order. */
  readonly rows: CheckRow[];
  /**
   * Per Monte Carlo check, the z-score of its first component: chosen before seeing the data, so
   * N(0, 1) when the closed form is right (the reported largest |z| of a vector is not). Checks
   * whose first component has no spread beyond rounding (a deterministic estimator) are left out.
   */
  readonly calibrationZ: number[];
}

/**
 * Decides every check of a run from its evaluation (`evaluations[i]` for `checks[i]`), the one
 * decision procedure of `verify`, of its resumed runs and of `merge`.
 *
 * Deterministic checks agree when |estimate - closedForm| <= tolerance (or, for a bound,
 * estimate <= closedForm + tolerance). Monte Carlo checks are decided together (docs/theory.md §6):
 * their p-values go through Holm's step-down at the family-wise `alpha`, each with its |z|
 * threshold and its resolution δ at false-pass rate `beta` (`decideMonteCarlo`). A Monte Carlo
 * check whose precondition of the normal approximation fails at Holm's first step
 * (`monteCarloPreconditions`, a function of the configuration only) gets no verdict: its row is
 * `insufficient`, neither agreeing nor disagreeing, with the groups it would need.
 */
export function decideBattery(
  checks: readonly Check[],
  evaluations: readonly CheckEvaluation[],
  alpha: number,
  beta: number,
): BatteryResult {
  const monteCarlo = checks.flatMap((check, index) =>
    check.kind === 'monte-carlo'
      ? [{ index, outcome: evaluations[index]!.outcome as MonteCarloOutcome }]
      : [],
  );
  const preconditionOf = monteCarloPreconditions(checks, alpha);
  const preconditions = monteCarlo.map(({ index }) => preconditionOf.get(index)!);
  const verdicts = decideMonteCarlo(
    monteCarlo.map((m) => m.outcome),
    alpha,
    beta,
    preconditions.map((p) => !p.ok),
  );
  const verdictOf = new Map(monteCarlo.map((m, k) => [m.index, verdicts[k]!]));
  const rows: CheckRow[] = checks.map((check, index) => {
    const { outcome, seconds } = evaluations[index]!;
    const base = {
      id: check.id,
      theorem: check.theorem,
      scheme: check.scheme,
      M: check.M,
      policy: check.policy,
    };
    if (check.kind === 'deterministic') {
      const { closedForm, estimate } = outcome as DeterministicOutcome;
      const excess =
        check.relation === 'at-most' ? estimate - closedForm : Math.abs(estimate - closedForm);
      return {
        ...base,
        detail: check.detail,
        closedForm,
        estimate,
        stderr: 0,
        z: null,
        threshold: check.tolerance,
        resolution: check.tolerance,
        agree: excess <= check.tolerance,
        groups: 0,
        seconds,
      };
    }
    const o = outcome as MonteCarloOutcome;
    const v = verdictOf.get(index)!;
    const { ok, groupsNeeded } = preconditionOf.get(index)!;
    const component =
      o.closedForm.length > 1
        ? `${check.detail}; component ${v.component} of ${o.closedForm.length} (largest |z|)`
        : check.detail;
    return {
      ...base,
      closedForm: v.closedForm,
      estimate: v.estimate,
      stderr: v.stderr,
      z: v.z,
      threshold: v.threshold,
      resolution: v.resolution,
      agree: ok && v.agree,
      groups: o.groups,
      seconds,
      detail: ok
        ? component
        : `${component}; insufficient: ${groupsNeeded} groups needed for the normal approximation`,
      ...(ok ? {} : { groupsNeeded }),
    };
  });
  const calibrationZ = monteCarlo
    .filter((_, k) => preconditions[k]!.ok)
    .map((m) => m.outcome)
    .filter((o) => o.stderr[0]! > effectiveStderr(o.estimate[0]!, o.closedForm[0]!, 0))
    .map((o) => (o.estimate[0]! - o.closedForm[0]!) / o.stderr[0]!);
  return { rows, calibrationZ };
}
