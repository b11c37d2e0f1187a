import { ESTIMATORS, type Estimator, SIMULATE_DEFAULTS } from '../defaults/index.ts';
import { InputError, LIMITS, requirePositiveInteger, requireSize } from '../errors/index.ts';
import { smallest } from '../math/index.ts';
import type { PolicyDescription } from '../policies/index.ts';
import { buildPolicy, gradedSoftmax, parsePolicy } from '../policies/index.ts';
import { type RewardClasses, rewardClasses } from '../rewards/index.ts';
import { scheme as buildScheme, resolveGradedScheme } from '../schemes/index.ts';
import {
  type Algorithm1Config,
  assembleSimulation,
  type PureRsConfig,
  type Simulation,
} from './simulation-config.ts';

// A simulation request as a caller writes it, validated and built into a Simulation. Kept apart
// from the config, which worker threads rebuild from, so that workers never load the policy
// parser and its JSON schema.

/** The cap must be at least this many times the expected draws `B/p` of the hardest prompt. */
export const DRAW_CAP_MARGIN = 20;
/** Work (responses plus gradient entries) a chunk aims at, whatever the configuration. */
const CHUNK_WORK = 2 ** 22;
const MAX_CHUNK_GROUPS = 2 ** 20;

/** What a caller asks for; {@link buildSimulation} validates it and fills the defaults. */
export interface SimulationInput {
  /** `algorithm1` (default) or `pure-rs`. */
  readonly estimator?: string;
  /** Algorithm 1: the weight scheme spec, e.g. `grpo:std=sample`. */
  readonly scheme?: string | null;
  /** Algorithm 1: the group size. */
  readonly M?: number | null;
  /** Pure rejection sampling: the number of correct responses per group. */
  readonly B?: number | null;
  /** Pure rejection sampling: the per-group draw cap; default `SIMULATE_DEFAULTS.maxDraws`. */
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
  /**
   * Algorithm 1 with graded rewards (docs/theory.md §10): the levels, strictly increasing; the
   * policy is then a softmax with a reward for each answer (`rewards=0;0.5;1`).
   */
  readonly levels?: readonly number[] | null;
  /**
   * Algorithm 1 with `d` binary reward functions (docs/theory.md §10, `2^d` classes); the policy
   * is then a softmax with a reward vector for each answer (`rewards=0/0;0/1;1/0;1/1`).
   */
  readonly rewardFunctions?: number | null;
}

/**
 * Validates a simulation request (docs/theory.md §1, §4–6), fills every default, and builds the
 * {@link Simulation}, once: its `config` alone determines the result. Every bad input is a
 * one-line InputError: an unknown estimator, a bad scheme, `M`, `B`, policy or group count,
 * `p = 0` for pure-rs (it would never end), or a draw cap below {@link DRAW_CAP_MARGIN} times the
 * expected draws.
 */
