import { describe, expect, it } from 'vitest';
import { simulate } from '../src/estimators/simulate.ts';
import { scheme } from '../src/schemes/index.ts';
import { MAX_AGREEMENT_RUNS, RUN_ALPHA } from './test-budget.ts';
import { POLICIES } from './test-policies.ts';

// Agreement of Algorithm 1 with h_M'(p) grad p for every catalogue scheme, policy kind and M
// (MATH.md §2, §5), and of pure rejection sampling with grad log p and B/p draws (§4).
// Each run: family-wise false-fail rate RUN_ALPHA = 2e-10 (Holm over its components); at most
// MAX_AGREEMENT_RUNS = 400 runs here, so this file's total is at most 8e-8.
// The larger sweep at the default alpha 1e-6 is simulations/acceptance.ts (run by hand).

const SCHEMES = [
  'reinforce',
  'rloo',
  'dr-grpo',
  'rs',
  'grpo',
  'grpo:std=sample',
  'grpo:eps=0.1,eps-at=var',
  'passk:k=2',
  'design:target=log',
  'design:target=logit',
  'design:target=arcsin',
  'verl-grpo',
  'verl-grpo-passk',
  'trl-grpo',
  'openrlhf-group-norm',
  'pkpo:k=2',
  'chen-passk:k=2',
  'reinforce:filter=dapo',
];

const defined = (spec: string, M: number) => {
  try {
    scheme(spec, M);
    return true;
  } catch {
    return false;
  }
};

// At M = 64 an event of probability below ~1/groups (e.g. K = 0 when p = 0.3: 0.7^64 = 1e-10,
// or K = 1 for verl-grpo-passk) is never seen, so the sample variance misses it while the closed
// form counts it. Every policy here has p in [0.39, 0.56] at M = 64 (the Bernoulli one p = 0.5),
// where such events weigh below 1e-12 of the update and the rounding floor covers them.
const policyFor = (kind: keyof typeof POLICIES, M: number) =>
  kind === 'bernoulli' && M === 64 ? 'bernoulli:p=0.5' : POLICIES[kind];

const cases = SCHEMES.flatMap((spec) =>
  [1, 2, 8, 64].flatMap((M) =>
    defined(spec, M)
      ? (Object.keys(POLICIES) as (keyof typeof POLICIES)[]).map((kind) => ({
          spec,
          M,
          kind,
          policy: policyFor(kind, M),
        }))
      : [],
  ),
);

describe("Algorithm 1 agrees with h_M'(p) grad p", () => {
  it('stays within the false-fail budget', () => {
    expect(cases.length + 4).toBeLessThanOrEqual(MAX_AGREEMENT_RUNS);
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases)('$spec, M = $M, $kind', async ({ spec, M, kind, policy }) => {
    const groups = kind === 'bernoulli' ? 40_000 : Math.max(1500, Math.floor(96_000 / M));
    const result = await simulate(
      { scheme: spec, M, policy, groups, seed: 11, stream: `${spec}/${M}/${kind}` },
      { alpha: RUN_ALPHA },
    );
    expect(result.agree, `max |z| ${Math.max(...result.z.map(Math.abs))}`).toBe(true);
  });
});

describe('pure rejection sampling agrees with grad log p and E[N] = B/p', () => {
  it.each([
    { B: 1, policy: POLICIES.bernoulli },
    { B: 4, policy: POLICIES.bernoulli },
    { B: 1, policy: POLICIES.softmax },
    { B: 4, policy: POLICIES.softmax },
  ])('B = $B, $policy', async ({ B, policy }) => {
    const result = await simulate(
      { estimator: 'pure-rs', B, policy, groups: 20_000, seed: 5 },
      { alpha: RUN_ALPHA },
    );
    expect(result.agree).toBe(true);
    // The mean number of draws is one comparison of the family: within threshold·SE of B/p.
    expect(Math.abs(result.draws!.z)).toBeLessThanOrEqual(result.threshold);
    expect(result.draws!.stderr).toBeGreaterThan(0);
  });
});
