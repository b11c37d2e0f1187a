import { objectivePoints } from '../../objective/index.ts';
import type { Figure, Series } from '../../report/model.ts';
import { scheme } from '../../schemes/index.ts';
import { grid } from './grid.ts';

/** The (std, M, eps) of every curve: the paper's five, then sample-std companions. */
const CURVES: readonly { std: 'population' | 'sample'; M: number; eps: number }[] = [
  { std: 'population', M: 2, eps: 1e-8 },
  { std: 'population', M: 16, eps: 1e-8 },
  { std: 'population', M: 256, eps: 1e-8 },
  { std: 'population', M: 128, eps: 1e-8 },
  { std: 'population', M: 128, eps: 1e-1 },
  { std: 'sample', M: 16, eps: 1e-8 },
  { std: 'sample', M: 256, eps: 1e-8 },
];

/**
 * The paper's figure 3: GRPO's normalized objective `h_{M,eps}(t)/h_{M,eps}(1)` (MATH.md §3,
 * GRPO limit) against `(2/pi) arcsin sqrt t`: eps = 1e-8 with M = 2, 16, 256, and M = 128 with
 * eps = 1e-8 and 1e-1, for the paper's population std; two sample-std (Bessel) curves are added.
 */
export function grpoNormalizedFigure(): Figure {
  const ts = grid(0, 1, 301);
  const series: Series[] = CURVES.map(({ std, M, eps }) => {
    const { c } = scheme(`grpo:std=${std},eps=${eps}`, M);
    const points = objectivePoints(c, ts);
    const end = points[points.length - 1]!.h;
    return {
      label: `grpo ${std} std, M = ${M}, eps = ${eps}`,
      params: { M, eps, std },
      points: points.map((p) => ({ x: p.t, y: p.h / end })),
    };
  });
  series.push({
    label: '(2/π) arcsin √t',
    params: {},
    points: ts.map((t) => ({ x: t, y: (2 / Math.PI) * Math.asin(Math.sqrt(t)) })),
  });
  return {
    id: 'grpo-normalized',
    title: 'GRPO h_{M,ε}(t)/h_{M,ε}(1) against (2/π) arcsin √t (paper, figure 3)',
    x: { title: 't' },
    y: { title: 'normalized h' },
    series,
  };
}
