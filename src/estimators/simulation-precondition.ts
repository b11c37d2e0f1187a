import { buildPolicy } from '../policies/build-policy.ts';
import { scheme as buildScheme } from '../schemes/index.ts';
import { holmThresholds } from '../stats/holm-thresholds.ts';
import { type NormalApproximation, normalApproximation } from '../stats/normal-approximation.ts';
import { DEFAULT_ALPHA } from '../stats/verdict.ts';
import type { SimulationConfig } from './simulation-config.ts';
import { type ComparisonOptions, ROUNDING_FLOOR } from './summarize-simulation.ts';
import { updateLaws } from './update-laws.ts';

/** The precondition of a simulation's verdict, and the `|z|` threshold it was checked at. */
export interface SimulationPrecondition extends NormalApproximation {
  readonly threshold: number;
}

/**
 * Whether the normal approximation behind a simulation's z-tests holds (MATH.md §6): the law of
 * every compared statistic ({@link updateLaws}) must pass `normalApproximation` at the run's
 * `|z|` threshold, `options.threshold` or else Holm's first step `zThreshold(alpha/m)` over the
 * run's `m` comparisons. `groupsNeeded` is the smallest number of groups, at least
 * `config.groups`, at which all of them hold (as far as a search over each law's breakpoints
 * finds). It depends on the configuration and the options only, never on the draws, so it can
 * be checked before running and does not change the test's error rates.
 */
export function simulationPrecondition(
  config: SimulationConfig,
  options: ComparisonOptions = {},
): SimulationPrecondition {
  const policy = buildPolicy(config.policy);
  const comparisons = policy.dim + (config.estimator === 'pure-rs' ? 1 : 0);
  const threshold =
    options.threshold ?? holmThresholds(options.alpha ?? DEFAULT_ALPHA, comparisons)[0]!;
  const scheme = config.estimator === 'algorithm1' ? buildScheme(config.scheme!, config.M!) : null;
  const laws = updateLaws(config, policy, scheme, options.rounding ?? ROUNDING_FLOOR);
  const at = (groups: number) => laws.map(({ law }) => normalApproximation(law, groups, threshold));
  const first = at(config.groups);
  // Each law holds again from its own groupsNeeded on: raise N until all hold at once.
  let results = first;
  let groups = config.groups;
  while (!results.every((r) => r.ok) && Number.isFinite(groups)) {
    groups = Math.max(...results.map((r) => r.groupsNeeded));
    results = at(groups);
  }
  return {
    ok: first.every((r) => r.ok),
    groupsNeeded: groups,
    skewness: Math.max(0, ...first.map((r) => r.skewness)),
    threshold,
  };
}
