import { describe, expect, it } from 'vitest';
import { fGrpoM256 } from '../../test/fixtures/beta/references.ts';
import { InputError } from '../errors/input-error.ts';
import { objectivePoints } from '../objective/objective-points.ts';
import { scheme } from './scheme.ts';

describe('f-grpo (docs/theory.md §9, Plyusov et al. 2026)', () => {
  it('has a canonical spec with grpo defaults, and requires gamma >= 0', () => {
    expect(scheme('f-grpo:gamma=1', 4).spec).toBe(
      'f-grpo:gamma=1,std=population,eps=1e-8,eps-at=std',
    );
    expect(scheme('f-grpo:eps-at=var,gamma=2,std=sample', 4).spec).toBe(
      'f-grpo:gamma=2,std=sample,eps=1e-8,eps-at=var',
    );
    expect(() => scheme('f-grpo', 4)).toThrow("scheme 'f-grpo' needs gamma=...");
    expect(() => scheme('f-grpo:gamma=-1', 4)).toThrow(InputError);
    expect(() => scheme('f-grpo:gamma=1,k=2', 4)).toThrow(/has no key 'k'/);
  });

  it('is grpo at gamma = 0, bit for bit, in both forms', () => {
    for (const options of ['', ',std=sample,eps=1e-6', ',eps=0.1,eps-at=var']) {
      for (const M of [2, 5, 16, 64]) {
        const f = scheme(`f-grpo:gamma=0${options}`, M);
        const g = scheme(`grpo${options.replace(/^,/, ':')}`, M);
        expect(f.a).toEqual(g.a);
        expect(f.b).toEqual(g.b);
        const rewards = Array.from({ length: M }, (_, i) => (i % 3 === 0 ? 1 : 0));
        expect(f.advantages(rewards)).toEqual(g.advantages(rewards));
      }
    }
  });

  it("is grpo's weights times (1 - K/M)^gamma, group by group (native formula)", () => {
    const M = 7;
    for (const gamma of [0.5, 1, 2.5]) {
      const f = scheme(`f-grpo:gamma=${gamma},std=sample,eps=1e-6`, M);
      const g = scheme('grpo:std=sample,eps=1e-6', M);
      for (let pattern = 0; pattern < 1 << M; pattern++) {
        const rewards = Array.from({ length: M }, (_, i) => (pattern >> i) & 1);
        const K = rewards.reduce((x, y) => x + y, 0);
        const expected = g.advantages(rewards).map((z) => z * (1 - K / M) ** gamma);
        f.advantages(rewards).forEach((z, i) => {
          // (1 - K/M) and (M - K)/M round differently; ^gamma scales that by gamma.
          expect(Math.abs(z - expected[i]!)).toBeLessThanOrEqual(16 * Number.EPSILON * Math.abs(z));
        });
      }
    }
  });

  it('the check above fails for a focal factor of K/M instead of 1 - K/M', () => {
    const M = 6;
    const f = scheme('f-grpo:gamma=1', M);
    const g = scheme('grpo', M);
    const rewards = [1, 1, 0, 0, 0, 0];
    const wrong = g.advantages(rewards).map((z) => z * (2 / M));
    expect(f.advantages(rewards)[0]).not.toBeCloseTo(wrong[0]!, 6);
  });

  it('h and dh at M = 256 agree with mpmath to 1e-10 relative (grid t = j/100)', () => {
    const s = scheme(fGrpoM256.scheme, fGrpoM256.M);
    expect(s.spec).toBe(fGrpoM256.scheme);
    const points = objectivePoints(
      s.c,
      fGrpoM256.points.map(([t]) => t),
    );
    let worst = 0;
    points.forEach((p, j) => {
      const [, h, dh] = fGrpoM256.points[j]!;
      // At t = 0, h = 0 exactly on both sides; elsewhere relative error.
      if (h === 0) expect(p.h).toBe(0);
      else worst = Math.max(worst, Math.abs(p.h - h) / Math.abs(h));
      worst = Math.max(worst, Math.abs(p.dh - dh) / Math.abs(dh));
    });
    console.log(
      `f-grpo:gamma=1, M = 256: max relative error of h, dh vs mpmath ${worst.toExponential(2)}`,
    );
    expect(worst).toBeLessThanOrEqual(1e-10);
  });
});
