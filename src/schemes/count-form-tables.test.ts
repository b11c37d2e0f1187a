import { describe, expect, it } from 'vitest';
import { isMutationRun, sweepSizes } from '../../test/support/mutation/mutation-run.ts';
import {
  errorUlps,
  patternAgreement,
  tablesErrorUlps,
  toleranceUlps,
} from '../../test/support/schemes/agreement.ts';
import { representativeSpecs } from '../../test/support/schemes/representative-specs.ts';
import { InputError } from '../errors/input-error.ts';
import { countFormTables, NATIVE_TABLES_MAX_M, weightTables } from './count-form-tables.ts';
import { resolveScheme } from './resolve-scheme.ts';
import { scheme } from './scheme.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

/** Both routes to the tables of one scheme at one M. */
function routes(formulas: SchemeFormulas, M: number) {
  const out = new Float64Array(M);
  const native = countFormTables((rewards) => {
    formulas.advantagesInto(rewards, out);
    return out;
  }, M);
  return { native, closed: weightTables(formulas.weight, M) };
}

const SMALL_M = Array.from({ length: 12 }, (_, i) => i + 1);

describe('native formula against the count-form tables on every group of size <= 12', () => {
  // Tolerance: toleranceUlps(M) = 4 + M/2 ulps of the table value (see agreement.ts).
  for (const M of SMALL_M) {
    it.each(representativeSpecs(M))(`M = ${M}: %s`, (spec) => {
      const s = scheme(spec, M);
      const formulas = resolveScheme(spec).bind(M);
      const own = patternAgreement(s.advantagesInto, s, M);
      expect(own.ulps, JSON.stringify(own)).toBeLessThanOrEqual(toleranceUlps(M));
      const closed = patternAgreement(s.advantagesInto, weightTables(formulas.weight, M), M);
      expect(closed.ulps, JSON.stringify(closed)).toBeLessThanOrEqual(toleranceUlps(M));
    });
  }
});

describe('the two routes to the tables agree (native on canonical groups vs closed form)', () => {
  // Tolerance as above; measured worst: 0.29 M ulps for the std-normalized schemes (naive
  // summation of M equal squared deviations), 0 for all others.
  // Under Stryker only the sizes up to 257: a full native table costs O(M^2) instrumented calls of
  // the formula, and the small sizes reach the same code; the threshold's neighbours stay in
  // `npm test`.
  const fullMs = sweepSizes(
    [
      ...Array.from({ length: 64 }, (_, i) => i + 1),
      100,
      255,
      256,
      257,
      1000,
      NATIVE_TABLES_MAX_M - 1,
      NATIVE_TABLES_MAX_M,
      NATIVE_TABLES_MAX_M + 1,
    ],
    257,
  );
  it.each(fullMs)('M = %i: every entry of every representative scheme', (M) => {
    for (const spec of representativeSpecs(M)) {
      const { native, closed } = routes(resolveScheme(spec).bind(M), M);
      const ulps = tablesErrorUlps(native, closed);
      expect(ulps, spec).toBeLessThanOrEqual(toleranceUlps(M));
    }
  });

  // A full native table costs O(M^2); at these sizes check 100 entries per table: s <= 32,
  // s >= M - 33 and 34 evenly spread between. Not under Stryker: the entries are the closed forms'
  // at any M, which the full tables above check.
  it.skipIf(isMutationRun()).each([2048, 3001, 4096])(
    'M = %i: sampled entries of every representative scheme',
    (M) => {
      const ss = new Set<number>();
      for (let s = 0; s <= 32; s++) ss.add(s).add(M - 1 - s);
      for (let j = 1; j <= 34; j++) ss.add(Math.round((j * (M - 1)) / 35));
      const rewards = new Array<number>(M);
      const out = new Float64Array(M);
      for (const spec of representativeSpecs(M)) {
        const formulas = resolveScheme(spec).bind(M);
        const native = (R: number, s: number) => {
          for (let j = 0; j < M; j++) rewards[j] = j === 0 ? R : j <= s ? 1 : 0;
          formulas.advantagesInto(rewards, out);
          return out[0]!;
        };
        for (const s of ss) {
          expect(
            errorUlps(native(0, s), formulas.weight(0, s)),
            `${spec} a[${s}]`,
          ).toBeLessThanOrEqual(toleranceUlps(M));
          expect(
            errorUlps(native(1, s), formulas.weight(1, s + 1)),
            `${spec} b[${s}]`,
          ).toBeLessThanOrEqual(toleranceUlps(M));
        }
      }
    },
  );

  it('above the threshold scheme() takes the closed-form route', () => {
    const M = NATIVE_TABLES_MAX_M + 1;
    const s = scheme('grpo', M);
    expect(s.b).toEqual(weightTables(resolveScheme('grpo').bind(M).weight, M).b);
  });

  it('at and below the threshold scheme() takes the native route', () => {
    const M = 300;
    const { native } = routes(resolveScheme('grpo').bind(M), M);
    expect(scheme('grpo', M).b).toEqual(native.b);
  });
});

