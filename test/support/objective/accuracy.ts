// Test-only accuracy measurements shared by the accuracy tests and their mutants: each returns the
// worst relative error of an (h, dh) implementation against a reference, so a test can assert both
// that the real implementation passes and that a deliberately wrong one does not.

import { grpoSmall, largeM } from '../../fixtures/objective/references.ts';
import { doubleC, grpoC, relErr } from './c-tables.ts';
import { exactC, exactH, exactHPrime, fromDouble, toNumber } from './exact.ts';

export type Evaluate = (c: readonly number[], ts: readonly number[]) => { h: number; dh: number }[];

export interface Worst {
  h: number;
  dh: number;
  where: string;
}

const RATIONAL_TS = [0, 2 ** -40, 1e-3, 0.1, 0.25, 1 / 3, 0.5, 0.7, 0.999, 1 - 2 ** -30, 1];
const RATIONAL_MS = [1, 2, 3, 4, 7, 12, 25, 40, 60];

function track(worst: Worst, eh: number, edh: number, where: string): void {
  if (Math.max(eh, edh) > Math.max(worst.h, worst.dh)) worst.where = where;
  worst.h = Math.max(worst.h, eh);
  worst.dh = Math.max(worst.dh, edh);
}

/** reinforce, rloo, dr-grpo, rs, passk (k = 1, 2, 5) at M <= 60 against exact BigInt rationals. */
export function worstVsExact(evaluate: Evaluate): Worst {
  const worst: Worst = { h: 0, dh: 0, where: '' };
  const exactTs = RATIONAL_TS.map(fromDouble);
  for (const M of RATIONAL_MS) {
    const tables: [string, number][] = [
      ['reinforce', 1],
      ['rloo', 1],
      ['dr-grpo', 1],
      ['rs', 1],
      ['passk', 1],
      ['passk', 2],
      ['passk', 5],
    ];
    for (const [name, k] of tables) {
      if ((name === 'rloo' && M < 2) || k > M) continue;
      const exact = exactC(name, M, k);
      const c = exact.map(toNumber);
      const got = evaluate(c, RATIONAL_TS);
      RATIONAL_TS.forEach((t, i) => {
        const h = toNumber(exactH(exact, exactTs[i]!));
        const dh = toNumber(exactHPrime(exact, exactTs[i]!));
        track(worst, relErr(got[i]!.h, h), relErr(got[i]!.dh, dh), `${name} k=${k} M=${M} t=${t}`);
      });
    }
  }
  return worst;
}

/** grpo (population and sample std, several eps) at M <= 60 against the mpmath fixtures. */
export function worstVsGrpoSmall(evaluate: Evaluate): Worst {
  const worst: Worst = { h: 0, dh: 0, where: '' };
  for (const f of grpoSmall) {
    const got = evaluate(
      f.c,
      f.points.map((p) => p[0]),
    );
    f.points.forEach(([t, h, dh], i) => {
      track(
        worst,
        relErr(got[i]!.h, h),
        relErr(got[i]!.dh, dh),
        `grpo ${f.std} eps=${f.eps} M=${f.M} t=${t}`,
      );
    });
  }
  return worst;
}

/** The double c table this suite computes for a large-M fixture's scheme. */
export function largeMC(scheme: string, M: number): number[] {
  if (scheme === 'grpo:std=population,eps=1e-8') return grpoC(M, 'population', 1e-8);
  if (scheme === 'grpo:std=sample,eps=1e-6') return grpoC(M, 'sample', 1e-6);
  if (scheme === 'passk:k=4') return doubleC('passk', M, 4);
  return doubleC(scheme, M);
}

/** rs, passk:k=4, dr-grpo, grpo (two variants) at M = 256, 1024, 4096, t in [1e-6, 1-1e-6]. */
export function worstVsLargeM(evaluate: Evaluate, maxM = Number.POSITIVE_INFINITY): Worst {
  const worst: Worst = { h: 0, dh: 0, where: '' };
  for (const f of largeM) {
    if (f.M > maxM) continue;
    const got = evaluate(
      largeMC(f.scheme, f.M),
      f.points.map((p) => p[0]),
    );
    f.points.forEach(([t, h, dh], i) => {
      track(worst, relErr(got[i]!.h, h), relErr(got[i]!.dh, dh), `${f.scheme} M=${f.M} t=${t}`);
    });
  }
  return worst;
}
