import { DEFAULT_ALPHA, DEFAULT_BETA } from '../defaults/index.ts';
import { largest, maxAbs } from '../math/index.ts';
import {
  holmThresholds,
  type NormalApproximation,
  normalApproximation,
  VectorMoments,
  verdict,
} from '../stats/index.ts';
import { type ChunkResult, requireUncapped } from './chunk-result.ts';
import { expectedClassWeights } from './class-count-law.ts';
import {
  algorithm1ClosedForm,
  expectedDraws,
  gradedClosedForm,
  pureRsClosedForm,
} from './closed-forms.ts';
import type { Simulation, SimulationConfig } from './simulation-config.ts';
import { updateLaws } from './update-laws.ts';

/** How a merged run is compared with its closed form. */
export interface ComparisonOptions {
  /** Family-wise false-fail rate over all components of this run (Holm); default 1e-6. */
  readonly alpha?: number;
  /** A per-comparison `|z|` threshold instead of Holm within the run (for a caller's own Holm). */
  readonly threshold?: number;
  /** False-pass rate at the reported resolution; default 1e-3. */
  readonly beta?: number;
  /**
   * The closed form to compare with, instead of the run's own (`h_M'(p) grad p` from the
   * scheme's tables, or `grad p / p` for pure-rs): e.g. a deliberately wrong one.
   */
  readonly closedForm?: ArrayLike<number>;
  /**
   * Relative floor of the standard error, default {@link ROUNDING_FLOOR}: a per-group update that
   * is constant up to rounding has a sample variance of rounding noise, which says nothing
   * about the simulation.
   */
  readonly rounding?: number;
}

/** Default relative standard-error floor: far above the rounding of a group's O(M) flops. */
export const ROUNDING_FLOOR = 1e-12;

/**
 * A run's verdict: the estimate `agree`s with the closed form, or `disagree`s, or the run is
 * `insufficient`: too few groups for the normal approximation behind z to hold (a rare event,
 * or a skewed update), so neither verdict would keep its error rate; `groupsNeeded` says how
 * many groups would.
 */
export type SimulationOutcome = 'agree' | 'disagree' | 'insufficient';

/** A simulation compared with its closed form (docs/theory.md §6). */
export interface SimulationResult {
  readonly config: SimulationConfig;
  /** Mean per-group update, per parameter. */
  readonly estimate: number[];
  /**
   * Its standard error `sqrt(sampleVariance/N)` per parameter, floored at `rounding` times the
   * update's scale (for Algorithm 1 `max|c| · sum_x Q |grad p_x|`, a bound on the closed form)
   * and at `groups` times the smallest double (the rounding of a mean of subnormal updates).
   */
  readonly stderr: number[];
  readonly closedForm: number[];
  readonly z: number[];
  /** `(z_alpha' + z_beta)·SE`: the run detects a discrepancy this large with prob. `1 - beta`. */
  readonly resolution: number[];
  /** The `|z|` threshold of one discrepant comparison. */
  readonly threshold: number;
  readonly alpha: number;
  readonly beta: number;
  /** The verdict; see {@link SimulationOutcome}. */
  readonly outcome: SimulationOutcome;
  /** `outcome === 'agree'`: no comparison (nor, for pure-rs, the mean draws) disagrees. */
  readonly agree: boolean;
  /**
   * The smallest number of groups, at least `groups`, at which the normal approximation holds
   * for this configuration and threshold ({@link simulationPrecondition}); above `groups`
   * exactly when the outcome is `insufficient`.
   */
  readonly groupsNeeded: number;
  readonly groups: number;
  readonly responses: number;
  /** Wall time of this run; after a resume, of the resumed part only. */
  readonly seconds: number;
  /** Responses simulated in `seconds`: after a resume, the chunks read from the checkpoint are not. */
  readonly simulated: number;
  /** `simulated / seconds`: the speed of this run, whatever was resumed. */
  readonly responsesPerSecond: number;
  /** Pure-rs: mean draws per group, its SE, `E[N] = B/p`, its z and resolution. */
  readonly draws?: {
    readonly mean: number;
    readonly stderr: number;
    readonly expected: number;
    readonly z: number;
    readonly resolution: number;
  };
  /** The merged accumulator of every chunk, for checkpoints and merges. */
  readonly accumulator: ChunkResult;
}

