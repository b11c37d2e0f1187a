import { describe, expect, it } from 'vitest';
import { h, hPrime } from '../objective/index.ts';
import { scheme } from '../schemes/index.ts';
import { ClosedFormEvaluator } from './closed-form-evaluator.ts';

// Deterministic: false-fail rate 0. The Horner form has the Bernstein sum's terms, so both
// carry a few M ulps of max|c|; the bound below is 16 (M + 1) ulps of max|c|.
describe('ClosedFormEvaluator', () => {
  it('agrees with hPrime and h of src/objective at every t of a grid, M up to 100', () => {
    for (const M of [1, 2, 3, 8, 16, 64, 65, 100]) {
      for (const spec of [
        'reinforce',
        'rs',
        'grpo',
        'grpo:std=sample',
        `passk:k=${Math.min(4, M)}`,
        'design:target=log',
      ]) {
        if (spec === 'grpo:std=sample' && M === 1) continue;
        const c = scheme(spec, M).c;
        const f = new ClosedFormEvaluator(c);
        const size = Math.max(...c.map(Math.abs)) || 1;
        const tolerance = 16 * (M + 1) * Number.EPSILON * size;
        for (let i = 0; i <= 200; i++) {
          const t = i / 200;
          expect(Math.abs(f.hPrime(t) - hPrime(c, t))).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(f.h(t) - h(c, t))).toBeLessThanOrEqual(tolerance);
          expect(f.gradient(t)).toBe(f.hPrime(t) * t * (1 - t));
        }
      }
    }
  });
});
