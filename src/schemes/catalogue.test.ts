import { describe, expect, it } from 'vitest';
import { h } from '../objective/h.ts';
import { schemeCatalogue, schemeCatalogueHelp } from './catalogue.ts';
import { scheme } from './scheme.ts';

describe('schemeCatalogueHelp (the scheme list of `rl-objective objective --help`)', () => {
  it('has one line per scheme, starting with its usage, then the two filter modifiers', () => {
    const lines = schemeCatalogueHelp().split('\n');
    expect(lines).toHaveLength(schemeCatalogue.length + 2);
    schemeCatalogue.forEach((kind, i) => {
      expect(lines[i]!.startsWith(kind.usage), kind.name).toBe(true);
      expect(kind.usage.split(/[:[]/)[0], kind.name).toBe(kind.name);
    });
  });

  it('every usage without required parameters names a scheme that resolves', () => {
    for (const kind of schemeCatalogue) {
      const bare = kind.usage.split(/[:[]/)[0]!;
      if (kind.usage.startsWith(`${bare}:`)) continue;
      expect(() => scheme(bare, 4), kind.usage).not.toThrow();
    }
  });

  it('the exact objectives the help states are those the schemes induce (M = 8, k = 3)', () => {
    const M = 8;
    const stated: [string, (t: number) => number][] = [
      ['reinforce', (t) => t],
      ['rloo', (t) => t],
      ['trl-rloo', (t) => t],
      ['dr-grpo', (t) => (1 - 1 / M) * t],
      ['passk:k=3', (t) => 1 - (1 - t) ** 3],
      ['pkpo:k=3', (t) => (1 - (1 - t) ** 3) / M],
    ];
    for (const [spec, claim] of stated) {
      for (const t of [0.1, 0.5, 0.9]) {
        const value = h(scheme(spec, M).c, t);
        // 16 eps relative: the Bernstein evaluation of an exact table, a few roundings per term.
        expect(Math.abs(value - claim(t)), `${spec} at ${t}`).toBeLessThanOrEqual(
          16 * Number.EPSILON * claim(t),
        );
      }
    }
    // The check can fail: dr-grpo is not h = t.
    expect(Math.abs(h(scheme('dr-grpo', M).c, 0.5) - 0.5)).toBeGreaterThan(1e-3);
  });

  // The help is the user's one-line statement of each scheme's formula and limit: it changes only
  // on purpose, by updating this text in the same commit.
  it('states each formula and limit as written', () => {
    expect(schemeCatalogueHelp()).toMatchInlineSnapshot(`
      "reinforce                                                       Z = R; a = 0, b = 1; h = t; limit t = I_t(1, 1)
      rloo                                                            Z = R_i - S_i/(M-1), leave-one-out baseline (M >= 2); h = t; limit t = I_t(1, 1)
      dr-grpo                                                         Z = R - K/M, mean baseline, no std; h = (1 - 1/M) t; limit t = I_t(1, 1)
      rs                                                              Z = M R/K (0 when K = 0), fixed-M rejection sampling; h ~ log t + H_M; limit log t
      grpo[:std=population|sample,eps=1e-8,eps-at=std|var]            Z = (R - mean)/(std + eps), 0 for all-equal groups; limit I_t(1/2, 1/2) = (2/pi) arcsin sqrt t (eps -> 0)
      f-grpo:gamma=G[,std=population|sample,eps=1e-8,eps-at=std|var]  F-GRPO: grpo's Z times (1 - K/M)^gamma, gamma >= 0 (gamma = 0 is grpo); limit I_t(1/2, gamma + 1/2) (eps -> 0)
      passk:k=K                                                       unbiased pass@k weights, 1 <= k <= M; h = 1 - (1-t)^k exactly; limit I_t(1, k), at every M
      design:target=T[,q=Q|k=K|a=A,b=B,nodes=..,split=..]             Bernstein recipe, T = identity|log|logit|arcsin|power|passk|beta: c_s = h'(xi_s), exact for polynomial h'; split=b|a|half
      table:file=weights.json                                         a and b read from a JSON file {"M", "a", "b"}
      verl-grpo[:norm-by-std=true|false]                              verl grpo: (R - mean)/(sample std + 1e-6); M = 1: mean 0, std 1
      verl-grpo-vectorized[:norm-by-std=true|false]                   verl grpo_vectorized: verl-grpo with the variance floored at 1e-6
      verl-grpo-passk[:norm-by-std=true|false]                        verl grpo_passk: a lone right answer gets 1/(sample std + 1e-6); M >= 2
      trl-grpo[:scale-rewards=group|none|true|false]                  TRL GRPO: (R - mean)/(sample std + 1e-4), or R - mean; M >= 2; with --reward-functions also aggregation=sum_then_normalize|normalize_then_sum, reward-weights=W1/W2/...
      trl-rloo[:normalize-advantages=false]                           TRL RLOO with beta = 0: R_i - (sum - R_i)/(M-1); h = t; M >= 2
      openrlhf-group-norm                                             OpenRLHF group_norm: (R - mean)/(sample std + 1e-9); M >= 2
      pkpo:k=K[,estimator=s-loo-minus-one|s-loo|s]                    PKPO transformed rewards (default s_loo-1, k >= 2); h = (1 - (1-t)^k)/M
      chen-passk:k=K                                                  Chen et al. pass@k advantages, 0 when K = 0 or M - K < k
      mean-scaled:offset=C                                            Z = (R - mean)/(mean + offset), offset > 0; graded rewards: not closed
      <any>:...,filter=dapo                                           DAPO dynamic sampling (verl recipe): weights times 1[0 < K < M]; M = 1 kept
      <any>:...,filter=range,lo=L,hi=H                                OpenRLHF dynamic filtering: weights times 1[L < K/M < H]; default (0, 1); M >= 2"
    `);
  });
});
