// Deterministic laws of weight schemes (docs/theory.md §2-3): native formula against tables, brute
// force against the closed form, baselines, and the catalogue's known objectives.
// False-fail rate of every law here: 0 (deterministic; tolerances are rounding-error bounds).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Scheme } from '../../src/schemes/index.ts';
import { catalogueCase } from '../arbitraries/catalogue-spec.ts';
import {
  type CountFormTables,
  countFormTables,
  differences,
  groupSize,
} from '../arbitraries/count-form-tables.ts';
import { countFormNative } from '../arbitraries/native-group-function.ts';
import { unitT } from '../arbitraries/unit-t.ts';
import { EPS, expectClose, maxAbs, sumBound } from '../helpers/tolerance.ts';
import { type Law, law } from './law.ts';

/** What the scheme laws exercise: the library's functions, or deliberately broken copies. */
export interface SchemeImpl {
  /** `scheme(spec, M)` of src/schemes. */
  scheme(spec: string, M: number): Scheme;
  /** A table scheme through the public API (see helpers/table-scheme.ts). */
  tableScheme(tables: CountFormTables): Scheme;
  /** `bruteForceHPrime` of src/objective. */
  bruteForceHPrime(scheme: Pick<Scheme, 'M' | 'advantages'>, t: number): number;
  /** `countFormTables(advantages, M)` of src/schemes. */
  countFormTables(
    advantages: (rewards: number[]) => ArrayLike<number>,
    M: number,
  ): { a: number[]; b: number[] };
  h(c: ArrayLike<number>, t: number): number;
  hPrime(c: ArrayLike<number>, t: number): number;
}

/** The count of ones in a reward vector. */
function ones(rewards: readonly number[]): number {
  return rewards.reduce((k, r) => k + r, 0);
}

/** Every reward vector of length M, as numbers 0..2^M-1 read bitwise. */
function allGroups(M: number): number[][] {
  const groups: number[][] = [];
  for (let bits = 0; bits < 2 ** M; bits++) {
    groups.push(Array.from({ length: M }, (_, i) => (bits >> i) & 1));
  }
  return groups;
}

/**
 * Throws unless the scheme's native weights of `rewards` are its tables read per position,
 * `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`. Tolerance: 4 M EPS max(|a|, |b|, 1) (the native
 * formula sums the group in another order than the canonical group the tables came from).
 */
function expectTables(s: Scheme, rewards: readonly number[], scale: number): void {
  const Z = s.advantages(rewards);
  const K = ones(rewards);
  const tol = 4 * s.M * EPS * scale;
  Z.forEach((z, i) => {
    const expected = rewards[i] === 1 ? s.b[K - 1]! : s.a[K]!;
    expectClose(
      z,
      expected,
      tol,
      `${s.spec} M=${s.M} group ${rewards.join('')} response ${i}`,
      scale,
    );
  });
}

/** A t in (0, 1) away from the subnormal range, where the brute force divides by t(1 - t). */
const interiorT = unitT({ interior: true }).filter((t) => t >= 1e-300 && 1 - t >= 1e-300);

/**
 * Brute-force tolerance: the enumeration sums M + 1 terms of size up to max(|a|, |b|) times a pmf
 * and then divides by t (1 - t); the sum of |terms| is about 2 t (1 - t) max(|a|, |b|), so the
 * quotient keeps a relative error of 16 (M+1) EPS max(|a|, |b|) (M ulps of the basis far from
 * its mode, M of the sum). Products that underflow (a tiny table entry times a tiny t) lose up to
 * MIN_VALUE each before the division: 16 (M+1) MIN_VALUE / (t (1 - t)) more.
 */
function bruteTolerance(M: number, scale: number, t: number): number {
  return 16 * (M + 1) * (EPS * scale + Number.MIN_VALUE / (t * (1 - t)));
}

