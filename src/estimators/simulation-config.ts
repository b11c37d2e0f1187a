import { InputError } from '../errors/input-error.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import { buildPolicy } from '../policies/build-policy.ts';
import { parsePolicy } from '../policies/parse-policy.ts';
import type { Policy } from '../policies/policy.ts';
import type { PolicyDescription } from '../policies/policy-schema.ts';
import type { UniformStream } from '../rng/uniform-stream.ts';
import { scheme as buildScheme } from '../schemes/index.ts';
import type { Scheme } from '../schemes/scheme.ts';
import { VectorMoments } from '../stats/vector-moments.ts';
import { algorithm1Bernoulli, algorithm1Groups } from './algorithm1-loops.ts';
import { type PureRsCounts, pureRsBernoulli, pureRsGroups } from './pure-rs-loops.ts';

/** The estimators a simulation can run (MATH.md §1 and §4). */
export const ESTIMATORS = ['algorithm1', 'pure-rs'] as const;
export type Estimator = (typeof ESTIMATORS)[number];

/** Default per-group draw cap of pure rejection sampling. */
export const DEFAULT_MAX_DRAWS = 1e8;
/** The cap must be at least this many times the expected draws `B/p` of the hardest prompt. */
export const DRAW_CAP_MARGIN = 20;
/** Work (responses plus gradient entries) a chunk aims at, whatever the configuration. */
const CHUNK_WORK = 2 ** 22;
const MAX_CHUNK_GROUPS = 2 ** 20;

/** What a caller asks for; {@link resolveSimulation} validates it and fills the defaults. */
export interface SimulationInput {
  /** `algorithm1` (default) or `pure-rs`. */
  readonly estimator?: string;
  /** Algorithm 1: the weight scheme spec, e.g. `grpo:std=sample`. */
  readonly scheme?: string | null;
  /** Algorithm 1: the group size. */
  readonly M?: number | null;
  /** Pure rejection sampling: the number of correct responses per group. */
  readonly B?: number | null;
  /** Pure rejection sampling: the per-group draw cap; default {@link DEFAULT_MAX_DRAWS}. */
  readonly maxDraws?: number | null;
  /** A policy short form, JSON text, `@file.json`, or a description. */
  readonly policy: string | PolicyDescription;
  /** Number of groups (Algorithm 1) or of rejection-sampling runs (pure-rs). */
  readonly groups: number;
  /** Run seed; default 0. */
  readonly seed?: string | number;
  /** Name of the substream family, e.g. a check id; default `simulate`. */
  readonly stream?: string;
  /** Groups per chunk; default from the work per group. Fixes the chunking, not the threads. */
  readonly chunkGroups?: number;
}

/** What every resolved simulation has, whatever its estimator. */
interface ConfigBase {
  readonly policy: PolicyDescription;
  readonly groups: number;
  readonly seed: string | number;
  readonly stream: string;
  readonly chunkGroups: number;
}

/** A resolved Algorithm 1 simulation (MATH.md §1): a weight scheme and a group size. */
export interface Algorithm1Config extends ConfigBase {
  readonly estimator: 'algorithm1';
  /** Canonical scheme spec. */
  readonly scheme: string;
  readonly M: number;
}

/** A resolved pure rejection-sampling simulation (MATH.md §4). */
export interface PureRsConfig extends ConfigBase {
  readonly estimator: 'pure-rs';
  /** Correct answers per group. */
  readonly B: number;
  /** Per-group draw cap. */
  readonly maxDraws: number;
}

/**
 * A resolved simulation: plain JSON that fully determines the run's result. Workers, checkpoints
 * and shards carry this object; {@link resolvedSimulation} gives what is built from it.
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
 * Everything a simulation is built from its config, once: the policy (with its exact `p` and
 * `grad p`), the scheme (Algorithm 1; null for pure-rs), and the loop that runs its groups,
 * chosen for the policy (a specialised one for a Bernoulli policy, the generic sampler loop
 * otherwise).
 */
export type ResolvedSimulation = ResolvedAlgorithm1 | ResolvedPureRs;

interface ResolvedAlgorithm1 {
  readonly config: Algorithm1Config;
  readonly policy: Policy;
  readonly scheme: Scheme;
  readonly loop: GroupsLoop;
}

interface ResolvedPureRs {
  readonly config: PureRsConfig;
  readonly policy: Policy;
  readonly scheme: null;
  readonly loop: GroupsLoop;
}

/**
 * Validates a simulation request (MATH.md §1, §4–6) and fills every default, so that the
 * returned config alone determines the result. Every bad input is a one-line InputError: an
 * unknown estimator, a bad scheme, `M`, `B`, policy or group count, `p = 0` for pure-rs (it
 * would never end), or a draw cap below {@link DRAW_CAP_MARGIN} times the expected draws. A
 * config this function returned is returned as it is.
 */
