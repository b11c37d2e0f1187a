import type { GradedSoftmaxDescription, Policy, PolicyDescription } from '../policies/index.ts';
import { buildPolicy, type GradedPolicy, gradedSoftmax } from '../policies/index.ts';
import { type RewardClasses, rewardClasses } from '../rewards/index.ts';
import type { UniformStream } from '../rng/index.ts';
import type { Scheme } from '../schemes/index.ts';
import { scheme as buildScheme, type GradedScheme, gradedScheme } from '../schemes/index.ts';
import { VectorMoments } from '../stats/index.ts';
import { algorithm1Bernoulli, algorithm1Groups } from './algorithm1-loops.ts';
import { ClassWeights } from './class-weights.ts';
import { GradedClassWeights } from './graded-class-weights.ts';
import { type PureRsCounts, pureRsBernoulli, pureRsGroups } from './pure-rs-loops.ts';

/** What every resolved simulation has, whatever its estimator. */
interface ConfigBase {
  readonly policy: PolicyDescription;
  readonly groups: number;
  readonly seed: string | number;
  readonly stream: string;
  readonly chunkGroups: number;
}

/**
 * A resolved Algorithm 1 simulation (docs/theory.md §1): a weight scheme and a group size; with
 * graded rewards (§10) also the reward classes, exactly one of `levels` and `rewardFunctions`
 * (both absent for binary rewards, so that a binary config is as it always was).
 */
export interface Algorithm1Config extends ConfigBase {
  readonly estimator: 'algorithm1';
  /** Canonical scheme spec. */
  readonly scheme: string;
  readonly M: number;
  /** Graded rewards: the levels. */
  readonly levels?: readonly number[];
  /** Graded rewards: the number of binary reward functions. */
  readonly rewardFunctions?: number;
}

/** A resolved pure rejection-sampling simulation (docs/theory.md §4). */
export interface PureRsConfig extends ConfigBase {
  readonly estimator: 'pure-rs';
  /** Correct answers per group. */
  readonly B: number;
  /** Per-group draw cap. */
  readonly maxDraws: number;
}

/**
 * A resolved simulation: plain JSON that fully determines the run's result. Workers, checkpoints
 * and shards carry this object; {@link rebuildSimulation} builds the {@link Simulation} it
 * describes.
 */
export type SimulationConfig = Algorithm1Config | PureRsConfig;

/** What the loop of a chunk gives: the accumulators of its groups and their counts. */
export interface GroupsRun {
  /** Groups completed. */
  readonly groups: number;
  /** Responses drawn (for pure-rs, every draw, the capped group's included). */
  readonly responses: number;
  /** 1 when a pure-rs group hit the draw cap (the run stops there), else 0. */
  readonly capped: number;
  /** Moments of the per-group update. */
  readonly gradient: VectorMoments;
  /** Pure-rs: moments of the per-group number of draws; null for Algorithm 1. */
  readonly draws: VectorMoments | null;
}

/** Runs `groups` groups of a simulation from the stream `u`, which it reads from the start. */
export type GroupsLoop = (groups: number, u: UniformStream) => GroupsRun;

/**
/**
 * A simulation ready to run: its config, and what is built from it once: the policy (with its
 * exact `p` and `grad p`, or with graded rewards its `q` and `grad q`), the scheme (Algorithm 1,
 * binary or graded; null for pure-rs), and the loop that runs its groups, chosen for the policy
 * (a specialised one for a Bernoulli policy, the generic sampler loop otherwise); `kind` says
 * which. `buildSimulation` makes one from a caller's input, {@link rebuildSimulation} from a
 * config; a run passes it along explicitly, and only its `config` crosses to a worker.
 */
export type Simulation = Algorithm1Simulation | GradedSimulation | PureRsSimulation;

/** A {@link Simulation} of Algorithm 1 with a weight scheme. */
export interface Algorithm1Simulation {
  readonly kind: 'algorithm1';
  readonly config: Algorithm1Config;
  readonly policy: Policy;
  readonly scheme: Scheme;
  readonly loop: GroupsLoop;
}

/** A {@link Simulation} of Algorithm 1 with graded rewards (docs/theory.md §10). */
export interface GradedSimulation {
  readonly kind: 'graded';
  readonly config: Algorithm1Config;
  readonly policy: GradedPolicy;
  readonly scheme: GradedScheme;
  readonly loop: GroupsLoop;
}

