import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { resolveScheme } from './resolve-scheme.ts';

// Deterministic: false-fail rate 0.

describe('mean-scaled:offset=C (docs/theory.md §10, "Mean-scaled")', () => {
  it('its count-form weight is the formula (R - mu)/(mu + C) at mu = K/M, as the native formula gives it', () => {
    const C = 0.5;
    for (const M of [1, 2, 3, 6]) {
      const f = resolveScheme(`mean-scaled:offset=${C}`).bind(M);
      for (let K = 0; K <= M; K++) {
        const mu = K / M;
        const rewards = Array.from({ length: M }, (_, i) => (i < K ? 1 : 0));
        const native = new Float64Array(M);
        f.advantagesInto(rewards, native);
        for (const R of [0, 1] as const) {
          if ((R === 1 && K === 0) || (R === 0 && K === M)) continue;
          const where = `M = ${M}, K = ${K}, R = ${R}`;
          expect(f.weight(R, K), where).toBeCloseTo((R - mu) / (mu + C), 15);
          expect(f.weight(R, K), where).toBe(native[R === 1 ? 0 : M - 1]);
        }
      }
    }
  });

  it('refuses rewards whose lowest does not exceed -offset, saying why', () => {
    const f = resolveScheme('mean-scaled:offset=0.5').bind(3);
    expect(() => f.requireRewardRange!(-0.49, 1)).not.toThrow();
    // At lowest = -offset a group of lowest rewards has mean + offset = 0.
    expect(() => f.requireRewardRange!(-0.5, 1)).toThrow(InputError);
    expect(() => f.requireRewardRange!(-0.5, 1)).toThrow(
      "scheme 'mean-scaled': the lowest reward -0.5 must exceed -offset = -0.5, so that mean + offset > 0",
    );
  });
});