export function resolveSimulation(input: SimulationInput | SimulationConfig): SimulationConfig {
  if (resolved.has(input as SimulationConfig)) return input as SimulationConfig;
  const estimator = (input.estimator ?? 'algorithm1') as Estimator;
  if (!ESTIMATORS.includes(estimator)) {
    throw new InputError(
      `estimator '${input.estimator}' is unknown; allowed: ${ESTIMATORS.join(', ')}`,
    );
  }
  const groups = requirePositiveInteger('groups', input.groups);
  // A description from user code is validated like JSON text.
  const policy = buildPolicy(
    parsePolicy(typeof input.policy === 'string' ? input.policy : JSON.stringify(input.policy)),
  );
  const base = { policy: policy.description, groups, seed: input.seed ?? 0 };
  const stream = input.stream ?? 'simulate';
  const chunkGroups = (work: number) =>
    input.chunkGroups === undefined
      ? Math.max(1, Math.min(MAX_CHUNK_GROUPS, Math.floor(CHUNK_WORK / work)))
      : requirePositiveInteger('chunk-groups', input.chunkGroups);
  const given = input as SimulationInput;
  if (estimator === 'algorithm1') {
    if (given.B != null) throw new InputError('B applies to pure-rs only; Algorithm 1 takes --M');
    if (given.scheme == null) throw new InputError('algorithm1 needs a scheme (--scheme)');
    if (given.M == null) throw new InputError('algorithm1 needs a group size M (--M)');
    const M = requirePositiveInteger('M', given.M);
    const scheme = buildScheme(given.scheme, M);
    const config: Algorithm1Config = {
      estimator,
      scheme: scheme.spec,
      M,
      ...base,
      stream,
      chunkGroups: chunkGroups(M + policy.dim),
    };
    return remember({ config, policy, scheme, loop: algorithm1Loop(policy, scheme) });
  }
  if (given.scheme != null || given.M != null) {
    throw new InputError('pure-rs takes no scheme and no M; it draws until B answers are correct');
  }
  if (given.B == null) {
    throw new InputError('pure-rs needs B, the number of correct answers per group (--B)');
  }
  const B = requirePositiveInteger('B', given.B);
  const maxDraws = requirePositiveInteger('max-draws', given.maxDraws ?? DEFAULT_MAX_DRAWS);
  const worst = Math.min(...policy.prompts.map((t) => t.p));
  if (worst === 0) {
    throw new InputError('pure-rs needs p > 0 for every prompt: with p = 0 it would draw forever');
  }
  if (maxDraws < DRAW_CAP_MARGIN * (B / worst)) {
    throw new InputError(
      `pure-rs: B/p = ${B / worst} expected draws per group; the draw cap (max-draws ${maxDraws}) must be at least ${DRAW_CAP_MARGIN} times that`,
    );
  }
  const work = policy.prompts.reduce((sum, t) => sum + (t.Q * B) / t.p, 0) + policy.dim;
  const config: PureRsConfig = {
    estimator,
    B,
    maxDraws,
    ...base,
    stream,
    chunkGroups: chunkGroups(work),
  };
  return remember({ config, policy, scheme: null, loop: pureRsLoop(policy, B, maxDraws) });
}

/** The number of chunks a run is cut into: `ceil(groups / chunkGroups)`, whatever the threads. */
export function chunkCount(config: SimulationConfig): number {
  return Math.ceil(config.groups / config.chunkGroups);
}

// Each config resolveSimulation returned, with what it built. A config that arrives as a copy
// (a worker's task, a checkpoint) is built again, and the last few builds are kept by content:
// a sequence policy enumerates up to 1e5 responses, and a worker runs many chunks of one
// config. Results never depend on these caches.
const resolved = new WeakMap<SimulationConfig, ResolvedSimulation>();
const copies = new Map<string, ResolvedSimulation>();
const COPIES_KEPT = 8;

function remember(simulation: ResolvedSimulation): SimulationConfig {
  resolved.set(simulation.config, simulation);
  return simulation.config;
}

/**
 * What `config` is built into ({@link ResolvedSimulation}): built once, then shared by the
 * precondition, the summary and every chunk this thread runs. `config` must come from
 * {@link resolveSimulation}, or be a copy of one.
 */
export function resolvedSimulation(config: SimulationConfig): ResolvedSimulation {
  const known = resolved.get(config);
  if (known !== undefined) return known;
  const key = JSON.stringify(config);
  let simulation = copies.get(key);
  if (simulation === undefined) {
    const policy = buildPolicy(config.policy);
    if (config.estimator === 'algorithm1') {
      const scheme = buildScheme(config.scheme, config.M);
      simulation = { config, policy, scheme, loop: algorithm1Loop(policy, scheme) };
    } else {
      simulation = {
        config,
        policy,
        scheme: null,
        loop: pureRsLoop(policy, config.B, config.maxDraws),
      };
    }
    if (copies.size >= COPIES_KEPT) copies.delete(copies.keys().next().value!);
    copies.set(key, simulation);
  }
  resolved.set(config, simulation);
  return simulation;
}

/** Algorithm 1's loop: the specialised one for a Bernoulli policy, else the sampler loop. */
function algorithm1Loop(policy: Policy, scheme: Scheme): GroupsLoop {
  const M = scheme.M;
  const p = policy.prompts[0]!.p;
  return (groups, u) => {
    const gradient = new VectorMoments(policy.dim);
    if (policy.kind === 'bernoulli') {
      algorithm1Bernoulli(p, scheme, groups, u, gradient);
    } else {
      const g = new Float64Array(policy.dim);
      algorithm1Groups(policy.sampler(M, g), g, scheme, groups, u, gradient);
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
      const g = new Float64Array(policy.dim);
      counts = pureRsGroups(policy.sampler(B, g), g, B, maxDraws, groups, u, gradient, draws);
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
