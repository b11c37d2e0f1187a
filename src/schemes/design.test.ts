import { describe, expect, it } from 'vitest';
import { binom, frac, mul } from '../../test/support/objective/exact.ts';
import { errorUlps } from '../../test/support/schemes/agreement.ts';
import { exactErrorUlps } from '../../test/support/schemes/exact-ulps.ts';
import { scheme } from './scheme.ts';

describe('design: the Bernstein recipe (docs/theory.md §3)', () => {
  it("nodes: c_s = h'(xi_s) at interior (s+1)/(M+1), midpoint (s+1/2)/M, endpoint s/(M-1)", () => {
    const M = 9;
    const cases: [string, (s: number) => number][] = [
      ['design:target=log', (s) => (M + 1) / (s + 1)],
      ['design:target=logit', (s) => 1 / (((s + 1) / (M + 1)) * (1 - (s + 1) / (M + 1)))],
      [
        'design:target=arcsin,nodes=midpoint',
        (s) => 1 / Math.sqrt(((s + 0.5) / M) * (1 - (s + 0.5) / M)),
      ],
      ['design:target=power,q=0.5', (s) => 0.5 * ((s + 1) / (M + 1)) ** -0.5],
      ['design:target=power,q=2.5,nodes=endpoint', (s) => 2.5 * (s / (M - 1)) ** 1.5],
    ];
    for (const [spec, c] of cases) {
      const x = scheme(spec, M);
      for (let s = 0; s < M; s++)
        expect(errorUlps(x.c[s]!, c(s)), `${spec} c[${s}]`).toBeLessThanOrEqual(4);
    }
  });

  it('the check can fail: nodes s/(M+1) instead of (s+1)/(M+1) are far out', () => {
    expect(errorUlps(scheme('design:target=log', 9).c[2]!, 10 / 2)).toBeGreaterThan(1e10);
  });

  it('exact for polynomial h: identity gives c = 1; power with integer q; passk equals the passk scheme', () => {
    expect(scheme('design:target=identity', 7).c).toEqual(new Array(7).fill(1));
    // h = t^3: h' = 3 t^2 = sum_s 3 C(s,2)/C(n,2) B_{s,n}, n = M - 1.
    const M = 12;
    const cube = scheme('design:target=power,q=3,nodes=endpoint', M);
    for (let s = 0; s < M; s++) {
      const exact = mul(frac(3), frac(binom(s, 2), binom(M - 1, 2)));
      expect(exactErrorUlps(cube.c[s]!, exact), `c[${s}]`).toBeLessThanOrEqual(4);
    }
    for (const [Mp, k] of [
      [10, 3],
      [64, 20],
    ] as const) {
      const designed = scheme(`design:target=passk,k=${k}`, Mp);
      const passk = scheme(`passk:k=${k}`, Mp);
      for (let s = 0; s < Mp; s++) {
        // Both are products of k - 1 ratios, each within about k ulps of exact.
        expect(errorUlps(designed.c[s]!, passk.c[s]!), `s=${s}`).toBeLessThanOrEqual(2 * k);
      }
    }
  });

  it('exact conversion makes the node rule irrelevant for polynomial targets', () => {
    const a = scheme('design:target=power,q=2,nodes=interior', 6).c;
    const b = scheme('design:target=power,q=2,nodes=midpoint', 6).c;
    expect(a).toEqual(b);
  });

  it('split: b puts c in b, a puts -c in a, half splits it; c is the same', () => {
    const M = 5;
    const b = scheme('design:target=log', M);
    const a = scheme('design:target=log,split=a', M);
    const half = scheme('design:target=log,split=half', M);
    expect(b.a).toEqual(new Array(M).fill(0));
    expect(a.b).toEqual(new Array(M).fill(0));
    expect(a.a).toEqual(b.c.map((c) => -c));
    expect(half.a).toEqual(b.c.map((c) => -c / 2));
    expect(half.b).toEqual(b.c.map((c) => c / 2));
    for (const x of [a, half]) expect(x.c).toEqual(b.c);
  });

  it('M = 1 puts its single node at 1/2 under every rule', () => {
    for (const nodes of ['interior', 'midpoint', 'endpoint']) {
      expect(scheme(`design:target=logit,nodes=${nodes}`, 1).c).toEqual([4]);
    }
  });

  it('beta targets (docs/theory.md §9): exact at integer a, b (a = 1 is passk), nodes otherwise', () => {
    const M = 16;
    const beta = scheme('design:target=beta,a=1,b=4', M);
    const passk = scheme('passk:k=4', M);
    for (let s = 0; s < M; s++) {
      expect(errorUlps(beta.c[s]!, passk.c[s]!), `s=${s}`).toBeLessThanOrEqual(16);
    }
    // h' = 2 t for I_t(2, 1) = t^2: c_s = 2 s/(M-1) exactly in degree M - 1.
    const square = scheme('design:target=beta,a=2,b=1', M);
    for (let s = 0; s < M; s++) {
      expect(errorUlps(square.c[s]!, (2 * s) / (M - 1)), `s=${s}`).toBeLessThanOrEqual(16);
    }
    // A = B = 1/2 is the arcsin density scaled by 1/pi: c_s = h'(xi_s) at interior nodes.
    const half = scheme('design:target=beta,a=0.5,b=0.5', M);
    const arcsin = scheme('design:target=arcsin', M);
    for (let s = 0; s < M; s++) {
      expect(errorUlps(half.c[s]! * Math.PI, arcsin.c[s]!), `s=${s}`).toBeLessThanOrEqual(16);
    }
    expect(half.spec).toBe('design:target=beta,a=0.5,b=0.5,nodes=interior,split=b');
    expect(() => scheme('design:target=beta,a=0.5,b=2,nodes=endpoint', M)).toThrow(
      /not finite at node 0/,
    );
    expect(() => scheme('design:target=beta,a=0.5', M)).toThrow("scheme 'design' needs b=...");
  });
});
