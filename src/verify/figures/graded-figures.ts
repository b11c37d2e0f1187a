import { type GradedField, gradedField, gradedObjective } from '../../graded/index.ts';
import type {
  Contour,
  FieldArrow,
  HeatCell,
  Simplex3,
  SimplexFigure,
  SimplexPanel,
} from '../../report/index.ts';
import { levelClasses } from '../../rewards/index.ts';
import { gradedScheme } from '../../schemes/index.ts';

/** The three levels and the group size of the figure, those of docs/theory.md §10's results. */
const LEVELS = [0, 0.5, 1];
const M = 8;
/** Steps per side of the heat map's triangles, and of the arrows' grid. */
const HEAT_STEPS = 20;
const ARROW_STEPS = 8;
/** Contour levels of `J`, evenly spaced between its extremes on the grid. */
const CONTOURS = 9;

/** The point `(n_0, n_1, n_2)/steps` of the simplex. */
function at(steps: number, i: number, j: number): Simplex3 {
  return [(steps - i - j) / steps, i / steps, j / steps];
}

/** The `steps^2` small triangles of the grid with `steps` steps per side. */
function triangles(steps: number): [Simplex3, Simplex3, Simplex3][] {
  const out: [Simplex3, Simplex3, Simplex3][] = [];
  for (let i = 0; i < steps; i++) {
    for (let j = 0; i + j < steps; j++) {
      out.push([at(steps, i, j), at(steps, i + 1, j), at(steps, i, j + 1)]);
      if (i + j < steps - 1) {
        out.push([at(steps, i + 1, j), at(steps, i + 1, j + 1), at(steps, i, j + 1)]);
      }
    }
  }
  return out;
}

function centroid(corners: readonly Simplex3[]): Simplex3 {
  const c = [0, 1, 2].map((k) => corners.reduce((s, q) => s + q[k]!, 0) / corners.length);
  return [c[0]!, c[1]!, c[2]!];
}

/**
 * The contour lines of `f` at `levels` over a grid of triangles, by linear interpolation on each
 * triangle's edges (marching triangles): a level between a triangle's values crosses two of its
 * edges, and the segment joins the two crossings.
 */
function contours(
  cells: readonly (readonly [Simplex3, Simplex3, Simplex3])[],
  f: (q: Simplex3) => number,
  levels: readonly number[],
): Contour[] {
  const values = new Map<string, number>();
  const value = (q: Simplex3) => {
    const key = q.join(',');
    let v = values.get(key);
    if (v === undefined) {
      v = f(q);
      values.set(key, v);
    }
    return v;
  };
  return levels.map((level) => {
    const segments: [Simplex3, Simplex3][] = [];
    for (const corners of cells) {
      const crossings: Simplex3[] = [];
      for (let e = 0; e < 3; e++) {
        const a = corners[e]!;
        const b = corners[(e + 1) % 3]!;
        const va = value(a) - level;
        const vb = value(b) - level;
        if ((va < 0 && vb >= 0) || (va >= 0 && vb < 0)) {
          const t = va / (va - vb);
          crossings.push([0, 1, 2].map((k) => a[k]! + t * (b[k]! - a[k]!)) as unknown as Simplex3);
        }
      }
      // A level through a corner (up to rounding) crosses two edges there: no segment.
      const [a, b] = crossings;
      if (a !== undefined && b !== undefined && a.some((x, k) => Math.abs(x - b[k]!) > 1e-9)) {
        segments.push([a, b]);
      }
    }
    return { level, segments };
  });
}

/** The update field of `field` as arrows: `W` minus its mean, the field's vector in the plane. */
function arrows(field: GradedField): FieldArrow[] {
  const points: Simplex3[] = [];
  for (let i = 1; i < ARROW_STEPS; i++) {
    for (let j = 1; i + j < ARROW_STEPS; j++) points.push(at(ARROW_STEPS, i, j));
  }
  const vectors = points.map((q) => {
    const W = field.W([...q]);
    const mean = (W[0]! + W[1]! + W[2]!) / 3;
    return [W[0]! - mean, W[1]! - mean, W[2]! - mean] as const;
  });
  const norm = (v: readonly number[]) => Math.hypot(...v);
  const largest = Math.max(Number.MIN_VALUE, ...vectors.map(norm));
  return points.map((q, n) => ({
    q,
    direction: vectors[n]!,
    length: norm(vectors[n]!) / largest,
  }));
}

/** One panel: the curl `kappa` on the small triangles, the field, and `J`'s contours if closed. */
function panel(spec: string, name: string): SimplexPanel {
  const classes = levelClasses(LEVELS);
  const field = gradedField(gradedScheme(spec, classes, M));
  const { closed } = gradedObjective({ scheme: spec, M, levels: LEVELS, grid: 6 });
  const cells = triangles(HEAT_STEPS);
  const heat: HeatCell[] = cells.map((corners) => ({
    corners,
    value: field.at([...centroid(corners)]).kappa ?? 0,
  }));
  let lines: Contour[] = [];
  if (closed) {
    const J = (q: Simplex3) => field.potential([...q]);
    const values = cells.flatMap((c) => c.map(J));
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const levels = Array.from(
      { length: CONTOURS },
      (_, k) => lo + ((k + 1) * (hi - lo)) / (CONTOURS + 1),
    );
    lines = contours(cells, J, levels);
  }
  return {
    title: `${name} (${closed ? 'closed: contours of J' : 'not closed: no J'})`,
    cells: heat,
    arrows: arrows(field),
    contours: lines,
  };
}

/**
 * The update field of three reward levels on the simplex (docs/theory.md §10), GRPO beside
 * Dr. GRPO at M = 8 with levels 0, 1/2, 1: the heat map is the curl `kappa = d_1 D_2 - d_2 D_1`
 * (by the exact derivative identity, on the centroid of each small triangle of a grid of 20 per
 * side), the arrows the field `sum_j W_j dq_j` as a vector in the plane of the simplex (`W`
 * minus its mean; length relative to the panel's longest), and the contours those of the
 * potential `J` where the field is closed (Dr. GRPO: `J = (1 - 1/M) E[r]`, straight lines
 * perpendicular to the arrows). GRPO's curl is nowhere near 0: no `J` exists to draw.
 */
export function gradedFieldFigure(): SimplexFigure {
  return {
    kind: 'simplex',
    id: 'graded-field',
    title: 'Graded rewards 0, 1/2, 1 at M = 8: the update field and its curl (docs/theory.md §10)',
    note: 'heat: curl κ = d₁D₂ − d₂D₁; arrows: the field Σ W_j dq_j in the plane; lines: contours of J where it exists',
    vertices: ['r = 0', 'r = 1/2', 'r = 1'],
    heat: 'curl κ',
    panels: [
      panel('grpo:std=population,eps=0.000001,eps-at=std', 'GRPO'),
      panel('dr-grpo', 'Dr. GRPO'),
    ],
  };
}
