// Deterministic laws of designed schemes (docs/theory.md §3, "The Bernstein recipe") and of GRPO's
// limit. False-fail rate of every law here: 0 (deterministic). The monotonicity margins were
// measured over every M = 2..128 (designs) and 2..256 (GRPO) before being stated: the smallest
// relative decrease per doubling was 3.3% (design logit, M = 2) and 3.4% (GRPO).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { TargetDistance } from '../../src/objective/index.ts';
import type { Scheme } from '../../src/schemes/index.ts';
import type { Target } from '../../src/targets/targets.ts';
import { groupSize } from '../arbitraries/count-form-tables.ts';
import { unitT } from '../arbitraries/unit-t.ts';
import { EPS, expectClose, maxAbs } from '../helpers/tolerance.ts';
import { type Law, law } from './law.ts';

/** What the design laws exercise. */
export interface DesignImpl {
  scheme(spec: string, M: number): Scheme;
  target(spec: string): Target;
  targetDistance(c: ArrayLike<number>, h: Pick<Target, 'h'>): TargetDistance;
  h(c: ArrayLike<number>, t: number): number;
  normalizedH(c: ArrayLike<number>, t: number): number;
}

/** Relative decrease per doubling of M that the convergence laws require (measured minimum: 3.3%). */
export const MIN_DECREASE = 1e-3;

const GRID = Array.from({ length: 1001 }, (_, i) => i / 1000);

/**
 * The paper's figure-3 distance: `sup_t |h_M(t)/h_M(1) - (2/pi) arcsin(sqrt t)|` over 1001
 * equally spaced t in [0, 1].
 */
export function arcsinDistance(impl: DesignImpl, c: ArrayLike<number>): number {
  let sup = 0;
  for (const t of GRID) {
    sup = Math.max(sup, Math.abs(impl.normalizedH(c, t) - (2 / Math.PI) * Math.asin(Math.sqrt(t))));
  }
  return sup;
}

const singularTarget = fc.oneof(
  fc.constantFrom('log', 'logit', 'arcsin'),
  fc.constantFrom(0.25, 0.5, 1.5, 2.5, 3.5).map((q) => `power:q=${q}`),
);

