import { type RunIdentity, runIdentity } from '../checkpoint/index.ts';
import { type BudgetName, VERIFY_DEFAULTS } from '../defaults/index.ts';
import { type Budget, budget } from './budget.ts';
import type { Check } from './check.ts';
import { bruteForceChecks } from './checks/brute-force-checks.ts';
import { closedFormIntegralChecks } from './checks/closed-form-integral-checks.ts';
import { designChecks, grpoArcsinChecks } from './checks/convergence-checks.ts';
import { dynamicsCheck, dynamicsCheckSpecs } from './checks/dynamics-checks.ts';
import { gradedChecks } from './checks/graded-checks.ts';
import {
  gradedMonteCarloChecks,
  gradedMonteCarloCount,
} from './checks/graded-monte-carlo-checks.ts';
import { limitChecks } from './checks/limit-checks.ts';
import { monteCarloChecks } from './checks/monte-carlo-checks.ts';
import { rejectionSamplingLogChecks } from './checks/rejection-sampling-log-checks.ts';
import { type BatteryPlan, planBattery } from './plan-battery.ts';

/** The settings of a `verify` run that are not in its checks: they decide the verdicts. */
export interface BatterySettings {
  /** The budget the battery was built from; `merge` rebuilds the battery from it. */
  readonly budget: BudgetName;
  /** Family-wise false-fail rate, split by Holm over the Monte Carlo checks. */
  readonly alpha: number;
  /** False-pass rate at which each resolution is stated. */
  readonly beta: number;
}

/** The `kind` of a `verify` run's identity. */
export const VERIFY_KIND = 'verify';

/**
 * The identity of a battery run (docs/reliability.md), shared by its checkpoint and its shards:
 * kind `verify`, the seed, the battery's chunk count, and as config the settings and every
 * check id with the resolved configs of its simulations (docs/theory.md §6: these and the seed fix
 * every chunk). Two runs with equal identities compute bit-identical chunks, so a checkpoint or
 * a part of one serves the other; a run with other checks, budget, α, β or seed is refused.
 *
 * Throws an InputError when the battery has no Monte Carlo chunk (nothing to checkpoint).
 */
export function batteryIdentity(plan: BatteryPlan, settings: BatterySettings): RunIdentity {
  return runIdentity({
    kind: VERIFY_KIND,
    config: {
      budget: settings.budget,
      alpha: settings.alpha,
      beta: settings.beta,
      checks: plan.checks.map((check, index) => ({
        id: check.id,
        simulations: plan.simulations
          .filter((s) => s.check === index)
          .map((s) => s.simulation.config),
      })),
    },
    seed: plan.seed,
    chunks: plan.chunks,
  });
}

/**
 * The verification battery for a budget: every check of the paper's claims (docs/theory.md §2–6,
 * §8–10), the deterministic ones first (they take milliseconds), then the Monte Carlo ones, sized
 * for a run at family-wise `alpha` so that each meets the precondition of its normal approximation
 * (docs/theory.md §6).
 */
export function battery(budget: Budget, alpha: number): Check[] {
  const dynamics = dynamicsCheckSpecs(budget);
  const monteCarlo = monteCarloChecks(budget, alpha, dynamics.length + gradedMonteCarloCount());
  const graded = gradedMonteCarloChecks(budget, alpha, dynamics.length + monteCarlo.length);
  const m = monteCarlo.length + graded.length + dynamics.length;
  return [
    ...closedFormIntegralChecks(budget),
    ...bruteForceChecks(budget),
    ...rejectionSamplingLogChecks(budget),
    ...grpoArcsinChecks(budget),
    ...limitChecks(),
    ...designChecks(budget),
    ...gradedChecks(),
    ...monteCarlo,
    ...graded,
    ...dynamics.map((spec) => dynamicsCheck(spec, alpha, m)),
  ];
}

/** What fixes the numbers and verdicts of a `verify` run; every field has the CLI's default. */
export interface VerifySettings {
  /** `quick`, `default` or `full`. */
  readonly budget?: BudgetName;
  readonly seed?: string | number;
  /** Family-wise false-fail rate of the run (default 1e-6). */
  readonly alpha?: number;
  /** False-pass rate at which resolutions are stated (default 1e-3). */
  readonly beta?: number;
  /** Keeps only the checks for which this returns true (tests). */
  readonly select?: (check: Check) => boolean;
}

/** The battery of a `verify` run, planned, and its settings, defaults filled in. */
export interface ResolvedBattery {
  /** The checks, their simulations resolved for the run's seed and their chunks numbered. */
  readonly plan: BatteryPlan;
  readonly settings: BatterySettings;
}

/**
 * The battery a `verify` run with these settings checks, defaults filled in, planned once for
 * the run (`planBattery`): the run, its checkpoint's identity, its shards and their merge all
 * take this one plan.
 */
export function resolveBattery(options: VerifySettings = {}): ResolvedBattery {
  const chosen = budget(options.budget ?? VERIFY_DEFAULTS.budget);
  const alpha = options.alpha ?? VERIFY_DEFAULTS.alpha;
  const checks = battery(chosen, alpha).filter(options.select ?? (() => true));
  return {
    plan: planBattery(checks, options.seed ?? VERIFY_DEFAULTS.seed),
    settings: {
      budget: chosen.name,
      alpha,
      beta: options.beta ?? VERIFY_DEFAULTS.beta,
    },
  };
}

/**
 * The identity of a `verify` run over its resolved battery (`batteryIdentity`): what its
 * checkpoint and its shards' parts are stamped with, so that only parts of the same run are
 * combined.
 */
export function verifyIdentity({ plan, settings }: ResolvedBattery): RunIdentity {
  return batteryIdentity(plan, settings);
}
