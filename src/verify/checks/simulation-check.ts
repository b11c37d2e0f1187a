import { type SimulationInput, type SimulationResult, simulate } from '../../estimators/index.ts';
import type { MonteCarloCheck, MonteCarloContext, MonteCarloOutcome, TheoremId } from '../check.ts';

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
}

/** Runs a simulation for a check, on the run's pool, with the check id as substream. */
export function runSimulation(
  id: string,
  input: Omit<SimulationInput, 'seed' | 'stream'>,
  context: MonteCarloContext,
  closedForm?: ArrayLike<number>,
): Promise<SimulationResult> {
  return simulate(
    { ...input, seed: context.seed, stream: id },
    {
      pool: context.pool,
      signal: context.signal,
      closedForm,
      onProgress: (p) => context.onProgress(p.groupsDone / p.groups),
    },
  );
}

/**
 * A {@link MonteCarloCheck} that runs one `simulate` call (MATH.md §1, §4–6) in the check's own
 * substream (seed, check id), so its numbers do not depend on the rest of the battery.
 */
export function simulationCheck(spec: SimulationCheckSpec): MonteCarloCheck {
  const { input } = spec;
  const policy = typeof input.policy === 'string' ? input.policy : JSON.stringify(input.policy);
  const scheme = input.estimator === 'pure-rs' ? `pure-rs:B=${input.B}` : (input.scheme ?? '');
  return {
    kind: 'monte-carlo',
    id: spec.id,
    theorem: spec.theorem,
    scheme,
    M: input.estimator === 'pure-rs' ? null : (input.M ?? null),
    policy,
    detail: spec.detail,
    groups: input.groups,
    async run(context) {
      const result = await runSimulation(spec.id, input, context, spec.closedForm?.());
      const read = spec.read ?? ((r: SimulationResult) => r);
      const { estimate, stderr, closedForm } = read(result);
      return { estimate, stderr, closedForm, groups: result.groups };
    },
  };
}