/** The design and GRPO-limit laws; each comment states its tolerance. */
export function designLaws(impl: DesignImpl): Law[] {
  return [
    // docs/theory.md §3: with c_s = h'(xi_s), h_M converges to h on compact subsets of (0, 1). The sup
    // distance after the best affine fit (targetDistance, grid on [1e-3, 1 - 1e-3]) falls each time
    // M doubles, for every non-polynomial target, node rule and split: d(2M) <= (1 - 1e-3) d(M).
    law(
      'designed targets converge: sup distance falls as M doubles',
      fc.tuple(
        singularTarget,
        fc.constantFrom('interior', 'midpoint'),
        fc.constantFrom('b', 'a', 'half'),
        groupSize(2, 128),
      ),
      ([targetSpec, nodes, split, M]) => {
        const h = impl.target(targetSpec);
        const spec = `design:target=${targetSpec.replace(':', ',')},nodes=${nodes},split=${split}`;
        const d1 = impl.targetDistance(impl.scheme(spec, M).c, h).distance;
        const d2 = impl.targetDistance(impl.scheme(spec, 2 * M).c, h).distance;
        expect(d2, `${spec}: M=${M} -> ${d1}, M=${2 * M} -> ${d2}`).toBeLessThanOrEqual(
          (1 - MIN_DECREASE) * d1,
        );
      },
    ),

    // docs/theory.md §3: a polynomial h' of degree <= M - 1 is matched exactly (identity, power with
    // integer q <= M, passk with k <= M): h_M(t) = h(t) - h(0). Tolerance 16 (M+1) EPS max|c|.
    law(
      'polynomial targets are designed exactly: h_M = h - h(0)',
      groupSize(1, 64).chain((M) =>
        fc.tuple(
          fc.oneof(
            fc.constant('identity'),
            fc.integer({ min: 1, max: Math.min(M, 8) }).map((q) => `power:q=${q}`),
            fc.integer({ min: 1, max: M }).map((k) => `passk:k=${k}`),
          ),
          fc.constant(M),
          unitT(),
        ),
      ),
      ([targetSpec, M, t]) => {
        const h = impl.target(targetSpec);
        const c = impl.scheme(`design:target=${targetSpec.replace(':', ',')}`, M).c;
        expectClose(
          impl.h(c, t),
          h.h(t) - h.h(0),
          16 * (M + 1) * EPS * Math.max(1, maxAbs(c)),
          `${targetSpec} M=${M} t=${t}`,
        );
      },
    ),

    // docs/theory.md §3: how c is split between a and b is free. split=b, a and half give the same c
    // (0 ulps: halving and negating are exact) and different tables.
    law(
      'design split changes the tables, not c',
      fc.tuple(fc.oneof(singularTarget, fc.constant('identity')), groupSize(1, 64)),
      ([targetSpec, M]) => {
        const spec = `design:target=${targetSpec.replace(':', ',')}`;
        const [b, a, half] = (['b', 'a', 'half'] as const).map((split) =>
          impl.scheme(`${spec},split=${split}`, M),
        );
        for (const other of [a!, half!]) {
          other.c.forEach((x, s) => {
            expectClose(x, b!.c[s]!, 0, `${other.spec} c[${s}]`);
          });
        }
        expect(a!.a).not.toEqual(b!.a);
        expect(b!.a.every((x) => x === 0)).toBe(true);
      },
    ),

    // docs/theory.md §3, GRPO limit: with eps -> 0 (eps = 0 or 1e-8, any std and eps placement), the
    // normalized h_M(t)/h_M(1) approaches (2/pi) arcsin sqrt t; its sup distance falls each time
    // M doubles (M = 2..128): d(2M) <= (1 - 1e-3) d(M).
    law(
      'GRPO: normalized distance to arcsin falls as M doubles (eps -> 0)',
      fc.tuple(
        fc.constantFrom('population', 'sample'),
        fc.constantFrom(0, 1e-10, 1e-8),
        fc.constantFrom('std', 'var'),
        groupSize(2, 128),
      ),
      ([std, eps, at, M]) => {
        const spec = `grpo:std=${std},eps=${eps},eps-at=${at}`;
        const d1 = arcsinDistance(impl, impl.scheme(spec, M).c);
        const d2 = arcsinDistance(impl, impl.scheme(spec, 2 * M).c);
        expect(d2, `${spec}: M=${M} -> ${d1}, M=${2 * M} -> ${d2}`).toBeLessThanOrEqual(
          (1 - MIN_DECREASE) * d1,
        );
      },
    ),

    // docs/theory.md §3, figure 3 right panel: a larger eps moves GRPO away from arcsin. For
    // eps1 < eps2 the distance does not fall (tolerance 16 EPS, measured worst 1 EPS), and
    // from eps <= 1e-4 to eps >= 0.1 at M >= 4 it rises by at least 1e-4 (measured >= 7e-4).
    law(
      'GRPO: normalized distance to arcsin grows with eps',
      fc.tuple(
        fc.constantFrom('population', 'sample'),
        fc.constantFrom('std', 'var'),
        groupSize(2, 64),
        fc.double({ min: -10, max: 1, noNaN: true }),
        fc.double({ min: -10, max: 1, noNaN: true }),
      ),
      ([std, at, M, e1, e2]) => {
        const [lo, hi] = e1 <= e2 ? [10 ** e1, 10 ** e2] : [10 ** e2, 10 ** e1];
        const d = (eps: number) =>
          arcsinDistance(impl, impl.scheme(`grpo:std=${std},eps=${eps},eps-at=${at}`, M).c);
        const dLo = d(lo);
        const dHi = d(hi);
        expect(dHi, `M=${M} eps ${lo} -> ${dLo}, ${hi} -> ${dHi}`).toBeGreaterThanOrEqual(
          dLo - 16 * EPS,
        );
        if (M >= 4 && lo <= 1e-4 && hi >= 0.1) expect(dHi).toBeGreaterThanOrEqual(dLo + 1e-4);
      },
    ),
  ];
}
