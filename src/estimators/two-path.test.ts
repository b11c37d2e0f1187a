import { describe, expect, it } from 'vitest';
import { registerAlpha, registerFalseFail } from '../../test/support/budget/false-fail.ts';
import { InputError } from '../errors/input-error.ts';
import { softmaxProbabilities } from '../policies/categorical.ts';
import { levelClasses } from '../rewards/reward-classes.ts';
import { gradedScheme } from '../schemes/graded-scheme.ts';
import { expectedClassWeights } from './class-count-law.ts';
import type { SimulationResult } from './simulation-verdict.ts';
import {
  type TwoPathInput,
  twoPathGroupsNeeded,
  twoPathOutcome,
  twoPathPlan,
  twoPathTest,
} from './two-path.ts';

const LEVELS = [0, 0.5, 1];
const base: TwoPathInput = {
  scheme: 'grpo',
  M: 8,
  levels: LEVELS,
  policy: 'softmax:logits=0;0;0,rewards=0;0.5;1',
  moves: [
    { answer: 1, delta: 1 },
    { answer: 2, delta: 1 },
  ],
  groups: 100,
};

/** `E[r]` under the softmax policy with these logits and one answer per level. */
function meanReward(logits: readonly number[]): number {
  return [...softmaxProbabilities(logits)].reduce((sum, p, y) => sum + p * LEVELS[y]!, 0);
}

/** The exact line integral a plan's path computes: `sum_i factor_i E[g_y](node i)`. */
function exactPaths(input: TwoPathInput): [number, number] {
  const plan = twoPathPlan(input);
  const classes = levelClasses(LEVELS);
  const s = gradedScheme(input.scheme!, classes, input.M!);
  const sums: [number, number] = [0, 0];
  for (const node of plan.nodes) {
    const logits = (node.input.policy as { logits: number[] }).logits;
    const q = softmaxProbabilities(logits);
    const { W } = expectedClassWeights(s, q);
    // One answer per class: E[g_y] = q_y (W_y - sum_j q_j W_j).
    let mean = 0;
    for (let j = 0; j < 3; j++) mean += q[j]! * W[j]!;
    sums[node.path] += node.factor * q[node.answer]! * (W[node.answer]! - mean);
  }
  return sums;
}

