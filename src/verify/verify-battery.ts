import type { RunIdentity } from '../checkpoint/index.ts';
import { DEFAULT_ALPHA, DEFAULT_BETA } from '../stats/index.ts';
import { battery } from './battery.ts';
import { type BatterySettings, batteryIdentity } from './battery-identity.ts';
import { type BudgetName, budget } from './budget.ts';
import type { Check } from './check.ts';
import { planBattery } from './plan-battery.ts';

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

/** Default seed of `verify`. */
export const DEFAULT_SEED = 1;

/** The battery of a `verify` run and its settings, defaults filled in. */
export interface VerifyBattery {
  readonly checks: Check[];
  readonly seed: string | number;
  readonly settings: BatterySettings;
}

/** The battery a `verify` run with these settings checks (issue 5), defaults filled in. */
export function verifyBattery(options: VerifySettings = {}): VerifyBattery {
  const chosen = budget(options.budget ?? 'default');
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  return {
    checks: battery(chosen, alpha).filter(options.select ?? (() => true)),
    seed: options.seed ?? DEFAULT_SEED,
    settings: {
      budget: chosen.name,
      alpha,
      beta: options.beta ?? DEFAULT_BETA,
    },
  };
}

/**
 * The identity of a `verify` run over its resolved battery (`batteryIdentity`): what its
 * checkpoint and its shards' parts are stamped with, so that only parts of the same run are
 * combined.
 */
export function verifyIdentity({ checks, seed, settings }: VerifyBattery): RunIdentity {
  return batteryIdentity(planBattery(checks, seed), settings);
}
