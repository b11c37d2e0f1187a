import { LIMIT_GRID, logitGrid, normalizedSupDistance } from '../../objective/index.ts';
import { scheme, schemeLimit } from '../../schemes/index.ts';
import { target } from '../../targets/index.ts';
import type { DeterministicCheck } from '../check.ts';
import { LIMIT_REFERENCES } from './limit-references.ts';

/** The schemes whose stated large-M limit is checked: grpo, and F-GRPO at three gammas. */
export const LIMIT_SCHEMES = ['grpo', 'f-grpo:gamma=0.5', 'f-grpo:gamma=1', 'f-grpo:gamma=2'];

/** The M ladder along which the distance to the limit must fall. */
export const LIMIT_SIZES = [16, 64, 256, 1024, 4096];

/** Bound on the distance at the top of the ladder. */
const FINAL_BOUND = 0.02;

/**
 * Tolerance of the comparison with the mpmath references, an a-priori bound: the sup distance
 * is a difference of `h_M/h_M(1)` (within a few ulps, see `h`) and stdlib's `I_t` (within 1e-12
 * relative, see beta-family.test.ts, and `I_t <= 1`), so its rounding error is below 2e-12;
 * the grid points may differ from the generator's by an ulp of `exp`, which moves the distance
 * by far less.
 */
const REFERENCE_TOL = 1e-11;

/**
 * `limit` (docs/theory.md §9): the normalized objective of grpo and of F-GRPO (gamma = 1/2, 1, 2)
 * approaches the large-M limit its catalogue entry states, `I_t(1/2, gamma + 1/2)`. The distance
 * is the sup of `|h_M(t)/h_M(1) - I_t(1/2, gamma + 1/2)|` over 2001 points equally spaced in
 * logit t on [1e-6, 1 - 1e-6] (dense near the ends, where the gap peaks, at t of a few 1/M).
 * Per scheme, deterministic: at each M of 16, 64, 256, 1024, 4096 the distance equals an
 * independent mpmath evaluation (`LIMIT_REFERENCES`, to 1e-10); at each M after the first it is
 * at most the distance at the previous M; at 4096 it is at most 0.02. The ladder is the same in
 * every budget: the whole family costs a fraction of a second.
 *
 * @param limitOf the limit each scheme is checked against, as a target spec; by default the one
 *   its catalogue entry states (`schemeLimit`). Tests pass wrong ones to see the checks fail.
 */
export function limitChecks(
  limitOf: (spec: string) => string = (spec) => schemeLimit(spec)!.target,
): DeterministicCheck[] {
  const ts = logitGrid(LIMIT_GRID.delta, LIMIT_GRID.points);
  const cache = new Map<string, number>();
  const checks: DeterministicCheck[] = [];
  for (const spec of LIMIT_SCHEMES) {
    const member = target(limitOf(spec));
    const canonical = scheme(spec, 2).spec;
    const distance = (M: number): number => {
      const key = `${spec}/${M}`;
      let d = cache.get(key);
      if (d === undefined) {
        d = normalizedSupDistance(scheme(spec, M).c, ts, member.h);
        cache.set(key, d);
      }
      return d;
    };
    const base = {
      kind: 'deterministic' as const,
      theorem: 'limit' as const,
      scheme: canonical,
      policy: 'none',
    };
    const what = `sup |h_M/h_M(1) - ${member.spec}|`;
    LIMIT_SIZES.forEach((M, i) => {
      checks.push({
        ...base,
        M,
        id: `limit/${spec}/M=${M}/mpmath`,
        detail: `${what} at M = ${M} equals its 40-digit mpmath evaluation`,
        tolerance: REFERENCE_TOL,
        evaluate: () => ({ closedForm: LIMIT_REFERENCES[spec]![M]!, estimate: distance(M) }),
      });
      if (i === 0) return;
      const previous = LIMIT_SIZES[i - 1]!;
      checks.push({
        ...base,
        M,
        id: `limit/${spec}/M=${M}/decreasing`,
        detail: `${what} at M = ${M} is at most its value at M = ${previous}`,
        relation: 'at-most',
        tolerance: 0,
        evaluate: () => ({ closedForm: distance(previous), estimate: distance(M) }),
      });
    });
    const top = LIMIT_SIZES[LIMIT_SIZES.length - 1]!;
    checks.push({
      ...base,
      M: top,
      id: `limit/${spec}/M=${top}/bound`,
      detail: `${what} at M = ${top} is at most ${FINAL_BOUND}`,
      relation: 'at-most',
      tolerance: 0,
      evaluate: () => ({ closedForm: FINAL_BOUND, estimate: distance(top) }),
    });
  }
  return checks;
}
