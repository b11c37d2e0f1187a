import { describe, expect, it } from 'vitest';
import { special } from '../../test/fixtures/math/special.ts';
import { harmonic } from './harmonic.ts';

describe('harmonic', () => {
  it('is within 2 eps relative of mpmath, M from 1 to 1e9 (both branches)', () => {
    for (const [M, ref] of special.harmonic) {
      expect(Math.abs(harmonic(M) - ref) / ref, `M=${M}`).toBeLessThanOrEqual(2 * Number.EPSILON);
    }
    expect(harmonic(0)).toBe(0);
  });

  it('the check fails for H_{M-1} (the check can fail)', () => {
    const [M, ref] = special.harmonic.find(([m]) => m === 4096)!;
    expect(Math.abs(harmonic(M - 1) - ref) / ref).toBeGreaterThan(2 * Number.EPSILON);
  });
});
