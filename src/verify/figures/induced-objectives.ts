import { objectivePoints } from '../../objective/index.ts';
import type { Figure } from '../../report/model.ts';
import { scheme } from '../../schemes/index.ts';
import { grid } from './grid.ts';

/** The catalogue of MATH.md §3, one spec per row (pass@k with k = 4), then F-GRPO (§9, gamma = 1). */
export const CATALOGUE_SPECS: readonly string[] = [
  'reinforce',
  'rloo',
  'dr-grpo',
  'rs',
  'grpo',
  'passk:k=4',
  'f-grpo:gamma=1',
];

/**
 * The normalized induced objective `h_M(t)/h_M(1)` (MATH.md §2) of every catalogue scheme
 * (MATH.md §3) at M = 8 and M = 64, so that their shapes can be compared on one scale.
 */
export function inducedObjectivesFigure(): Figure {
  const ts = grid(0, 1, 241);
  return {
    id: 'induced-objectives',
    title: 'Normalized induced objectives h_M(t)/h_M(1) of the catalogue',
    x: { title: 't' },
    y: { title: 'h_M(t)/h_M(1)' },
    series: [8, 64].flatMap((M) =>
      CATALOGUE_SPECS.map((spec) => {
        const s = scheme(spec, M);
        const points = objectivePoints(s.c, ts);
        const end = points[points.length - 1]!.h;
        return {
          label: `${s.spec}, M = ${M}`,
          params: { M, scheme: s.spec },
          points: points.map((p) => ({ x: p.t, y: p.h / end })),
        };
      }),
    ),
  };
}
