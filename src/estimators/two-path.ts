import { DEFAULT_ALPHA, DEFAULT_BETA } from '../defaults/index.ts';
import { InputError, quote, requireFinite, requirePositiveInteger } from '../errors/index.ts';
import { gaussLegendre } from '../math/index.ts';
import type { GradedSoftmaxDescription, PolicyDescription } from '../policies/index.ts';
import { softmaxProbabilities } from '../policies/index.ts';
import { resolution, zThreshold } from '../stats/index.ts';
import { configClasses } from './simulation-config.ts';
import { buildSimulation, type SimulationInput } from './simulation-input.ts';
import {
  type SimulationOutcome,
  type SimulationResult,
  simulationPrecondition,
} from './simulation-verdict.ts';

/** One leg of a path: the logit of answer `answer` moves by `delta`. */
export interface LogitMove {
  readonly answer: number;
  readonly delta: number;
}

/**
 * The two-path test of closedness (docs/theory.md §10, the Monte Carlo check), as a caller asks
 * for it: Algorithm 1 with graded rewards on a softmax policy (the start of both paths), and two
 * moves of two answers' logits. Path A makes move 1 then move 2, path B move 2 then move 1: the
 * same endpoints.
 */
export interface TwoPathInput
  extends Pick<SimulationInput, 'scheme' | 'M' | 'levels' | 'rewardFunctions' | 'seed'> {
  /** The start: a softmax policy with a reward for each answer. */
  readonly policy: string | PolicyDescription;
  readonly moves: readonly [LogitMove, LogitMove];
  /** Groups simulated at each quadrature node. */
  readonly groups: number;
  /** Name of the substream family; default `two-path`. Each node draws from its own. */
  readonly stream?: string;
}

/** One simulation of the test: a quadrature node of one leg of one path. */
export interface TwoPathNode {
  /** 0 for path A (move 1 then 2), 1 for path B. */
  readonly path: 0 | 1;
  /** 0 or 1: the leg of the path. */
  readonly leg: 0 | 1;
  /** The node's place on its leg, in (0, 1). */
  readonly s: number;
  /** The answer whose logit the leg moves: the update's component the node contributes. */
  readonly answer: number;
  /** `w_i theta_y'(s_i)`: the node's factor in its leg's integral. */
  readonly factor: number;
  /** What to simulate there (the policy at the node's logits). */
  readonly input: SimulationInput & { readonly stream: string };
}

/**
 * The simulations of a two-path test and how they combine (docs/theory.md §10). Moving answer
 * `y`'s logit alone scales every other answer by one factor, so `pi_y` is the leg's free
 * coordinate and `q` runs along a segment of the simplex (towards or away from the vertex of `y`'s
 * class) when `pi_y` runs linearly, `pi_y(s) = pi_y(0) + s (pi_y(1) - pi_y(0))`. Along it the
 * logit is `theta_y(s) = theta_y(0) + log(pi_y(s)/pi_y(0)) - log r(s)`, `r(s) = (1 - pi_y(s))/(1 - pi_y(0))`,
 * with derivative `theta_y'(s) = (pi_y(1) - pi_y(0)) / (pi_y(s)(1 - pi_y(s)))`. The line integral
 * of the expected update is then `int_0^1 E[g_y](theta(s)) theta_y'(s) ds = int omega_M`
 * (`E[g] . theta' = sum_j W_j dq_j/ds`), a polynomial of degree `M - 1` in `s`: the
 * `ceil(M/2)`-node Gauss–Legendre rule is exact, and each node's simulated `g_y`, times
 * `w_i theta_y'(s_i)`, estimates it without bias. No derivative of `W` is taken anywhere.
 */
export interface TwoPathPlan {
  readonly nodes: readonly TwoPathNode[];
  /** The moves, as given. */
  readonly moves: readonly [LogitMove, LogitMove];
  /** `q` at the start and at the common end of both paths. */
  readonly start: readonly number[];
  readonly end: readonly number[];
}

/**
 * Plans a two-path test (see {@link TwoPathPlan}). Every input is validated before any work:
 * the simulation input as `buildSimulation` does (reward classes, a graded softmax policy,
 * the scheme, `M`, groups), each move (an answer of the policy, a finite nonzero delta), and the
 * two moves must change answers of different reward classes (else both paths run along one
 * segment and cannot differ). Throws a one-line InputError.
 */