describe('the two-path plan (docs/theory.md §10)', () => {
  it('both paths end where the two moves lead, along segments of the simplex', () => {
    const plan = twoPathPlan(base);
    expect(plan.nodes).toHaveLength(2 * 2 * 4);
    const end = softmaxProbabilities([0, 1, 1]);
    plan.end.forEach((q, j) => {
      expect(Math.abs(q - end[j]!)).toBeLessThan(4 * Number.EPSILON);
    });
    // Each node's logits put q on its leg's segment: the leg moves answer y, so the others keep
    // their ratio.
    for (const node of plan.nodes) {
      const q = softmaxProbabilities((node.input.policy as { logits: number[] }).logits);
      const others = [0, 1, 2].filter((j) => j !== node.answer);
      const ratio = q[others[0]!]! / q[others[1]!]!;
      const first =
        node.path === 0
          ? node.leg === 0
            ? [0, 0, 0]
            : [0, 1, 0]
          : node.leg === 0
            ? [0, 0, 0]
            : [0, 0, 1];
      const q0 = softmaxProbabilities(first);
      expect(Math.abs(ratio - q0[others[0]!]! / q0[others[1]!]!)).toBeLessThan(1e-14);
    }
  });

  it('the quadrature is exact: for REINFORCE and Dr. GRPO each path gives the change of J', () => {
    const change = meanReward([0, 1, 1]) - meanReward([0, 0, 0]);
    for (const [scheme, factor] of [
      ['reinforce', 1],
      ['dr-grpo', 1 - 1 / 8],
    ] as const) {
      const [a, b] = exactPaths({ ...base, scheme });
      expect(Math.abs(a - factor * change)).toBeLessThan(1e-14);
      expect(Math.abs(b - factor * change)).toBeLessThan(1e-14);
    }
    // The check can fail: with one node fewer than ceil(M/2) at M = 8 the rule is not exact
    // for GRPO's degree-7 integrand; for REINFORCE, a factor without theta' is off.
    const plan = twoPathPlan({ ...base, scheme: 'reinforce' });
    const wrong = plan.nodes.reduce((sum, n) => sum + (n.path === 0 ? n.factor * n.s : 0), 0);
    expect(Math.abs(wrong - change)).toBeGreaterThan(1e-3);
  });

  it("GRPO's paths differ exactly: the circulation is not 0", () => {
    const [a, b] = exactPaths(base);
    expect(Math.abs(a - b)).toBeGreaterThan(0.05);
  });

  it.each([
    [
      {
        moves: [
          { answer: 1, delta: 1 },
          { answer: 1, delta: 2 },
        ],
      },
      /both of class 0.5/,
    ],
    [
      {
        moves: [
          { answer: 3, delta: 1 },
          { answer: 1, delta: 2 },
        ],
      },
      /answer 3 must be an integer in 0..2/,
    ],
    [
      {
        moves: [
          { answer: 0, delta: 0 },
          { answer: 1, delta: 2 },
        ],
      },
      /delta must not be 0/,
    ],
    [
      { levels: undefined, policy: 'softmax:logits=0;0;0,correct=1' },
      /two-path compares integrals of the graded update/,
    ],
    [{ groups: 0 }, /groups must be a positive integer/],
  ])('%j is refused in one line', (change, message) => {
    let error: unknown;
    try {
      twoPathPlan({ ...base, ...change } as TwoPathInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('the two-path test by Monte Carlo', () => {
  // alpha 1e-9 for the two comparisons of each run (Bonferroni), each node's precondition
  // checked at their threshold: false-fail rate at most 1.5e-9 per run, two runs. At M = 4 GRPO's
  // paths differ by about 70 standard errors at this budget; a |z| below 10 would take a
  // 60-sigma deviation: registered as 1e-12, a generous bound.
  it('Dr. GRPO: the paths agree; GRPO: they differ by more than 10 standard errors', async () => {
    const sized = (input: TwoPathInput) => ({
      ...input,
      groups: twoPathGroupsNeeded(twoPathPlan(input), 1e-9),
      alpha: registerAlpha(1e-9),
    });
    const dr = await twoPathTest(sized({ ...base, scheme: 'dr-grpo', M: 4 }));
    expect(dr.outcome).toBe('agree');
    expect(dr.pathsAgree).toBe(true);
    const grpo = await twoPathTest(sized({ ...base, M: 4 }));
    expect(grpo.outcome).toBe('agree');
    expect(grpo.pathsAgree).toBe(false);
    registerFalseFail(1e-12);
    expect(Math.abs(grpo.difference.zAgainstZero)).toBeGreaterThan(10);
  });
});

describe('twoPathOutcome', () => {
  // Deterministic: synthetic node results.
  const plan = twoPathPlan({ ...base, M: 2 });
  const result = (y: number, estimate: number, stderr: number, closedForm: number) =>
    ({
      estimate: [0, 0, 0].map((_, j) => (j === y ? estimate : 0)),
      stderr: [1, 1, 1].map((_, j) => (j === y ? stderr : 1)),
      closedForm: [0, 0, 0].map((_, j) => (j === y ? closedForm : 0)),
      outcome: 'agree',
      groupsNeeded: 100,
      groups: 100,
      responses: 200,
    }) as unknown as SimulationResult;

  it('sums each path over its nodes, and the difference over independent paths', () => {
    // One node per leg at M = 2: path A = f_A1 e_A1 + f_A2 e_A2.
    expect(plan.nodes).toHaveLength(4);
    const results = plan.nodes.map((n, i) => result(n.answer, i + 1, 0.1, i + 1));
    const out = twoPathOutcome(plan, results, { alpha: 1e-6 });
    const f = plan.nodes.map((n) => n.factor);
    expect(out.paths[0].estimate).toBeCloseTo(f[0]! * 1 + f[1]! * 2, 14);
    expect(out.paths[1].estimate).toBeCloseTo(f[2]! * 3 + f[3]! * 4, 14);
    const se = Math.sqrt(f.reduce((sum, x) => sum + (0.1 * x) ** 2, 0));
    expect(out.difference.stderr).toBeCloseTo(se, 14);
    expect(out.difference.z).toBe(0);
    expect(out.outcome).toBe('agree');
    // The check can fail: estimates 10 standard errors off the closed form disagree.
    const off = plan.nodes.map((n, i) =>
      result(n.answer, i + 1 + (n.path === 0 ? (10 * se) / (2 * f[0]!) : 0), 0.1, i + 1),
    );
    expect(twoPathOutcome(plan, off, { alpha: 1e-6 }).outcome).toBe('disagree');
    // ...and a node with too few groups leaves no verdict.
    const few = results.map((r, i) => (i === 2 ? { ...r, outcome: 'insufficient' as const } : r));
    const insufficient = twoPathOutcome(plan, few);
    expect(insufficient.outcome).toBe('insufficient');
    expect(insufficient.pathsAgree).toBeNull();
  });
});
