import type { TopLevelSpec } from 'vega-lite';

/** A point of the three-class simplex, `(q_0, q_1, q_2)`. */
export type Simplex3 = readonly [number, number, number];

/** A small triangle of the simplex and the value of the heat map on it. */
export interface HeatCell {
  readonly corners: readonly [Simplex3, Simplex3, Simplex3];
  readonly value: number;
}

/** An arrow of the field at `q`: its direction in the plane of the simplex and its length 0..1. */
export interface FieldArrow {
  readonly q: Simplex3;
  /** A tangent vector of the simplex (entries summing to 0). */
  readonly direction: Simplex3;
  /** Relative length, 0..1: the arrow's size. */
  readonly length: number;
}

/** One contour line of a potential: its level and its segments. */
export interface Contour {
  readonly level: number;
  readonly segments: readonly (readonly [Simplex3, Simplex3])[];
}

/** One panel of a simplex figure: a heat map, a field of arrows, and contours where they exist. */
export interface SimplexPanel {
  readonly title: string;
  readonly cells: readonly HeatCell[];
  readonly arrows: readonly FieldArrow[];
  readonly contours: readonly Contour[];
}

/**
 * A figure on the simplex of three classes (docs/theory.md §10): side-by-side panels, each a heat
 * map (e.g. the curl `kappa`), arrows (the update field) and contour lines (the potential `J`,
 * where it exists), on a common colour scale. Data first, as every figure of the report.
 */
export interface SimplexFigure {
  readonly kind: 'simplex';
  /** File-safe id; the SVG is written to `figures/<id>.svg`. */
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  /** Labels of the vertices `e_0`, `e_1`, `e_2`. */
  readonly vertices: readonly [string, string, string];
  /** What the heat map shows, for its legend (e.g. `curl κ`). */
  readonly heat: string;
  readonly panels: readonly SimplexPanel[];
}

/** Side of the drawn simplex, in pixels. */
const SIDE = 300;
const HEIGHT = (SIDE * Math.sqrt(3)) / 2;

/** Plane coordinates of `q`: `e_0` at (0, 0), `e_1` at (1, 0), `e_2` at (1/2, sqrt(3)/2). */
function plane(q: Simplex3): [number, number] {
  return [q[1] + q[2] / 2, (q[2] * Math.sqrt(3)) / 2];
}

/**
 * The vega-lite specification of a {@link SimplexFigure}: one panel per {@link SimplexPanel}, side by
 * side, each the simplex drawn as an equilateral triangle (so that Euclidean angles in the plane
 * of the simplex are kept, and a gradient meets its contours at right angles) with an identity
 * projection: heat cells and contours as GeoJSON shapes, arrows as rotated arrow symbols
 * sized by their length, vertices labelled. The heat map's diverging colour scale is symmetric
 * about 0 and shared by every panel. Data inlined: no loader and no network.
 */
export function simplexSpec(figure: SimplexFigure): TopLevelSpec {
  const largest = Math.max(
    Number.MIN_VALUE,
    ...figure.panels.flatMap((p) => p.cells.map((c) => Math.abs(c.value))),
  );
  const projection = {
    type: 'identity' as const,
    reflectY: true,
    // Fixed extent, so that every panel is drawn at one scale whatever its data.
    fit: {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0.5, Math.sqrt(3) / 2],
            [0, 0],
          ],
        ],
      },
    },
  };
  const color = {
    field: 'properties.value',
    type: 'quantitative' as const,
    title: figure.heat,
    scale: { scheme: 'redblue', domain: [-largest, largest], reverse: true },
  };
  const vertexLabels = [
    { x: 0, y: 0, label: figure.vertices[0], dy: 14 },
    { x: 1, y: 0, label: figure.vertices[1], dy: 14 },
    { x: 0.5, y: Math.sqrt(3) / 2, label: figure.vertices[2], dy: -8 },
  ];
  const panel = (p: SimplexPanel) => ({
    title: p.title,
    width: SIDE,
    height: HEIGHT,
    projection,
    layer: [
      {
        data: {
          values: p.cells.map((cell) => ({
            type: 'Feature',
            properties: { value: cell.value },
            geometry: {
              type: 'Polygon',
              coordinates: [[...cell.corners, cell.corners[0]].map(plane)],
            },
          })),
          format: { type: 'json' },
        },
        mark: { type: 'geoshape', strokeWidth: 0.3, stroke: 'white' },
        encoding: { color },
      },
      {
        data: {
          values: p.contours.flatMap((c) =>
            c.segments.map((s) => ({
              type: 'Feature',
              properties: { level: c.level },
              geometry: { type: 'LineString', coordinates: s.map(plane) },
            })),
          ),
          format: { type: 'json' },
        },
        mark: { type: 'geoshape', filled: false, stroke: '#222', strokeWidth: 0.9 },
      },
      {
        data: {
          values: p.arrows.map((a) => {
            const [x, y] = plane(a.q);
            const [dx, dy] = plane(a.direction);
            // Vega's angle is clockwise from up, on a screen whose y grows downwards.
            const angle = (Math.atan2(dx, dy) * 180) / Math.PI;
            return { x, y, angle, length: a.length };
          }),
        },
        mark: { type: 'point', shape: 'arrow', filled: true, color: '#111', opacity: 0.85 },
        encoding: {
          longitude: { field: 'x', type: 'quantitative' as const },
          latitude: { field: 'y', type: 'quantitative' as const },
          angle: { field: 'angle', type: 'quantitative' as const, scale: null },
          size: {
            field: 'length',
            type: 'quantitative' as const,
            scale: { domain: [0, 1], range: [20, 520] },
            legend: null,
          },
        },
      },
      // Below the bottom vertices, above the top one.
      ...[vertexLabels.slice(0, 2), vertexLabels.slice(2)].map((labels) => ({
        data: { values: labels },
        mark: { type: 'text', dy: labels[0]!.dy, fontSize: 12, fontWeight: 'bold' as const },
        encoding: {
          longitude: { field: 'x', type: 'quantitative' as const },
          latitude: { field: 'y', type: 'quantitative' as const },
          text: { field: 'label', type: 'nominal' as const },
        },
      })),
    ],
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: figure.note === undefined ? figure.title : { text: figure.title, subtitle: figure.note },
    background: 'white',
    hconcat: figure.panels.map(panel),
    resolve: { scale: { color: 'shared' } },
    config: { font: 'sans-serif', view: { stroke: null } },
  } as TopLevelSpec;
}
