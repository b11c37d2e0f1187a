import type { TopLevelSpec } from 'vega-lite';
import type { Figure, ReportFigure } from './model.ts';
import { simplexSpec } from './simplex-figure.ts';

/** Width and height of every figure's plotting area, in pixels. */
const WIDTH = 560;
const HEIGHT = 340;

interface Row {
  series: string;
  mark: string;
  dash: boolean;
  x: number;
  y: number;
  lo?: number;
  hi?: number;
  x0?: number;
  x1?: number;
}

/**
 * The vega-lite specification of a {@link Figure}: one layer per mark kind (curves, points with
 * ±`yError` bars, histogram bars), sharing one colour legend keyed by series label. The data are
 * inlined, so the compiled vega view needs no loader and no network.
 */
export function figureSpec(figure: Figure): TopLevelSpec {
  const rows: Row[] = [];
  for (const series of figure.series) {
    const mark = series.mark ?? 'line';
    for (const p of series.points) {
      const row: Row = {
        series: series.group ?? series.label,
        mark,
        dash: series.dashed === true,
        x: p.x,
        y: p.y,
      };
      if (p.yError !== undefined) {
        row.lo = p.y - p.yError;
        row.hi = p.y + p.yError;
      }
      if (mark === 'bar') {
        const half = (series.barWidth ?? 0) / 2;
        row.x0 = p.x - half;
        row.x1 = p.x + half;
      }
      rows.push(row);
    }
  }
  const kinds = new Set(figure.series.map((s) => s.mark ?? 'line'));
  // Bars start at zero, so a figure with a histogram has a zero-based y scale in every layer.
  const xScale =
    figure.x.scale === 'log' || figure.x.scale === 'symlog'
      ? { type: figure.x.scale }
      : { zero: false };
  const x = { field: 'x', type: 'quantitative' as const, title: figure.x.title, scale: xScale };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    title: figure.y.title,
    scale:
      figure.y.scale === 'log' || figure.y.scale === 'symlog'
        ? { type: figure.y.scale }
        : { zero: kinds.has('bar') },
  };
  // Legend in series order, not alphabetical.
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: [...new Set(figure.series.map((s) => s.group ?? s.label))] },
  };
  const only = (mark: string) => [{ filter: { field: 'mark', equal: mark } }];
  const layer: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [];
  if (kinds.has('bar')) {
    layer.push({
      transform: only('bar'),
      mark: { type: 'rect', opacity: 0.55 },
      encoding: {
        x: { ...x, field: 'x0' },
        x2: { field: 'x1' },
        y,
        y2: { datum: 0 },
        color,
      },
    });
  }
  if (kinds.has('band')) {
    layer.push({
      transform: only('band'),
      mark: { type: 'area', opacity: 0.2, clip: true },
      encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
    });
  }
  if (kinds.has('line')) {
    layer.push({
      transform: only('line'),
      mark: { type: 'line', strokeWidth: 1.75, clip: true },
      encoding: {
        x,
        y,
        color,
        // One line per series and dash style, so a curve and its dashed reference stay apart.
        detail: { field: 'dash', type: 'nominal' },
        strokeDash: {
          field: 'dash',
          type: 'nominal',
          legend: null,
          scale: {
            domain: [false, true],
            range: [
              [1, 0],
              [6, 4],
            ],
          },
        },
        order: { field: 'x', type: 'quantitative' },
      },
    });
  }
  if (kinds.has('point')) {
    layer.push({
      transform: [{ filter: { and: [{ field: 'mark', equal: 'point' }, 'isValid(datum.lo)'] } }],
      mark: { type: 'rule', strokeWidth: 1 },
      encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
    });
    layer.push({
      transform: only('point'),
      mark: { type: 'point', filled: true, size: 28 },
      encoding: { x, y, color },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: figure.note === undefined ? figure.title : { text: figure.title, subtitle: figure.note },
    width: WIDTH,
    height: HEIGHT,
    background: 'white',
    data: { values: rows },
    layer,
    config: { font: 'sans-serif', legend: { labelLimit: 320 } },
  };
}

/**
 * Renders a figure of a report to a standalone SVG document, headless: vega-lite compiles the
 * specification ({@link figureSpec}, or `simplexSpec` for a figure on the simplex) to vega, and
 * a vega `View` with no renderer attached produces the SVG string (`View.toSVG`), which needs
 * neither a canvas nor a browser. Both load on the first figure: their module graphs are larger
 * than the rest of the library, which never needs them otherwise.
 */
export async function renderSvg(figure: ReportFigure): Promise<string> {
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const spec = 'kind' in figure ? simplexSpec(figure) : figureSpec(figure);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
