import { buildPolicy, type Policy, type PolicyDescription } from '../policies/index.ts';
import type { UniformStream } from '../rng/index.ts';
import { scheme as buildScheme, type Scheme } from '../schemes/index.ts';
import { VectorMoments } from '../stats/index.ts';
import { algorithm1Bernoulli, algorithm1Groups } from './algorithm1-loops.ts';
import { ClassWeights } from './class-weights.ts';
import { type PureRsCounts, pureRsBernoulli, pureRsGroups } from './pure-rs-loops.ts';

/** What every resolved simulation has, whatever its estimator. */
interface ConfigBase {
  readonly policy: PolicyDescription;
  readonly groups: number;
  readonly seed: string | number;
  readonly stream: string;
  readonly chunkGroups: number;
}

/** A resolved Algorithm 1 simulation (docs/theory.md §1): a weight scheme and a group size. */
export interface Algorithm1Config extends ConfigBase {
  readonly estimator: 'algorithm1';
  /** Canonical scheme spec. */
  readonly scheme: string;
  readonly M: number;
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
 * A simulation ready to run: its config, and what is built from it once: the policy (with its
 * exact `p` and `grad p`), the scheme (Algorithm 1; null for pure-rs), and the loop that runs its
 * groups, chosen for the policy (a specialised one for a Bernoulli policy, the generic sampler
 * loop otherwise). `buildSimulation` makes one from a caller's input, {@link rebuildSimulation}
 * from a config; a run passes it along explicitly, and only its `config` crosses to a worker.
 */
export type Simulation = Algorithm1Simulation | PureRsSimulation;

/** A {@link Simulation} of Algorithm 1 with a weight scheme. */
export interface Algorithm1Simulation {
  readonly config: Algorithm1Config;
  readonly policy: Policy;
  readonly scheme: Scheme;
  readonly loop: GroupsLoop;
}

/** A {@link Simulation} of pure rejection sampling. */
export interface PureRsSimulation {
  readonly config: PureRsConfig;
  readonly policy: Policy;
  readonly scheme: null;
  readonly loop: GroupsLoop;
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
  policy: Policy,
  scheme: Scheme | null,
): Simulation {
  return config.estimator === 'algorithm1'
    ? { config, policy, scheme: scheme!, loop: algorithm1Loop(policy, scheme!) }
    : { config, policy, scheme: null, loop: pureRsLoop(policy, config.B, config.maxDraws) };
}

/**
 * The {@link Simulation} a config describes, built again from the config alone (a worker's task,
 * a checkpoint): `config` must come from `buildSimulation`, or be a copy of one.
 */
export function rebuildSimulation(config: SimulationConfig): Simulation {
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
