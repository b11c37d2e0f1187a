import type { CheckRow } from '../../reports/model.ts';
import { createSimulationPool } from '../estimators/index.ts';
import type { Check, MonteCarloOutcome } from './check.ts';
import { decideMonteCarlo, type MonteCarloVerdict } from './decide-monte-carlo.ts';
import { effectiveStderr } from './effective-stderr.ts';
import type { BatteryProgress } from './progress-reporter.ts';

/** How {@link runBattery} runs. */
export interface RunBatteryOptions {
  readonly seed: string | number;
  /** Family-wise false-fail rate of the whole run, split by Holm over the Monte Carlo checks. */
  readonly alpha: number;
  /** False-pass rate at which each resolution is stated. */
  readonly beta: number;
  readonly threads: number;
  readonly signal?: AbortSignal;
  readonly progress?: BatteryProgress;
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

const silent: BatteryProgress = { start() {}, advance() {}, done() {}, stop() {} };

/**
 * Runs every check in order and returns one {@link CheckRow} per check, in the same order, with
 * the calibration z-scores.
 *
 * Deterministic checks agree when |estimate - closedForm| <= tolerance. Monte Carlo checks are
 * decided together at the end (MATH.md §6): their p-values go through Holm's step-down at the
 * family-wise `alpha`, each with its |z| threshold and its resolution δ at false-pass rate `beta`.
 * Each Monte Carlo check draws from the substreams named by the run seed and its own id, so its
 * numbers do not depend on the other checks, their order, or the thread count. With
 * `threads > 1` one worker pool is shared by all the checks.
 */
export async function runBattery(
  checks: readonly Check[],
  options: RunBatteryOptions,
): Promise<BatteryResult> {
  const progress = options.progress ?? silent;
  const ids = new Set<string>();
  for (const check of checks) {
    if (ids.has(check.id)) throw new Error(`duplicate check id '${check.id}'`);
    ids.add(check.id);
  }
  const rows: (CheckRow | undefined)[] = [];
  const outcomes: { index: number; outcome: MonteCarloOutcome; seconds: number }[] = [];
  const needsPool = options.threads > 1 && checks.some((c) => c.kind === 'monte-carlo');
  const pool = needsPool ? createSimulationPool(options.threads) : undefined;
  try {
    for (const [index, check] of checks.entries()) {
      options.signal?.throwIfAborted();
      progress.start(check, index, checks.length);
      const started = performance.now();
      const base = {
        id: check.id,
        theorem: check.theorem,
        scheme: check.scheme,
        M: check.M,
        policy: check.policy,
        detail: check.detail,
      };
      if (check.kind === 'deterministic') {
        const { closedForm, estimate } = check.evaluate();
        const seconds = (performance.now() - started) / 1000;
        const excess =
          check.relation === 'at-most' ? estimate - closedForm : Math.abs(estimate - closedForm);
        rows.push({
          ...base,
          closedForm,
          estimate,
          stderr: 0,
          z: null,
          threshold: check.tolerance,
          resolution: check.tolerance,
          agree: excess <= check.tolerance,
          groups: 0,
          seconds,
        });
        progress.done({ id: check.id, seconds });
      } else {
        const outcome = await check.run({
          seed: options.seed,
          pool,
          signal: options.signal,
          onProgress: (fraction) => progress.advance(fraction),
        });
        const seconds = (performance.now() - started) / 1000;
        outcomes.push({ index, outcome, seconds });
        rows.push(undefined);
        progress.done({ id: check.id, seconds });
      }
    }
  } finally {
    progress.stop();
    await pool?.destroy();
  }
  const verdicts: MonteCarloVerdict[] = decideMonteCarlo(
    outcomes.map((o) => o.outcome),
    options.alpha,
    options.beta,
  );
  for (const [k, { index, outcome, seconds }] of outcomes.entries()) {
    const check = checks[index]!;
    const v = verdicts[k]!;
    rows[index] = {
      id: check.id,
      theorem: check.theorem,
      scheme: check.scheme,
      M: check.M,
      policy: check.policy,
      closedForm: v.closedForm,
      estimate: v.estimate,
      stderr: v.stderr,
      z: v.z,
      threshold: v.threshold,
      resolution: v.resolution,
      agree: v.agree,
      groups: outcome.groups,
      seconds,
      detail:
        outcome.closedForm.length > 1
          ? `${check.detail}; component ${v.component} of ${outcome.closedForm.length} (largest |z|)`
          : check.detail,
    };
  }
  const calibrationZ = outcomes
    .filter(({ outcome: o }) => o.stderr[0]! > effectiveStderr(o.estimate[0]!, o.closedForm[0]!, 0))
    .map(({ outcome }) => (outcome.estimate[0]! - outcome.closedForm[0]!) / outcome.stderr[0]!);
  return { rows: rows as CheckRow[], calibrationZ };
}