export function twoPathPlan(input: TwoPathInput): TwoPathPlan {
  const stream = input.stream ?? 'two-path';
  const groups = requirePositiveInteger('groups', input.groups);
  // Validates the classes, policy and scheme as a simulation at the start would.
  const base = buildSimulation({ ...input, policy: input.policy, groups, stream }).config;
  const classes = configClasses(base);
  if (classes === undefined || base.estimator !== 'algorithm1') {
    throw new InputError(
      'two-path compares integrals of the graded update: give levels or reward-functions, and a softmax policy with a reward for each answer',
    );
  }
  const description = base.policy as GradedSoftmaxDescription;
  const K = description.logits.length;
  const moves = input.moves.map((move, m) => {
    const at = `two-path move ${m + 1}`;
    if (!(Number.isInteger(move.answer) && move.answer >= 0 && move.answer < K)) {
      throw new InputError(`${at}: answer ${move.answer} must be an integer in 0..${K - 1}`);
    }
    requireFinite(`${at}: delta`, move.delta);
    if (move.delta === 0) throw new InputError(`${at}: delta must not be 0`);
    return move;
  }) as [LogitMove, LogitMove];
  const classOf = (y: number) => classes.classOf(description.rewards[y]!)!;
  if (classOf(moves[0].answer) === classOf(moves[1].answer)) {
    throw new InputError(
      `two-path: answers ${moves[0].answer} and ${moves[1].answer} are both of class ${classes.labels[classOf(moves[0].answer)]}; move answers of different classes, else both paths run along one segment`,
    );
  }
  const rule = gaussLegendre(Math.max(1, Math.ceil(base.M / 2)), 0, 1);
  const nodes: TwoPathNode[] = [];
  const orders: readonly (readonly [LogitMove, LogitMove])[] = [moves, [moves[1], moves[0]]];
  orders.forEach((order, path) => {
    let logits = [...description.logits];
    order.forEach((move, leg) => {
      const pi = softmaxProbabilities(logits);
      const y = move.answer;
      const from = pi[y]!;
      const moved = [...logits];
      moved[y] = moved[y]! + move.delta;
      const to = softmaxProbabilities(moved)[y]!;
      rule.nodes.forEach((s, i) => {
        const piY = from + s * (to - from);
        const r = (1 - piY) / (1 - from);
        const at = [...logits];
        at[y] = logits[y]! + Math.log(piY / from) - Math.log(r);
        const name = `${stream}/path-${'AB'[path]}/leg-${leg + 1}/node-${i + 1}`;
        nodes.push({
          path: path as 0 | 1,
          leg: leg as 0 | 1,
          s,
          answer: y,
          factor: (rule.weights[i]! * (to - from)) / (piY * (1 - piY)),
          input: {
            ...input,
            policy: { kind: 'softmax', logits: at, rewards: description.rewards },
            groups,
            stream: name,
          },
        });
      });
      logits = moved;
    });
  });
  const q = (logits: readonly number[]) => {
    const pi = softmaxProbabilities(logits);
    const out = new Array<number>(classes.C).fill(0);
    pi.forEach((p, y) => {
      out[classOf(y)]! += p;
    });
    return out;
  };
  const end = [...description.logits];
  for (const move of moves) end[move.answer] = end[move.answer]! + move.delta;
  if (!end.every(Number.isFinite) || !q(end).every(Number.isFinite)) {
    throw new InputError(
      `two-path: the moves take the logits out of range (${quote(end.join(';'))})`,
    );
  }
  return { nodes, moves, start: q(description.logits), end: q(end) };
}

/** An estimate with its standard error and the exact value it estimates. */
export interface Estimated {
  readonly estimate: number;
  readonly stderr: number;
  readonly closedForm: number;
}

/** The two-path test's answer (docs/theory.md §10). */
export interface TwoPathResult {
  /** The line integral of the expected update along path A (move 1 then 2) and path B. */
  readonly paths: readonly [Estimated, Estimated];
  /**
   * `A - B`: 0 when the update field is closed (an objective exists), the circulation of
   * `omega_M` around the loop A then B reversed otherwise.
   */
  readonly difference: Estimated & {
    /** `(estimate - closedForm)/stderr`: does the simulation agree with the exact difference? */
    readonly z: number;
    /** `estimate/stderr`: do the two paths agree, as they must for a closed field? */
    readonly zAgainstZero: number;
    /** The discrepancy detected with probability `1 - beta` at the threshold. */
    readonly resolution: number;
  };
  /** `|z|` threshold of each of the two comparisons (Bonferroni at `alpha/2`). */
  readonly threshold: number;
  readonly alpha: number;
  readonly beta: number;
  /**
   * The simulation against the exact difference: `agree`, `disagree`, or `insufficient` when a
   * node's simulation has too few groups for the normal approximation at the threshold.
   */
  readonly outcome: SimulationOutcome;
  /** Whether the paths agree (`|zAgainstZero| <= threshold`); null when insufficient. */
  readonly pathsAgree: boolean | null;
  /** The largest number of groups a node needs (at least its groups). */
  readonly groupsNeeded: number;
  /** Groups per node, nodes, and responses in all. */
  readonly groups: number;
  readonly nodes: number;
  readonly responses: number;
  readonly start: readonly number[];
  readonly end: readonly number[];
}

/** What the comparison of a two-path test needs: its false-fail and false-pass rates. */
export interface TwoPathComparison {
  /** Family-wise false-fail rate of the two comparisons; default 1e-6. */
  readonly alpha?: number;
  readonly beta?: number;
}

