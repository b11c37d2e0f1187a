import type { Figure } from '../../report/model.ts';
import { grid } from './grid.ts';

/**
 * The paper's figure 1: the three transforms of `t = p_theta(x)` that the algorithms optimize,
 * `(2/pi) arcsin sqrt t` (GRPO's limit), `t` (REINFORCE, RLOO) and `ln t + 1` (rejection
 * sampling's limit, MATH.md §3), on `t` from 0.01 to 1 where `ln t + 1` stays readable.
 */
export function transformsFigure(): Figure {
  const ts = grid(0.01, 1, 300);
  const curve = (f: (t: number) => number) => ts.map((t) => ({ x: t, y: f(t) }));
  return {
    id: 'transforms',
    title: 'Transforms of the success probability (paper, figure 1)',
    x: { title: 't' },
    y: { title: 'h(t)' },
    series: [
      {
        label: '(2/π) arcsin √t',
        params: { h: 'arcsin' },
        points: curve((t) => (2 / Math.PI) * Math.asin(Math.sqrt(t))),
      },
      { label: 't', params: { h: 'identity' }, points: curve((t) => t) },
      { label: 'ln t + 1', params: { h: 'log' }, points: curve((t) => Math.log(t) + 1) },
    ],
  };
}
