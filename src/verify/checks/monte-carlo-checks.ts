import { algorithm1ClosedForm } from '../../estimators/index.ts';
import { buildPolicy, parsePolicy } from '../../policies/index.ts';
import { catalogueAt, scheme } from '../../schemes/index.ts';
import type { Budget } from '../budget.ts';
import type { MonteCarloCheck } from '../check.ts';
import { baselineVarianceCheck } from './baseline-variance-check.ts';
import { fallbackPolicyFor, POLICIES, policyFor } from './policies.ts';
import {
  type CheckDraft,
  type SimulationCheckSpec,
  simulationCheck,
  sizedCheck,
} from './simulation-check.ts';

/** Short names of the policy kinds, for check ids. */
const KINDS = ['bernoulli', 'softmax', 'sequence', 'corpus'];

/** Pairs of schemes with the same `c`, the second with a baseline added to a and b. */
const BASELINE_PAIRS: readonly [string, string][] = [
  ['reinforce', 'rloo'],
  ['design:target=log', 'design:target=log,split=half'],
];

/**
 * The Monte Carlo checks of the battery (docs/theory.md §2–6), each simulated with the native group
 * formulas and compared with its closed form:
 * - `weighted-gradient`: every catalogue scheme at every M of the budget, on every policy kind
 *   (`crossPolicies`) or on a rotation that covers every kind (quick);
 * - `pure-rejection-sampling`: the estimator against ∇log p, and the mean number of draws against
 *   B/p, for B ∈ {1, 4} on the Bernoulli and softmax policies;
 * - `rejection-sampling-log`: fixed-M rejection sampling against its biased closed form
 *   `(1-(1-p)^M)/p ∇p` at small p;
 * - `baseline-invariance`: a baselined scheme against the closed form of the scheme without the
 *   baseline (mean unchanged), and the exact change of variance (variance changed);
 * - `design`: Bernstein-designed weights for log simulated against their h_M'(p)∇p.
 *
 * Each gets the groups the budget gives it, then is sized for a run at family-wise `alpha` with
 * `others` Monte Carlo checks besides these
 * ({@link sizedCheck}): raised to what its normal approximation needs at Holm's first step, or
 * (a `weighted-gradient` check on the softmax policy) moved to a less extreme policy.
 */
export function monteCarloChecks(budget: Budget, alpha: number, others = 0): MonteCarloCheck[] {
  const drafts: CheckDraft[] = [];
  // A check of one simulation, built at any number of groups.
  const draft = (spec: SimulationCheckSpec, fallback?: CheckDraft): CheckDraft => ({
    groups: spec.input.groups,
    build: (groups) => simulationCheck({ ...spec, input: { ...spec.input, groups } }),
    fallback,
  });
  const dims = POLICIES.map((text) => buildPolicy(parsePolicy(text)).dim);
  const groupsFor = (M: number, k = 0) => Math.max(1000, Math.round(budget.work / (M + dims[k]!)));
  for (const [j, M] of budget.groupSizes.entries()) {
    for (const [i, spec] of catalogueAt(M).entries()) {
      const kinds = budget.crossPolicies ? [0, 1, 2, 3] : [(i + j) % POLICIES.length];
      for (const k of kinds) {
        const canonical = scheme(spec, M).spec;
        const at = (policy: string, fallback?: CheckDraft) =>
          draft(
            {
              id: `weighted-gradient/${canonical}/M=${M}/${KINDS[k]}`,
              theorem: 'weighted-gradient',
              detail: `Algorithm 1 mean update against h_M′(p)∇p on the ${KINDS[k]} policy`,
              input: { scheme: canonical, M, policy, groups: groupsFor(M, k) },
            },
            fallback,
          );
        const fallback = fallbackPolicyFor(k, M);
        drafts.push(at(policyFor(k, M), fallback === undefined ? undefined : at(fallback)));
      }
    }
  }
  // On the Bernoulli policy every correct draw has the same score, so only the draws vary there;
  // the softmax policy makes the gradient comparison random too.
  for (const k of [0, 1]) {
    for (const B of [1, 4]) {
      const input = {
        estimator: 'pure-rs',
        B,
        policy: POLICIES[k]!,
        groups: budget.pureRsEstimates,
      };
      drafts.push(
        draft({
          id: `pure-rejection-sampling/B=${B}/${KINDS[k]}/gradient`,
          theorem: 'pure-rejection-sampling',
          detail: 'mean of (1/B) Σ ∇log π over the B correct draws against ∇log p = ∇p/p',
          input,
        }),
        draft({
          id: `pure-rejection-sampling/B=${B}/${KINDS[k]}/draws`,
          theorem: 'pure-rejection-sampling',
          detail: 'mean number of draws until B correct against B/p',
          input,
          components: 1,
          read: (r) => ({
            estimate: [r.draws!.mean],
            stderr: [r.draws!.stderr],
            closedForm: [r.draws!.expected],
          }),
        }),
      );
    }
  }
  for (const [M, p] of [
    [4, 0.2],
    [16, 0.05],
  ] as const) {
    drafts.push(
      draft({
        id: `rejection-sampling-log/M=${M}/p=${p}/biased-gradient`,
        theorem: 'rejection-sampling-log',
        detail: `fixed-M rs update against (1−(1−p)^M)/p ∇p (∇log p would be off by (1−p)^M/p ∇p)`,
        input: { scheme: 'rs', M, policy: `bernoulli:p=${p}`, groups: groupsFor(M) },
      }),
    );
  }
  const baselinePolicies = budget.name === 'quick' ? [0] : [0, 1, 3];
  for (const [plain, baselined] of BASELINE_PAIRS) {
    const M = 8;
    for (const k of baselinePolicies) {
      drafts.push(
        draft({
          id: `baseline-invariance/${baselined}/M=${M}/${KINDS[k]}/mean`,
          theorem: 'baseline-invariance',
          detail: `mean update of ${baselined} against the closed form of ${plain} (same c)`,
          input: { scheme: baselined, M, policy: POLICIES[k]!, groups: groupsFor(M, k) },
          closedForm: () =>
            algorithm1ClosedForm(buildPolicy(parsePolicy(POLICIES[k]!)), scheme(plain, M).c),
        }),
      );
    }
    drafts.push({
      groups: groupsFor(M),
      build: (groups) =>
        baselineVarianceCheck(
          `baseline-invariance/${baselined}/M=${M}/bernoulli/variance`,
          plain,
          baselined,
          M,
          0.3,
          groups,
        ),
    });
  }
  const designTargets = budget.name === 'quick' ? ['log'] : ['log', 'logit', 'arcsin'];
  for (const target of designTargets) {
    const M = 16;
    const spec = scheme(`design:target=${target}`, M).spec;
    drafts.push(
      draft({
        id: `design/${target}/M=${M}/bernoulli/simulated`,
        theorem: 'design',
        detail: 'designed weights simulated with their native table lookup against h_M′(p)∇p',
        input: { scheme: spec, M, policy: 'bernoulli:p=0.3', groups: groupsFor(M) },
      }),
    );
  }
  return drafts.map((d) => sizedCheck(d, alpha, drafts.length + others));
}
