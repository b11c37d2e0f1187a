import {
  buildSimulation,
  simulationPrecondition,
  type TwoPathInput,
  twoPathOutcome,
  twoPathPlan,
} from '../../estimators/index.ts';
import { rewardClasses } from '../../rewards/index.ts';
import { gradedScheme } from '../../schemes/index.ts';
import type { Budget } from '../budget.ts';
import type { MonteCarloCheck } from '../check.ts';
import { type CheckDraft, simulationCheck, sizedCheck } from './simulation-check.ts';

/** The two class sets of the field checks: three levels, and two reward functions. */
const CLASS_SETS = [
  {
    label: 'levels=0,0.5,1',
    classes: { levels: [0, 0.5, 1] },
    M: 8,
    dim: 3,
    policy: 'softmax:logits=0.3;-0.2;0.9,rewards=0;0.5;1',
    schemes: ['grpo:std=population,eps=0.000001', 'dr-grpo', 'rloo', 'trl-grpo'],
  },
  {
    label: 'reward-functions=2',
    classes: { rewardFunctions: 2 },
    M: 6,
    dim: 4,
    policy: 'softmax:logits=0.3;-0.2;0.9;0,rewards=0/0;0/1;1/0;1/1',
    schemes: [
      'trl-grpo:aggregation=sum_then_normalize',
      'trl-grpo:aggregation=normalize_then_sum',
      'dr-grpo',
      'grpo',
    ],
  },
] as const;

/** The two-path tests: GRPO (not closed) and Dr. GRPO (closed) on three levels at M = 8. */
const TWO_PATH: Omit<TwoPathInput, 'scheme' | 'groups'> = {
  M: 8,
  levels: [0, 0.5, 1],
  policy: 'softmax:logits=0;0;0,rewards=0;0.5;1',
  moves: [
    { answer: 1, delta: 2 },
    { answer: 2, delta: 2 },
  ],
};

/** How many checks {@link gradedMonteCarloChecks} makes, whatever the budget. */
export function gradedMonteCarloCount(): number {
  return CLASS_SETS.reduce((n, set) => n + set.schemes.length, 0) + TWO_PATH_SCHEMES.length;
}

/** The schemes of the two-path checks: not closed, and closed. */
const TWO_PATH_SCHEMES = ['grpo:std=population,eps=0.000001', 'dr-grpo'];

/** The share of the budget's work per check: a quarter of an ordinary check's. */
const WORK_SHARE = 1 / 4;

/**
 * The Monte Carlo checks of `graded` (docs/theory.md §10), simulated with the graded sampler and
 * compared with the exact field:
 *
 * - the field: Algorithm 1's mean update on a softmax policy with a reward for each answer
 *   against `sum_j W_j(q) grad q_j`, for four schemes on three levels (M = 8) and four on two
 *   reward functions (M = 6, TRL's two aggregations among them);
 * - the two-path test: the difference of the update's integrals along two paths between the
 *   same endpoints (no derivative taken) against its exact value, the circulation: 0 for
 *   Dr. GRPO (closed), not 0 for GRPO.
 *
 * Each gets a quarter of an ordinary check's share of the budget's work, then is sized like the
 * others ({@link sizedCheck}) for a run of `others` more Monte Carlo checks at family-wise
 * `alpha`: raised to what the precondition of its normal approximation needs.
 */
export function gradedMonteCarloChecks(
  budget: Budget,
  alpha: number,
  others = 0,
): MonteCarloCheck[] {
  const drafts: CheckDraft[] = [];
  for (const set of CLASS_SETS) {
    const classes = rewardClasses(set.classes)!;
    const groups = Math.max(1000, Math.round((WORK_SHARE * budget.work) / (set.M + set.dim)));
    for (const spec of set.schemes) {
      const canonical = gradedScheme(spec, classes, set.M).spec;
      const input = { scheme: canonical, M: set.M, policy: set.policy, ...set.classes };
      drafts.push({
        groups,
        build: (n) =>
          simulationCheck({
            id: `graded/field/${canonical}/M=${set.M}/${set.label}`,
            theorem: 'graded',
            detail: `Algorithm 1 mean update on ${set.label} against Σ_j W_j(q) ∇q_j`,
            input: { ...input, groups: n },
          }),
      });
    }
  }
  for (const scheme of TWO_PATH_SCHEMES) {
    const groups = Math.max(1000, Math.round((WORK_SHARE * budget.work) / (16 * TWO_PATH.M!)));
    drafts.push({ groups, build: (n) => twoPathCheck({ ...TWO_PATH, scheme, groups: n }) });
  }
  return drafts.map((d) => sizedCheck(d, alpha, drafts.length + others));
}

/** The two-path test of `input` as one Monte Carlo check of the battery, a simulation per node. */
function twoPathCheck(input: TwoPathInput): MonteCarloCheck {
  const classes = rewardClasses({ levels: input.levels! })!;
  const canonical = gradedScheme(input.scheme!, classes, input.M!).spec;
  const id = `graded/two-path/${canonical}/M=${input.M}/${classes.spec}`;
  // Each node draws from its own substream under the check's id.
  const plan = twoPathPlan({ ...input, stream: id });
  const simulations = plan.nodes.map((node) => buildSimulation(node.input));
  const closed = input.scheme === 'dr-grpo';
  return {
    kind: 'monte-carlo',
    id,
    theorem: 'graded',
    scheme: canonical,
    M: input.M ?? null,
    policy: typeof input.policy === 'string' ? input.policy : JSON.stringify(input.policy),
    detail: `integral of the update along path A minus path B (logits ${input.moves.map((m) => `${m.answer}+${m.delta}`).join(' then ')}, and reversed) against the exact circulation (${closed ? '0: closed' : 'not 0: not closed'})`,
    groups: input.groups,
    components: 1,
    precondition(threshold) {
      const each = simulations.map((simulation) =>
        simulationPrecondition(simulation, { threshold }),
      );
      return {
        ok: each.every((p) => p.ok),
        groupsNeeded: Math.max(...each.map((p) => p.groupsNeeded)),
        skewness: Math.max(...each.map((p) => p.skewness)),
      };
    },
    simulations: plan.nodes.map((node) => ({ input: node.input })),
    outcome(results) {
      const { difference } = twoPathOutcome(plan, results);
      return {
        estimate: [difference.estimate],
        stderr: [difference.stderr],
        closedForm: [difference.closedForm],
        groups: input.groups,
      };
    },
  };
}
