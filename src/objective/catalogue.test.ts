import { describe, expect, it } from 'vitest';
import { doubleC, grpoC } from '../../test/support/objective/c-tables.ts';
import { exactC, toNumber } from '../../test/support/objective/exact.ts';
import { scheme } from '../schemes/index.ts';

// The catalogue's c tables (src/schemes, derived from each scheme's native formula) against this
// suite's independent references: exact BigInt rationals from the docs/theory.md §3 a/b columns, and the
// GRPO c_s formula of the objective tests. Relative, in units of eps.
const EPS = Number.EPSILON;
function worstUlps(got: readonly number[], ref: readonly number[]): number {
  expect(got.length).toBe(ref.length);
  let worst = 0;
  got.forEach((x, s) => {
    const r = ref[s]!;
    worst = Math.max(worst, r === 0 ? Math.abs(x) / EPS : Math.abs(x - r) / Math.abs(r) / EPS);
  });
  return worst;
}

const RATIONAL: [string, string, number][] = [
  ['reinforce', 'reinforce', 1],
  ['rloo', 'rloo', 1],
  ['dr-grpo', 'dr-grpo', 1],
  ['rs', 'rs', 1],
  ['passk:k=1', 'passk', 1],
  ['passk:k=3', 'passk', 3],
];

describe('the catalogue c tables equal independent references', () => {
  it.each([2, 3, 7, 16, 60])('rational schemes at M = %i: within 8 eps of exact', (M) => {
    for (const [spec, name, k] of RATIONAL) {
      if (k > M) continue;
      const ref = exactC(name, M, k).map(toNumber);
      expect(worstUlps(scheme(spec, M).c, ref), spec).toBeLessThanOrEqual(8);
    }
  });

  // The catalogue derives c from the native formula (a group mean and std), which rounds more
  // than the closed-form c_s: measured 41 eps at M = 257, hence 64 eps.
  it.each([2, 5, 16, 64, 257])('grpo variants at M = %i: within 64 eps of the c_s formula', (M) => {
    const cases: [string, number[]][] = [
      ['grpo', grpoC(M, 'population', 1e-8)],
      ['grpo:std=sample,eps=1e-6', grpoC(M, 'sample', 1e-6)],
      ['verl-grpo', grpoC(M, 'sample', 1e-6)],
      ['grpo:std=population,eps=0', grpoC(M, 'population', 0)],
    ];
    for (const [spec, ref] of cases) {
      expect(worstUlps(scheme(spec, M).c, ref), spec).toBeLessThanOrEqual(64);
    }
  });

  it('the comparison fails for a neighbouring scheme (the check can fail)', () => {
    expect(worstUlps(scheme('passk:k=2', 16).c, doubleC('passk', 16, 3))).toBeGreaterThan(8);
    expect(worstUlps(scheme('grpo', 16).c, grpoC(16, 'sample', 1e-8))).toBeGreaterThan(64);
    expect(worstUlps(scheme('dr-grpo', 16).c, exactC('rloo', 16).map(toNumber))).toBeGreaterThan(8);
  });
});