/** A {@link Simulation} of pure rejection sampling. */
export interface PureRsSimulation {
  readonly kind: 'pure-rs';
  readonly config: PureRsConfig;
  readonly policy: Policy;
  readonly scheme: null;
  readonly loop: GroupsLoop;
}

/** The reward classes of a config (docs/theory.md §10); undefined for binary rewards. */
export function configClasses(config: SimulationConfig): RewardClasses | undefined {
  return config.estimator === 'algorithm1' ? rewardClasses(config) : undefined;
}

/** The number of chunks a run is cut into: `ceil(groups / chunkGroups)`, whatever the threads. */
export function chunkCount(config: SimulationConfig): number {
  return Math.ceil(config.groups / config.chunkGroups);
}

/**
 * Assembles the {@link Simulation} of `config` from its policy and scheme, built already by the
 * caller (`buildSimulation`, which validated them, or {@link rebuildSimulation}).
 */
export function assembleSimulation(
  config: SimulationConfig,
  policy: Policy | GradedPolicy,
  scheme: Scheme | GradedScheme | null,
): Simulation {
  if (config.estimator === 'pure-rs') {
    const binary = policy as Policy;
    const loop = pureRsLoop(binary, config.B, config.maxDraws);
    return { kind: 'pure-rs', config, policy: binary, scheme: null, loop };
  }
  if ('classes' in policy) {
    const graded = scheme as GradedScheme;
    return { kind: 'graded', config, policy, scheme: graded, loop: gradedLoop(policy, graded) };
  }
  const binary = scheme as Scheme;
  return {
    kind: 'algorithm1',
    config,
    policy,
    scheme: binary,
    loop: algorithm1Loop(policy, binary),
  };
}

/**
 * The {@link Simulation} a config describes, built again from the config alone (a worker's task,
 * a checkpoint): `config` must come from `buildSimulation`, or be a copy of one.
 */
export function rebuildSimulation(config: SimulationConfig): Simulation {
  const classes = configClasses(config);
  if (classes !== undefined && config.estimator === 'algorithm1') {
    const policy = gradedSoftmax(config.policy as GradedSoftmaxDescription, classes);
    return assembleSimulation(config, policy, gradedScheme(config.scheme, classes, config.M));
  }
  return assembleSimulation(
    config,
    buildPolicy(config.policy),
    config.estimator === 'algorithm1' ? buildScheme(config.scheme, config.M) : null,
  );
}

/** Algorithm 1's loop: the specialised one for a Bernoulli policy, else the sampler loop. */
function algorithm1Loop(policy: Policy, scheme: Scheme): GroupsLoop {
  const M = scheme.M;
  const p = policy.prompts[0]!.p;
  // Built once: every chunk of the config shares it (up to M = 10, a table over patterns).
  const weightsOf = policy.kind === 'bernoulli' ? null : new ClassWeights(scheme);
  return (groups, u) => {
    const gradient = new VectorMoments(policy.dim);
    if (weightsOf === null) {
      algorithm1Bernoulli(p, scheme, groups, u, gradient);
    } else {
      algorithm1Groups(policy, scheme, groups, u, gradient, weightsOf);
    }
    return { groups, responses: groups * M, capped: 0, gradient, draws: null };
  };
}

/** Algorithm 1's loop with graded rewards: the sampler loop with the graded class weights. */
function gradedLoop(policy: GradedPolicy, scheme: GradedScheme): GroupsLoop {
  // Built once: every chunk of the config shares it.
  const weightsOf = new GradedClassWeights(scheme);
  return (groups, u) => {
    const gradient = new VectorMoments(policy.dim);
    algorithm1Groups(policy, scheme, groups, u, gradient, weightsOf);
    return { groups, responses: groups * scheme.M, capped: 0, gradient, draws: null };
  };
}

/** Pure rejection sampling's loop: the specialised one for a Bernoulli policy, else generic. */
function pureRsLoop(policy: Policy, B: number, maxDraws: number): GroupsLoop {
  const p = policy.prompts[0]!.p;
  return (groups, u) => {
    const gradient = new VectorMoments(policy.dim);
    const draws = new VectorMoments(1);
    let counts: PureRsCounts;
    if (policy.kind === 'bernoulli') {
      counts = pureRsBernoulli(p, B, maxDraws, groups, u, gradient, draws);
    } else {
      counts = pureRsGroups(policy, B, maxDraws, groups, u, gradient, draws);
    }
    return {
      groups: counts.groups,
      responses: counts.draws,
      capped: counts.capped,
      gradient,
      draws,
    };
  };
}