/** The scheme laws; each comment states the tolerance. */
export function schemeLaws(impl: SchemeImpl): Law[] {
  return [
    // docs/theory.md §2-3: for every catalogue scheme (random options, optional filter), the
    // native group formula equals the count-form tables on every group of size <= 10: all 2^M
    // reward vectors, hence every permutation of every group. Tolerance: see expectTables.
    law(
      'catalogue: native formula = tables on every group of size <= 10',
      catalogueCase(10),
      ({ spec, M }) => {
        const s = impl.scheme(spec, M);
        const scale = Math.max(1, maxAbs(s.a), maxAbs(s.b));
        for (const rewards of allGroups(M)) expectTables(s, rewards, scale);
      },
    ),

    // The same at M up to 64 for a random group and random permutations of it: permuting the
    // rewards permutes the weights (exchangeability) and every weight is its table entry.
    law(
      'catalogue: native formula = tables under random permutations (M <= 64)',
      catalogueCase(64).chain((c) =>
        fc.tuple(
          fc.constant(c),
          fc.array(fc.integer({ min: 0, max: 1 }), { minLength: c.M, maxLength: c.M }),
          fc.array(
            fc.shuffledSubarray([...Array(c.M).keys()], { minLength: c.M, maxLength: c.M }),
            {
              minLength: 1,
              maxLength: 4,
            },
          ),
        ),
      ),
      ([{ spec, M }, rewards, permutations]) => {
        const s = impl.scheme(spec, M);
        const scale = Math.max(1, maxAbs(s.a), maxAbs(s.b));
        const Z = s.advantages(rewards);
        expectTables(s, rewards, scale);
        for (const p of permutations) {
          const permuted = s.advantages(p.map((j) => rewards[j]!));
          permuted.forEach((z, i) => {
            expectClose(z, Z[p[i]!]!, 4 * M * EPS * scale, `${spec} M=${M} permuted ${i}`, scale);
          });
        }
      },
    ),

    // docs/theory.md §2, "Brute force, with no formula": the expected update by brute-force
    // enumeration of K with the native formula equals h_M'(t) = sum_s c_s B_{s,M-1}(t), for random
    // tables. Tolerance: bruteTolerance(M, max(|a|, |b|), t).
    law(
      "tables: brute-force expectation = closed form h_M'",
      fc.tuple(countFormTables(), interiorT),
      ([tables, t]) => {
        const s = impl.tableScheme(tables);
        const scale = Math.max(maxAbs(tables.a), maxAbs(tables.b));
        expectClose(
          impl.bruteForceHPrime(s, t),
          impl.hPrime(differences(tables), t),
          bruteTolerance(tables.M, scale, t),
          `t=${t}`,
          scale,
        );
      },
    ),

    // The same for every catalogue scheme, whose c comes from its own tables.
    law(
      "catalogue: brute-force expectation = closed form h_M'",
      fc.tuple(catalogueCase(64), interiorT),
      ([{ spec, M }, t]) => {
        const s = impl.scheme(spec, M);
        const scale = Math.max(maxAbs(s.a), maxAbs(s.b));
        expectClose(
          impl.bruteForceHPrime(s, t),
          impl.hPrime(s.c, t),
          bruteTolerance(M, scale, t),
          `${spec} M=${M} t=${t}`,
          scale,
        );
      },
    ),

    // docs/theory.md §2: a baseline d_s added to both a_s and b_s leaves the expected update alone.
    // The brute force of (a + d, b + d), which sees the baseline, equals h_M' of the original c.
    // Tolerance: bruteTolerance(M, max|a| + max|b| + max|d|, t) plus 2 EPS of that for forming c.
    law(
      "baseline invariance: brute force of (a + d, b + d) = h_M' of b - a",
      groupSize(1, 64).chain((M) =>
        fc.tuple(
          countFormTables({ minM: M, maxM: M }),
          countFormTables({ minM: M, maxM: M, bound: 16 }),
          interiorT,
        ),
      ),
      ([tables, baseline, t]) => {
        const d = baseline.a;
        const shifted = {
          M: tables.M,
          a: tables.a.map((x, s) => x + d[s]!),
          b: tables.b.map((x, s) => x + d[s]!),
        };
        const scale = maxAbs(tables.a) + maxAbs(tables.b) + maxAbs(d);
        const s = impl.tableScheme(shifted);
        expectClose(
          impl.bruteForceHPrime(s, t),
          impl.hPrime(differences(tables), t),
          bruteTolerance(tables.M, scale, t) + 2 * EPS * scale,
          `t=${t}`,
          scale,
        );
      },
    ),

    // Random native functions that are count form (tables per position, or mean/std/leave-one-out
    // formulas): countFormTables recovers their tables from canonical groups (exactly, 0 ulps, for
    // table functions), and every group's weights are those tables read per position.
    // Tolerance: 4 M EPS max(|a|, |b|, 1).
    law(
      'count-form natives: recovered tables reproduce every group',
      fc.tuple(countFormNative({ maxM: 12 }), fc.nat()),
      ([native, pick]) => {
        const { M } = native;
        const { a, b } = impl.countFormTables((r) => native.advantages(r), M);
        if (native.tables) {
          a.forEach((x, s) => {
            expectClose(x, native.tables!.a[s]!, 0, `a[${s}]`);
          });
          b.forEach((x, s) => {
            expectClose(x, native.tables!.b[s]!, 0, `b[${s}]`);
          });
        }
        const scale = Math.max(1, maxAbs(a), maxAbs(b));
        const groups = allGroups(Math.min(M, 10));
        const group =
          M <= 10
            ? groups
            : [groups[pick % groups.length]!.concat(new Array(M - 10).fill(pick % 2))];
        for (const rewards of group) {
          const K = ones(rewards);
          native.advantages(rewards).forEach((z, i) => {
            const expected = rewards[i] === 1 ? b[K - 1]! : a[K]!;
            expectClose(
              z,
              expected,
              4 * M * EPS * scale,
              `${native} group ${rewards.join('')}`,
              scale,
            );
          });
        }
      },
    ),

    // docs/theory.md §3, pass@k row: h_M(t) = 1 - (1-t)^k exactly, h_M'(t) = k (1-t)^(k-1). c >= 0, so the
    // Bernstein sums have no cancellation and the error is relative: tolerance
    // 16 (M+1) EPS times the reference (reference from expm1/log1p and pow, k ulps), plus the
    // subnormal floor.
    law(
      'passk: h = 1 - (1-t)^k and dh = k (1-t)^(k-1)',
      groupSize(1, 64).chain((M) =>
        fc.tuple(fc.constant(M), fc.integer({ min: 1, max: M }), unitT()),
      ),
      ([M, k, t]) => {
        const s = impl.scheme(`passk:k=${k}`, M);
        const ref = -Math.expm1(k * Math.log1p(-t));
        const refPrime = k * (1 - t) ** (k - 1);
        expectClose(
          impl.h(s.c, t),
          ref,
          16 * (M + 1 + k) * EPS * ref + sumBound(M + 1, 0),
          `h M=${M} k=${k} t=${t}`,
          ref,
        );
        expectClose(
          impl.hPrime(s.c, t),
          refPrime,
          16 * (M + 1 + k) * EPS * refPrime + sumBound(M, 0),
          `dh M=${M} k=${k} t=${t}`,
          refPrime,
        );
      },
    ),

    // docs/theory.md §3, rejection sampling: h_M'(t) = (1 - (1-t)^M)/t (relative tolerance 16 (M+1) EPS,
    // c >= 0), and the log bound 0 <= h_M(t) - H_M - ln t <= (1-t)^(M+1)/((M+1) t), to an absolute
    // 16 (M+1) EPS (|h| + H_M + |ln t|) for the cancellation in the difference.
    law(
      'rs: dh = (1 - (1-t)^M)/t and the log bound holds',
      fc.tuple(
        groupSize(1, 64),
        unitT({ interior: true }).filter((t) => t >= 1e-300),
      ),
      ([M, t]) => {
        const s = impl.scheme('rs', M);
        const refPrime = -Math.expm1(M * Math.log1p(-t)) / t;
        expectClose(
          impl.hPrime(s.c, t),
          refPrime,
          16 * (M + 1) * EPS * refPrime,
          `dh M=${M} t=${t}`,
          refPrime,
        );
        let harmonicM = 0;
        for (let k = M; k >= 1; k--) harmonicM += 1 / k;
        const value = impl.h(s.c, t);
        const gap = value - harmonicM - Math.log(t);
        const tol = 16 * (M + 1) * EPS * (Math.abs(value) + harmonicM + Math.abs(Math.log(t)));
        const upper = Math.exp((M + 1) * Math.log1p(-t)) / ((M + 1) * t);
        expect(gap, `gap at M=${M} t=${t}`).toBeGreaterThanOrEqual(-tol);
        expect(gap, `gap at M=${M} t=${t}`).toBeLessThanOrEqual(upper + tol);
      },
    ),

    // docs/theory.md §3 table: reinforce and rloo give h = t, dr-grpo gives (1 - 1/M) t, and every grpo
    // variant at M = 2 gives h proportional to t (h(t)/h(1) = t). Tolerance: 8 (M+1) EPS max|c|.
    law(
      'closed forms: reinforce, rloo = t; dr-grpo = (1-1/M) t; grpo at M = 2 is proportional to t',
      fc.tuple(
        groupSize(2, 64),
        unitT(),
        catalogueCase(2).filter((c) => /^grpo/.test(c.spec) && !c.spec.includes('filter=')),
      ),
      ([M, t, grpoCase]) => {
        for (const [spec, slope] of [
          ['reinforce', 1],
          ['rloo', 1],
          ['dr-grpo', 1 - 1 / M],
        ] as const) {
          const c = impl.scheme(spec, M).c;
          expectClose(
            impl.h(c, t),
            slope * t,
            sumBound(M + 1, maxAbs(c)) + 2 * EPS * t,
            `${spec} M=${M} t=${t}`,
          );
        }
        const g = impl.scheme(grpoCase.spec, 2).c;
        const end = impl.h(g, 1);
        expectClose(
          impl.h(g, t) / end,
          t,
          sumBound(3, maxAbs(g) / end) + 2 * EPS * t,
          `${grpoCase.spec} M=2 t=${t}`,
        );
      },
    ),
  ];
}