describe('countFormTables', () => {
  it('reads a[s] and b[s] from Z_0 of the canonical groups', () => {
    const seen: string[] = [];
    const { a, b } = countFormTables((rewards) => {
      seen.push(rewards.join(''));
      return rewards.map((r, i) => 10 * i + r);
    }, 3);
    expect(seen).toEqual(['000', '100', '010', '110', '011', '111']);
    expect(a).toEqual([0, 0, 0]);
    expect(b).toEqual([1, 1, 1]);
  });

  it('is unaffected by a formula that mutates its input', () => {
    const { a, b } = countFormTables((rewards) => {
      const K = rewards.reduce((x, y) => x + y, 0);
      const z = rewards.map((r) => r - K / 3);
      rewards.fill(1);
      return z;
    }, 3);
    expect(a).toEqual([0, -1 / 3, -2 / 3]);
    expect(b).toEqual([1 - 1 / 3, 1 - 2 / 3, 0]);
  });

  it('rejects a group size that is not a positive integer', () => {
    expect(() => countFormTables(() => [], 0)).toThrow(InputError);
    expect(() => countFormTables(() => [], 2.5)).toThrow('M must be a positive integer, got 2.5');
  });
});

describe('mutants: the agreement checks fail on deliberately wrong native formulas', () => {
  const M = 8;
  const sum = (r: ArrayLike<number>) => Array.from(r).reduce((x, y) => x + y, 0);
  const mutant = (
    spec: string,
    wrong: (rewards: ArrayLike<number>, out: Float64Array) => void,
  ): { closed: number; own: number } => {
    const formulas = resolveScheme(spec).bind(M);
    const own = countFormTables((r) => {
      const out = new Float64Array(M);
      wrong(r, out);
      return out;
    }, M);
    return {
      closed: patternAgreement(wrong, weightTables(formulas.weight, M), M).ulps,
      own: patternAgreement(wrong, own, M).ulps,
    };
  };

  it('rloo whose S_i counts itself', () => {
    const { closed } = mutant('rloo', (r, out) => {
      const K = sum(r);
      for (let i = 0; i < M; i++) out[i] = r[i]! - K / (M - 1);
    });
    expect(closed).toBeGreaterThan(1e6 * toleranceUlps(M));
  });

  it('grpo:std=sample computed with the population std', () => {
    const { closed } = mutant('grpo:std=sample', (r, out) => {
      const mean = sum(r) / M;
      const sd = Math.sqrt(mean * (1 - mean));
      for (let i = 0; i < M; i++) out[i] = sd === 0 ? 0 : (r[i]! - mean) / (sd + 1e-8);
    });
    expect(closed).toBeGreaterThan(1e6 * toleranceUlps(M));
  });

  it('grpo with eps under the root instead of added to the std', () => {
    const { closed } = mutant('grpo:eps=0.01', (r, out) => {
      const mean = sum(r) / M;
      const sd = Math.sqrt(mean * (1 - mean) + 0.01);
      for (let i = 0; i < M; i++) out[i] = mean === 0 || mean === 1 ? 0 : (r[i]! - mean) / sd;
    });
    expect(closed).toBeGreaterThan(1e6 * toleranceUlps(M));
  });

  it('a position-dependent weight is caught against its own derived tables', () => {
    const { own } = mutant('reinforce', (r, out) => {
      for (let i = 0; i < M; i++) out[i] = r[i]! * (1 + i / M);
    });
    expect(own).toBeGreaterThan(1e6 * toleranceUlps(M));
  });

  it('a route mismatch is caught: closed form of grpo against a native dr-grpo', () => {
    const grpo = resolveScheme('grpo').bind(M);
    const drGrpo = resolveScheme('dr-grpo').bind(M);
    const native = routes(drGrpo, M).native;
    expect(tablesErrorUlps(native, weightTables(grpo.weight, M))).toBeGreaterThan(1e6);
  });
});
