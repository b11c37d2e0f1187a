import { describe, expect, it } from 'vitest';
import { buildPolicy, parsePolicy } from '../../policies/index.ts';
import { fallbackPolicyFor, policyFor } from './policies.ts';

const correctProbability = (text: string) => buildPolicy(parsePolicy(text)).prompts[0]!.p;

describe('fallbackPolicyFor', () => {
  it('gives the softmax kind one correct answer of probability min(0.3, 2/M), to 3 decimals of logit', () => {
    for (const M of [2, 8, 16, 64, 256]) {
      const p = correctProbability(fallbackPolicyFor(1, M)!);
      // A logit rounded to 1e-3 moves p by at most p(1-p)·5e-4, a relative 5e-4.
      expect(Math.abs(p / Math.min(0.3, 2 / M) - 1)).toBeLessThan(5e-4);
      expect(p).toBeLessThan(correctProbability(policyFor(1, M)));
    }
  });

  it('has none for the other kinds', () => {
    for (const k of [0, 2, 3]) expect(fallbackPolicyFor(k, 16)).toBeUndefined();
  });
});
