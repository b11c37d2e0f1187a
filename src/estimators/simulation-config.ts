import { InputError } from '../errors/input-error.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import { buildPolicy } from '../policies/build-policy.ts';
import { parsePolicy } from '../policies/parse-policy.ts';
import type { PolicyDescription } from '../policies/policy-schema.ts';
import { scheme as buildScheme } from '../schemes/index.ts';

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

/**
 * A resolved simulation: plain JSON that fully determines the run's result. Workers, checkpoints
 * and shards carry this object.
 */
export interface SimulationConfig {
  readonly estimator: Estimator;
  /** Canonical scheme spec (Algorithm 1), or null. */
  readonly scheme: string | null;
  /** Group size (Algorithm 1), or null. */
  readonly M: number | null;
  /** Correct answers per group (pure-rs), or null. */
  readonly B: number | null;
  /** Per-group draw cap (pure-rs), or null. */
  readonly maxDraws: number | null;
  readonly policy: PolicyDescription;
  readonly groups: number;
  readonly seed: string | number;
  readonly stream: string;
  readonly chunkGroups: number;
}

/**
 * Validates a simulation request (MATH.md §1, §4–6) and fills every default, so that the
 * returned config alone determines the result. Every bad input is a one-line InputError: an
 * unknown estimator, a bad scheme, `M`, `B`, policy or group count, `p = 0` for pure-rs (it
 * would never end), or a draw cap below {@link DRAW_CAP_MARGIN} times the expected draws.
 */
export function resolveSimulation(input: SimulationInput): SimulationConfig {
  const estimator = (input.estimator ?? 'algorithm1') as Estimator;
  if (!ESTIMATORS.includes(estimator)) {
    throw new InputError(
      `estimator '${input.estimator}' is unknown; allowed: ${ESTIMATORS.join(', ')}`,
    );
  }
  const groups = requirePositiveInteger('groups', input.groups);
  // A description from user code is validated like JSON text.
  const policyDescription = parsePolicy(
    typeof input.policy === 'string' ? input.policy : JSON.stringify(input.policy),
  );
  const policy = buildPolicy(policyDescription);
  const seed = input.seed ?? 0;
  const stream = input.stream ?? 'simulate';
  let schemeSpec: string | null = null;
  let M: number | null = null;
  let B: number | null = null;
  let maxDraws: number | null = null;
  let work: number;
  if (estimator === 'algorithm1') {
    if (input.B != null) throw new InputError('B applies to pure-rs only; Algorithm 1 takes --M');
    if (input.scheme == null) throw new InputError('algorithm1 needs a scheme (--scheme)');
    if (input.M == null) throw new InputError('algorithm1 needs a group size M (--M)');
    M = requirePositiveInteger('M', input.M);
    schemeSpec = buildScheme(input.scheme, M).spec;
    work = M + policy.dim;
  } else {
    if (input.scheme != null || input.M != null) {
      throw new InputError(
        'pure-rs takes no scheme and no M; it draws until B answers are correct',
      );
    }
    if (input.B == null)
      throw new InputError('pure-rs needs B, the number of correct answers per group (--B)');
    B = requirePositiveInteger('B', input.B);
    maxDraws = requirePositiveInteger('max-draws', input.maxDraws ?? DEFAULT_MAX_DRAWS);
    const cap = maxDraws;
    const worst = Math.min(...policy.prompts.map((t) => t.p));
    if (worst === 0) {
      throw new InputError(
        'pure-rs needs p > 0 for every prompt: with p = 0 it would draw forever',
      );
    }
    if (cap < DRAW_CAP_MARGIN * (B / worst)) {
      throw new InputError(
        `pure-rs: B/p = ${B / worst} expected draws per group; the draw cap (max-draws ${maxDraws}) must be at least ${DRAW_CAP_MARGIN} times that`,
      );
    }
    const b = B;
    work = policy.prompts.reduce((sum, t) => sum + (t.Q * b) / t.p, 0) + policy.dim;
  }
  const chunkGroups =
    input.chunkGroups === undefined
      ? Math.max(1, Math.min(MAX_CHUNK_GROUPS, Math.floor(CHUNK_WORK / work)))
      : requirePositiveInteger('chunk-groups', input.chunkGroups);
  return {
    estimator,
    scheme: schemeSpec,
    M,
    B,
    maxDraws,
    policy: policy.description,
    groups,
    seed,
    stream,
    chunkGroups,
  };
}
