import { harmonicShiftedH } from '../../objective/index.ts';
import type { Figure } from '../../report/model.ts';
import { scheme } from '../../schemes/index.ts';
import { grid } from './grid.ts';

/**
 * The paper's figure 2: fixed-M rejection sampling's `h_M(t) - (H_M - 1)` (MATH.md §3) for
 * M = 2, 16, 256 against `ln t + 1`, for `t` from `e^-6` to 1 on a log axis.
 */
export function rejectionSamplingVsLogFigure(): Figure {
  const ts = grid(Math.exp(-6), 1, 300, true);
  return {
    id: 'rejection-sampling-vs-log',
    title: 'Rejection sampling h_M − (H_M − 1) against ln t + 1 (paper, figure 2)',
    x: { title: 't', scale: 'log' },
    y: { title: 'h_M(t) − (H_M − 1)' },
    series: [
      ...[2, 16, 256].map((M) => {
        const { c } = scheme('rs', M);
        return {
          label: `rs, M = ${M}`,
          params: { M },
          points: ts.map((t) => ({ x: t, y: harmonicShiftedH(c, t) })),
        };
      }),
      { label: 'ln t + 1', params: {}, points: ts.map((t) => ({ x: t, y: Math.log(t) + 1 })) },
    ],
  };
}