export function buildSimulation(input: SimulationInput): Simulation {
  const estimator = (input.estimator ?? SIMULATE_DEFAULTS.estimator) as Estimator;
  if (!ESTIMATORS.includes(estimator)) {
    throw new InputError(
      `estimator '${input.estimator}' is unknown; allowed: ${ESTIMATORS.join(', ')}`,
    );
  }
  const groups = requirePositiveInteger('groups', input.groups);
  const classes = rewardClasses({
    ...(input.levels == null ? {} : { levels: input.levels }),
    ...(input.rewardFunctions == null ? {} : { rewardFunctions: input.rewardFunctions }),
  });
  // A description from user code is validated like JSON text.
  const description = parsePolicy(
    typeof input.policy === 'string' ? input.policy : JSON.stringify(input.policy),
  );
  if (classes !== undefined) {
    if (estimator !== 'algorithm1') {
      throw new InputError(
        `${classes.spec}: graded rewards apply to algorithm1; pure-rs draws until B answers are correct`,
      );
    }
    return resolveGraded(input, classes, description, groups);
  }
  const policy = buildPolicy(description);
  const base = { policy: policy.description, groups, seed: input.seed ?? SIMULATE_DEFAULTS.seed };
  const stream = input.stream ?? 'simulate';
  const chunkGroups = (work: number) => chunkGroupsFor(input, groups, work);
  if (estimator === 'algorithm1') {
    if (input.B != null) throw new InputError('B applies to pure-rs only; Algorithm 1 takes --M');
    if (input.scheme == null) throw new InputError('algorithm1 needs a scheme (--scheme)');
    if (input.M == null) throw new InputError('algorithm1 needs a group size M (--M)');
    const M = requireSize('M', input.M, LIMITS.M);
    const scheme = buildScheme(input.scheme, M);
    const config: Algorithm1Config = {
      estimator,
      scheme: scheme.spec,
      M,
      ...base,
      stream,
      chunkGroups: chunkGroups(M + policy.dim),
    };
    return assembleSimulation(config, policy, scheme);
  }
  if (input.scheme != null || input.M != null) {
    throw new InputError('pure-rs takes no scheme and no M; it draws until B answers are correct');
  }
  if (input.B == null) {
    throw new InputError('pure-rs needs B, the number of correct answers per group (--B)');
  }
  const B = requireSize('B', input.B, LIMITS.M);
  const maxDraws = requirePositiveInteger(
    'max-draws',
    input.maxDraws ?? SIMULATE_DEFAULTS.maxDraws,
  );
  const worst = smallest(policy.prompts, (t) => t.p);
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
  return assembleSimulation(config, policy, null);
}

/**
 * Validates Algorithm 1 with graded rewards (docs/theory.md §10): the policy must be a softmax
 * with a reward for each answer, each one of `classes`, and the scheme one that acts on real
 * rewards (`resolveGradedScheme`). The config holds the levels or the number of reward functions.
 */
function resolveGraded(
  given: SimulationInput,
  classes: RewardClasses,
  description: PolicyDescription,
  groups: number,
): Simulation {
  if (given.B != null) throw new InputError('B applies to pure-rs only; Algorithm 1 takes --M');
  if (given.scheme == null) throw new InputError('algorithm1 needs a scheme (--scheme)');
  if (given.M == null) throw new InputError('algorithm1 needs a group size M (--M)');
  if (description.kind !== 'softmax' || !('rewards' in description)) {
    throw new InputError(
      `${classes.spec}: the policy must be a softmax with a reward for each answer, e.g. softmax:logits=0;0.5;1,rewards=${classes.labels.slice(0, 3).join(';')}`,
    );
  }
  const policy = gradedSoftmax(description, classes);
  const M = requireSize('M', given.M, LIMITS.M);
  const scheme = resolveGradedScheme(given.scheme, classes).bind(M);
  const config: Algorithm1Config = {
    estimator: 'algorithm1',
    scheme: scheme.spec,
    M,
    ...(classes.kind === 'levels' ? { levels: [...classes.sums] } : { rewardFunctions: classes.d }),
    policy: policy.description,
    groups,
    seed: given.seed ?? SIMULATE_DEFAULTS.seed,
    stream: given.stream ?? 'simulate',
    chunkGroups: chunkGroupsFor(given, groups, M + policy.dim),
  };
  return assembleSimulation(config, policy, scheme);
}

/**
 * Groups per chunk: as given, or `CHUNK_WORK` over the work of a group (responses + entries);
 * refused when `groups` would need more than `LIMITS.chunks.max` chunks of that size.
 */
function chunkGroupsFor(input: SimulationInput, groups: number, work: number): number {
  const size =
    input.chunkGroups === undefined
      ? Math.max(1, Math.min(MAX_CHUNK_GROUPS, Math.floor(CHUNK_WORK / work)))
      : requirePositiveInteger('chunk-groups', input.chunkGroups);
  const most = size * LIMITS.chunks.max;
  if (groups > most) {
    throw new InputError(
      `groups must be at most ${most} for this run (chunks of ${size} groups, at most ${LIMITS.chunks.max} chunks: ${LIMITS.chunks.why}), got ${groups}; split it into runs of different seeds`,
    );
  }
  return size;
}
