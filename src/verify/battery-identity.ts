import { type RunIdentity, runIdentity } from '../checkpoint/index.ts';
import type { BudgetName } from './budget.ts';
import type { BatteryPlan } from './plan-battery.ts';

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
 * check id with the resolved configs of its simulations (MATH.md §6: these and the seed fix
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
        simulations: plan.simulations.filter((s) => s.check === index).map((s) => s.config),
      })),
    },
    seed: plan.seed,
    chunks: plan.chunks,
  });
}
