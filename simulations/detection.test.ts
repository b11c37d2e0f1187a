import { describe, expect, it } from 'vitest';
import { algorithm1ClosedForm } from '../src/estimators/closed-forms.ts';
import { simulate } from '../src/estimators/simulate.ts';
import { buildPolicy } from '../src/policies/build-policy.ts';
import { parsePolicy } from '../src/policies/parse-policy.ts';
import { scheme } from '../src/schemes/index.ts';
import { registerAlpha, registerFalseFail } from '../test/support/budget/false-fail.ts';
import { RUN_ALPHA } from '../test/support/simulations/budget.ts';

// The checks can fail (docs/theory.md §6): four deliberately wrong closed forms are flagged, each with
// at most 4e5 groups (doubling the groups from 1e4 finds the fewest needed).
// Each case also runs against its right closed form, at RUN_ALPHA = 2e-10 (registered).
// Missing a discrepancy: the expected |z| is at least 25 in every case (smallest: eps, 0.0058
// against SE 0.145/sqrt(4e5) = 2.3e-4); the assertions ask for a flag (threshold about 6.4) and
// |z| > 12, and P(N(25, 1) < 12) < 1e-38 (registered per case).

const wrong = (spec: string, M: number, policy: string) =>
  algorithm1ClosedForm(buildPolicy(parsePolicy(policy)), scheme(spec, M).c);

const cases = [
  {
    name: 'grpo with sample std against the population-std closed form (M = 4)',
    run: { scheme: 'grpo:std=sample', M: 4, policy: 'bernoulli:p=0.3' },
    closedForm: () => wrong('grpo:std=population', 4, 'bernoulli:p=0.3'),
    groups: 200_000,
  },
  {
    name: 'rloo with S_i counting the response itself (M = 4)',
    run: { scheme: 'rloo', M: 4, policy: 'bernoulli:p=0.3' },
    // Z_i = R_i - K/(M-1): a_s = -s/(M-1), b_s = 1 - (s+1)/(M-1), so c_s = 1 - 1/(M-1).
    closedForm: () => {
      const p = 0.3;
      return Float64Array.of((1 - 1 / 3) * p * (1 - p));
    },
    groups: 200_000,
  },
  {
    name: 'eps inside the root against eps added to sigma (eps = 0.1, M = 8)',
    // The two differ most near p = 0.1 (K = 1 dominates): 0.0058 against a per-group SD 0.145.
    run: { scheme: 'grpo:eps=0.1,eps-at=var', M: 8, policy: 'bernoulli:p=0.1' },
    closedForm: () => wrong('grpo:eps=0.1,eps-at=std', 8, 'bernoulli:p=0.1'),
    groups: 400_000,
  },
  {
    name: 'fixed-M rejection sampling against grad log p (M = 4, p = 0.2)',
    run: { scheme: 'rs', M: 4, policy: 'bernoulli:p=0.2' },
    // grad log p = grad p / p = 1 - p with respect to theta.
    closedForm: () => Float64Array.of(1 - 0.2),
    groups: 200_000,
  },
];

describe('deliberately wrong closed forms are flagged', () => {
  it.each(cases)('$name', async ({ run, closedForm, groups }) => {
    const right = await simulate({ ...run, groups, seed: 3, alpha: registerAlpha(RUN_ALPHA) });
    const flagged = await simulate({
      ...run,
      groups,
      seed: 3,
      alpha: RUN_ALPHA,
      closedForm: closedForm(),
    });
    registerFalseFail(1e-38);
    expect(right.agree).toBe(true);
    expect(flagged.agree).toBe(false);
    expect(Math.abs(flagged.z[0]!)).toBeGreaterThan(12);
  });
});