/** The `|z|` threshold of each comparison of a two-path test at family-wise `alpha`. */
export function twoPathThreshold(alpha: number = DEFAULT_ALPHA): number {
  return zThreshold(alpha / 2);
}

/**
 * The fewest groups per node at which every node's simulation meets the precondition of the
 * normal approximation at the test's threshold (`simulationPrecondition`; at least the plan's
 * groups). A function of the configuration only, so a caller can size the test before running.
 */
export function twoPathGroupsNeeded(plan: TwoPathPlan, alpha: number = DEFAULT_ALPHA): number {
  const threshold = twoPathThreshold(alpha);
  let needed = 0;
  for (const node of plan.nodes) {
    const simulation = buildSimulation(node.input);
    needed = Math.max(needed, simulationPrecondition(simulation, { threshold }).groupsNeeded);
  }
  return needed;
}

/**
 * Combines the node simulations of a two-path test (in the plan's order) into its answer: each
 * path's integral `sum_i factor_i g_y(s_i)` with its standard error over independent nodes, the
 * same sum of the nodes' closed forms (exact), and the difference of the paths against its exact
 * value and against 0.
 */
export function twoPathOutcome(
  plan: TwoPathPlan,
  results: readonly SimulationResult[],
  options: TwoPathComparison = {},
): TwoPathResult {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const beta = options.beta ?? DEFAULT_BETA;
  const threshold = twoPathThreshold(alpha);
  const sums = [0, 1].map(() => ({ estimate: 0, variance: 0, closedForm: 0 }));
  plan.nodes.forEach((node, i) => {
    const r = results[i]!;
    const sum = sums[node.path]!;
    sum.estimate += node.factor * r.estimate[node.answer]!;
    sum.variance += (node.factor * r.stderr[node.answer]!) ** 2;
    sum.closedForm += node.factor * r.closedForm[node.answer]!;
  });
  const paths = sums.map((s) => ({
    estimate: s.estimate,
    stderr: Math.sqrt(s.variance),
    closedForm: s.closedForm,
  })) as [Estimated, Estimated];
  const estimate = paths[0].estimate - paths[1].estimate;
  const closedForm = paths[0].closedForm - paths[1].closedForm;
  const stderr = Math.sqrt(sums[0]!.variance + sums[1]!.variance);
  const z = (estimate - closedForm) / stderr;
  const zAgainstZero = estimate / stderr;
  const insufficient = results.some((r) => r.outcome === 'insufficient');
  const outcome: SimulationOutcome = insufficient
    ? 'insufficient'
    : Math.abs(z) <= threshold
      ? 'agree'
      : 'disagree';
  return {
    paths,
    difference: {
      estimate,
      stderr,
      closedForm,
      z,
      zAgainstZero,
      resolution: resolution(stderr, threshold, beta),
    },
    threshold,
    alpha,
    beta,
    outcome,
    pathsAgree: insufficient ? null : Math.abs(zAgainstZero) <= threshold,
    groupsNeeded: Math.max(...results.map((r) => r.groupsNeeded)),
    groups: results[0]?.groups ?? 0,
    nodes: results.length,
    responses: results.reduce((sum, r) => sum + r.responses, 0),
    start: plan.start,
    end: plan.end,
  };
}

/** How {@link twoPathTest} runs: the test itself, its comparison, threads and cancellation. */
export interface TwoPathOptions extends TwoPathInput, TwoPathComparison {
  /** Worker threads shared by every node's simulation; default 1 (this thread). */
  readonly threads?: number;
  readonly signal?: AbortSignal;
  /** Told after each node's simulation, with the nodes done and in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The two-path test of closedness without derivatives (docs/theory.md §10): plans it
 * ({@link twoPathPlan}, every input validated first), simulates every node (on one pool of
 * `threads` workers shared by all), and compares ({@link twoPathOutcome}). For a closed field the
 * two paths' integrals agree; for GRPO with three levels they differ by the circulation.
 */
export async function twoPathTest(options: TwoPathOptions): Promise<TwoPathResult> {
  const plan = twoPathPlan(options);
  const threshold = twoPathThreshold(options.alpha);
  const threads = options.threads ?? 1;
  const [{ simulate }, { createSimulationPool }] = await Promise.all([
    import('./simulate.ts'),
    import('./simulation-pool.ts'),
  ]);
  const pool = threads > 1 ? createSimulationPool(threads) : undefined;
  try {
    const results: SimulationResult[] = [];
    for (const node of plan.nodes) {
      results.push(
        await simulate({
          ...node.input,
          threshold,
          ...(pool === undefined ? {} : { pool }),
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        }),
      );
      options.onProgress?.(results.length, plan.nodes.length);
    }
    return twoPathOutcome(plan, results, options);
  } finally {
    await pool?.destroy();
  }
}
