import { grid } from '../../math/index.ts';
import {
  harmonicShiftedH,
  LIMIT_GRID,
  logitGrid,
  normalizedSupDistance,
  objectivePoints,
} from '../../objective/index.ts';
import type { Figure, Series } from '../../report/index.ts';
import { CATALOGUE_SPECS, scheme, schemeLimit } from '../../schemes/index.ts';
import { target } from '../../targets/index.ts';
import { PAPER_GROUP_SIZES } from '../budget.ts';

/**
 * The paper's figure 1: the three transforms of `t = p_theta(x)` that the algorithms optimize,
 * `(2/pi) arcsin sqrt t` (GRPO's limit), `t` (REINFORCE, RLOO) and `ln t + 1` (rejection
 * sampling's limit, docs/theory.md §3), on `t` from 0.01 to 1 where `ln t + 1` stays readable.
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

/**
 * The paper's figure 2: fixed-M rejection sampling's `h_M(t) - (H_M - 1)` (docs/theory.md §3) for
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
      ...PAPER_GROUP_SIZES.map((M) => {
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

/** The (std, M, eps) of every curve: the paper's five, then sample-std companions. */
const CURVES: readonly { std: 'population' | 'sample'; M: number; eps: number }[] = [
  ...PAPER_GROUP_SIZES.map((M) => ({ std: 'population' as const, M, eps: 1e-8 })),
  { std: 'population', M: 128, eps: 1e-8 },
  { std: 'population', M: 128, eps: 1e-1 },
  { std: 'sample', M: 16, eps: 1e-8 },
  { std: 'sample', M: 256, eps: 1e-8 },
];

/**
 * The paper's figure 3: GRPO's normalized objective `h_{M,eps}(t)/h_{M,eps}(1)` (docs/theory.md §3,
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

/**
 * The normalized induced objective `h_M(t)/h_M(1)` (docs/theory.md §2) of every catalogue scheme
 * (docs/theory.md §3) at M = 8 and M = 64, so that their shapes can be compared on one scale.
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

/** The group sizes of the figure. */
const SIZES = [8, 64, 256, 4096];

/**
 * F-GRPO's large-M limit (docs/theory.md §9): `h_M(t)/h_M(1)` of f-grpo with gamma = 1 at M = 8, 64,
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
