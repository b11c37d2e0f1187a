import { LIMIT_GRID, normalizedSupDistance } from '../../objective/large-m-limit.ts';
import { objectivePoints } from '../../objective/objective-points.ts';
import { logitGrid } from '../../objective/target-distance.ts';
import type { Figure, Series } from '../../report/model.ts';
import { scheme, schemeLimit } from '../../schemes/index.ts';
import { target } from '../../targets/targets.ts';

/** The group sizes of the figure. */
const SIZES = [8, 64, 256, 4096];

/**
 * F-GRPO's large-M limit (MATH.md §9): `h_M(t)/h_M(1)` of f-grpo with gamma = 1 at M = 8, 64,
 * 256 and 4096 against the limit its catalogue entry states, `I_t(1/2, 3/2)`. Each label gives
 * the sup distance to the limit on the grid of the `limit` checks. The curves are drawn at
 * `t = (j/400)^2`, dense near 0, where the gap is largest (at t of a few 1/M).
 */
export function fGrpoLimitFigure(): Figure {
  const spec = 'f-grpo:gamma=1';
  const limit = target(schemeLimit(spec)!.target);
  const ts = Array.from({ length: 401 }, (_, j) => (j === 400 ? 1 : (j / 400) ** 2));
  const supGrid = logitGrid(LIMIT_GRID.delta, LIMIT_GRID.points);
  const series: Series[] = SIZES.map((M) => {
    const { c } = scheme(spec, M);
    const points = objectivePoints(c, ts);
    const end = points[points.length - 1]!.h;
    const distance = normalizedSupDistance(c, supGrid, limit.h);
    return {
      label: `M = ${M} (sup distance ${distance.toPrecision(2)})`,
      params: { M, gamma: 1, distance },
      points: points.map((p) => ({ x: p.t, y: p.h / end })),
    };
  });
  series.push({
    label: 'limit I_t(1/2, 3/2)',
    params: { target: limit.spec },
    points: ts.map((t) => ({ x: t, y: limit.h(t) })),
  });
  return {
    id: 'f-grpo-limit',
    title: 'F-GRPO (γ = 1): h_M(t)/h_M(1) against its large-M limit I_t(1/2, 3/2)',
    x: { title: 't' },
    y: { title: 'h_M(t)/h_M(1)' },
    series,
  };
}
