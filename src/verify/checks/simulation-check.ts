import {
  buildSimulation,
  type SimulationInput,
  type SimulationResult,
  simulationPrecondition,
} from '../../estimators/index.ts';
import { firstStepThreshold } from '../../stats/index.ts';
import type { MonteCarloCheck, MonteCarloOutcome, TheoremId } from '../check.ts';

/**
 * Most a check's groups may grow to meet its precondition, as a multiple of the groups its
 * budget gives it: a check then costs at most 16 times its share of the budget's work.
 */
export const GROWTH_CAP = 16;

/** A Monte Carlo check before sizing: the groups its budget gives it, and how to build it. */
export interface CheckDraft {
  readonly groups: number;
  build(groups: number): MonteCarloCheck;
  /** The same check in another configuration (e.g. a less extreme policy), tried next. */
  readonly fallback?: CheckDraft;
}

/**
 * A Monte Carlo check sized for a run of `m` Monte Carlo checks at family-wise `alpha` (docs/theory.md
 * §6): its groups are raised to what the precondition of the normal approximation needs at the
 * most demanding threshold it can face ({@link firstStepThreshold}), as long as that is at most
 * {@link GROWTH_CAP} times its budget's groups; otherwise its fallback configuration is sized the
 * same way. A check that no configuration lets qualify within the cap keeps its budget's groups,
 * and its row will say `insufficient`. Deterministic, and a function of the configuration only
 * (never of the data, the threads or the shards), so every run of a battery plans the same.
 */
export function sizedCheck(draft: CheckDraft, alpha: number, m: number): MonteCarloCheck {
  for (let d: CheckDraft | undefined = draft; d; d = d.fallback) {
    const check = d.build(d.groups);
    const threshold = firstStepThreshold(alpha, m, check.components);
    const needed = check.precondition(threshold).groupsNeeded;
    if (needed <= GROWTH_CAP * d.groups) return needed > d.groups ? d.build(needed) : check;
  }
  return draft.build(draft.groups);
}

/** A Monte Carlo check described by its simulation and how its outcome is read from the result. */
export interface SimulationCheckSpec {
  readonly id: string;
  readonly theorem: TheoremId;
  readonly detail: string;
  /** What to simulate; the seed and the substream (the check id) are filled in. */
  readonly input: Omit<SimulationInput, 'seed' | 'stream'>;
  /** The comparison; default: the result's estimate against its own closed form. */
  readonly read?: (result: SimulationResult) => Omit<MonteCarloOutcome, 'groups'>;
  /** The closed form to compare with instead of the simulation's own (`simulate`'s option). */
  readonly closedForm?: () => ArrayLike<number>;
  /** Components `read` compares; default: the policy's parameters. */
  readonly components?: number;
}

/**
 * A {@link MonteCarloCheck} of one simulation (docs/theory.md §1, §4–6) in the check's own substream
 * (seed, check id), so its numbers do not depend on the rest of the battery. Its precondition is
 * the simulation's own (`simulationPrecondition`, over every statistic the simulation compares).
 */
export function simulationCheck(spec: SimulationCheckSpec): MonteCarloCheck {
  const { input } = spec;
  const policy = typeof input.policy === 'string' ? input.policy : JSON.stringify(input.policy);
  const scheme = input.estimator === 'pure-rs' ? `pure-rs:B=${input.B}` : (input.scheme ?? '');
  // The precondition does not depend on the seed: any seed builds the simulation.
  const simulation = buildSimulation({ ...input, stream: spec.id, seed: 0 });
  return {
    kind: 'monte-carlo',
    id: spec.id,
    theorem: spec.theorem,
    scheme,
    M: input.estimator === 'pure-rs' ? null : (input.M ?? null),
    policy,
    detail: spec.detail,
    groups: input.groups,
    components: spec.components ?? simulation.policy.dim,
    precondition: (threshold) => simulationPrecondition(simulation, { threshold }),
    simulations: [{ input: { ...input, stream: spec.id }, closedForm: spec.closedForm }],
    outcome([result]) {
      const read = spec.read ?? ((r: SimulationResult) => r);
      const { estimate, stderr, closedForm } = read(result!);
      return { estimate, stderr, closedForm, groups: result!.groups };
    },
  };
}