/**
 * The run's own closed form (docs/theory.md §2, §4, §10) and, per component, a bound on the size
 * the update can have, or null: for Algorithm 1 `sum_x Q h_M'(p_x) grad p_x` and
 * `max|c| · sum_x Q |grad p_x|` (`|h_M'| <= max|c|` as a Bernstein polynomial); with graded
 * rewards `sum_j W_j(q) grad q_j` and `max|w| · sum_j |grad q_j|`; for pure-rs `grad p / p`.
 */
function ownClosedForm(simulation: Simulation): {
  closedForm: Float64Array;
  bound: Float64Array | null;
} {
  if (simulation.kind === 'pure-rs') {
    return { closedForm: pureRsClosedForm(simulation.policy), bound: null };
  }
  if (simulation.kind === 'graded') {
    const { policy, scheme } = simulation;
    const { W, largestWeight } = expectedClassWeights(scheme, policy.q);
    const bound = new Float64Array(policy.dim);
    for (const gradQ of policy.gradQ) {
      for (let y = 0; y < bound.length; y++) bound[y] = bound[y]! + Math.abs(gradQ[y]!);
    }
    return {
      closedForm: gradedClosedForm(policy, W),
      bound: bound.map((b) => largestWeight * b),
    };
  }
  const { policy, scheme } = simulation;
  const maxC = maxAbs(scheme.c);
  const bound = new Float64Array(policy.dim);
  for (const { Q, gradP, offset } of policy.prompts) {
    for (let j = 0; j < gradP.length; j++) bound[offset + j] = maxC * Q * Math.abs(gradP[j]!);
  }
  return { closedForm: algorithm1ClosedForm(policy, scheme.c), bound };
}

/** The precondition of a simulation's verdict, and the `|z|` threshold it was checked at. */
export interface SimulationPrecondition extends NormalApproximation {
  readonly threshold: number;
}

/**
 * Whether the normal approximation behind a simulation's z-tests holds (docs/theory.md §6): the law of
 * every compared statistic (`updateLaws`) must pass `normalApproximation` at the run's
 * `|z|` threshold, `options.threshold` or else Holm's first step `zThreshold(alpha/m)` over the
 * run's `m` comparisons. `groupsNeeded` is the smallest number of groups, at least
 * `config.groups`, at which all of them hold (as far as a search over each law's breakpoints
 * finds). It depends on the configuration and the options only, never on the draws, so it can
 * be checked before running and does not change the test's error rates.
 */
export function simulationPrecondition(
  simulation: Simulation,
  options: ComparisonOptions = {},
): SimulationPrecondition {
  const { config } = simulation;
  const comparisons = simulation.policy.dim + (config.estimator === 'pure-rs' ? 1 : 0);
  const threshold =
    options.threshold ?? holmThresholds(options.alpha ?? DEFAULT_ALPHA, comparisons)[0]!;
  const laws = updateLaws(simulation, options.rounding ?? ROUNDING_FLOOR);
  const at = (groups: number) => laws.map(({ law }) => normalApproximation(law, groups, threshold));
  const first = at(config.groups);
  // Each law holds again from its own groupsNeeded on: raise N until all hold at once.
  let results = first;
  let groups = config.groups;
  while (!results.every((r) => r.ok) && Number.isFinite(groups)) {
    groups = largest(results, (r) => r.groupsNeeded);
    results = at(groups);
  }
  return {
    ok: first.every((r) => r.ok),
    groupsNeeded: groups,
    skewness: Math.max(
      0,
      largest(first, (r) => r.skewness),
    ),
    threshold,
  };
}

/**
 * Turns a run's merged accumulator into estimates and a verdict (docs/theory.md §6): the mean update
 * and its standard error per parameter, the closed form (`sum_x Q h_M'(p_x) grad p_x` from the
 * scheme's `c` table for Algorithm 1, `grad p / p` for pure-rs), z per component, and Holm's
 * test at family-wise `alpha` over all components — for pure-rs the mean number of draws against
 * `B/p` is one more comparison of the family — with the resolution of each.
 *
 * The verdict is given only where the normal approximation behind z holds
 * ({@link simulationPrecondition}, checked on the configuration, not on the draws); otherwise
 * the outcome is `insufficient`, with the number of groups that would do. So a correct
 * simulator is flagged with probability at most a small multiple of alpha (docs/simulate.md),
 * rare events included, and nothing that disagrees is ever reported as agreeing: an
 * insufficient run reports no agreement. `computed` is the number of responses simulated in `seconds`: all of them unless
 * some chunks were read from a checkpoint. Throws InputError for a pure-rs run in which a group
 * hit its draw cap (its estimate is biased; no verdict).
 */
export function summarizeSimulation(
  simulation: Simulation,
  accumulator: ChunkResult,
  seconds: number,
  options: ComparisonOptions = {},
  computed: number = accumulator.responses,
): SimulationResult {
  const { config, policy } = simulation;
  requireUncapped(config, accumulator);
  const gradient = VectorMoments.fromJSON(accumulator.gradient);
  const own = ownClosedForm(simulation);
  const closedForm = Float64Array.from(options.closedForm ?? own.closedForm);
  if (closedForm.length !== policy.dim) {
    throw new RangeError(
      `closed form has ${closedForm.length} components; the policy has ${policy.dim}`,
    );
  }
  const estimate = [...gradient.mean];
  const rounding = options.rounding ?? ROUNDING_FLOOR;
  const scale = Float64Array.from(closedForm, (c, j) =>
    Math.max(Math.abs(c), Math.abs(gradient.mean[j]!), own.bound?.[j] ?? 0),
  );
  // A mean of subnormal updates carries up to half the smallest double of rounding per group,
  // however small its scale: hence the absolute part of the floor.
  const absolute = accumulator.groups * Number.MIN_VALUE;
  const stderr = [...gradient.stderr()].map((se, j) =>
    Math.max(se, rounding * scale[j]!, absolute),
  );
  const closed = [...closedForm];
  const drawMoments = accumulator.draws ? VectorMoments.fromJSON(accumulator.draws) : null;
  const expected =
    simulation.kind === 'pure-rs'
      ? expectedDraws(simulation.policy, simulation.config.B)
      : Number.NaN;
  if (drawMoments) {
    estimate.push(drawMoments.mean[0]!);
    stderr.push(drawMoments.stderr()[0]!);
    closed.push(expected);
  }
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const beta = options.beta ?? DEFAULT_BETA;
  const v = verdict(
    { estimate, stderr, closedForm: closed },
    { alpha, beta, ...(options.threshold === undefined ? {} : { threshold: options.threshold }) },
  );
  const d = policy.dim;
  const precondition = simulationPrecondition(simulation, { ...options, alpha });
  const outcome: SimulationOutcome = !precondition.ok
    ? 'insufficient'
    : v.agree
      ? 'agree'
      : 'disagree';
  return {
    config,
    estimate: estimate.slice(0, d),
    stderr: stderr.slice(0, d),
    closedForm: closed.slice(0, d),
    z: v.z.slice(0, d),
    resolution: v.resolution.slice(0, d),
    threshold: v.threshold,
    alpha,
    beta,
    outcome,
    agree: outcome === 'agree',
    groupsNeeded: precondition.groupsNeeded,
    groups: accumulator.groups,
    responses: accumulator.responses,
    seconds,
    simulated: computed,
    responsesPerSecond: seconds > 0 ? computed / seconds : Number.POSITIVE_INFINITY,
    ...(drawMoments
      ? {
          draws: {
            mean: estimate[d]!,
            stderr: stderr[d]!,
            expected,
            z: v.z[d]!,
            resolution: v.resolution[d]!,
          },
        }
      : {}),
    accumulator,
  };
}
