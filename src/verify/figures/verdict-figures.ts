import { grid } from '../../math/index.ts';
import { type CheckRow, type Figure, formatNumber, type Series } from '../../report/index.ts';
import { ksDistance } from '../../stats/index.ts';

/**
 * Estimate against closed form for every check, with ±resolution bars (docs/theory.md §6), one series
 * per theorem id, and the line `estimate = closedForm` on 200 points across their range.
 * Bound checks (`at-most`) appear too: their "closed form" is the bound.
 */
export function agreementFigure(rows: readonly CheckRow[]): Figure {
  const finite = rows.filter((r) => Number.isFinite(r.closedForm) && Number.isFinite(r.estimate));
  const theorems = [...new Set(finite.map((r) => r.theorem))];
  const series: Series[] = theorems.map((theorem) => ({
    label: theorem,
    params: { theorem },
    mark: 'point',
    points: finite
      .filter((r) => r.theorem === theorem)
      .map((r) => ({ x: r.closedForm, y: r.estimate, yError: r.resolution })),
  }));
  const xs = finite.map((r) => r.closedForm);
  const lo = xs.length > 0 ? Math.min(...xs) : 0;
  const hi = xs.length > 0 ? Math.max(...xs) : 1;
  series.unshift({
    label: 'estimate = closed form',
    params: {},
    points: grid(lo, hi > lo ? hi : lo + 1, 200).map((x) => ({ x, y: x })),
  });
  return {
    id: 'agreement',
    title: 'Estimate against closed form, ± resolution, every check',
    // Closed forms range from 1e-15 to ~1e2 and have both signs: symmetric-log axes.
    x: { title: 'closed form', scale: 'symlog' },
    y: { title: 'estimate', scale: 'symlog' },
    series,
  };
}

/** Histogram bin width, in standard deviations. */
const WIDTH = 0.5;
/** The histogram spans [-LIMIT, LIMIT]; z-scores beyond are counted in the edge bins. */
const LIMIT = 8;

/**
 * Calibration (docs/theory.md §6): a density histogram of the Monte Carlo z-scores (one per check, its
 * first component, chosen before seeing the data so that it is N(0, 1) under agreement) against
 * the N(0, 1) density, with their Kolmogorov–Smirnov distance printed under the title.
 */
export function zCalibrationFigure(z: readonly number[]): Figure {
  const finite = z.filter(Number.isFinite);
  const extreme = finite.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const hi = Math.min(LIMIT, Math.max(4, Math.ceil(extreme / WIDTH) * WIDTH));
  const lo = -hi;
  const bins = Math.round((hi - lo) / WIDTH);
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) {
    counts[Math.max(0, Math.min(bins - 1, Math.floor((v - lo) / WIDTH)))]! += 1;
  }
  const outside = finite.filter((v) => Math.abs(v) > hi).length;
  const n = Math.max(finite.length, 1);
  const ks = ksDistance(finite);
  return {
    id: 'z-calibration',
    title: 'Calibration: z-scores against N(0, 1)',
    x: { title: 'z' },
    y: { title: 'density' },
    note:
      `Kolmogorov–Smirnov distance ${formatNumber(ks)} over ${finite.length} z-scores` +
      (outside > 0 ? ` (${outside} beyond ±${hi}, drawn in the edge bins)` : ''),
    series: [
      {
        label: `z-scores (${finite.length})`,
        params: { n: finite.length, ks },
        mark: 'bar',
        barWidth: WIDTH,
        points: counts.map((count, i) => ({ x: lo + (i + 0.5) * WIDTH, y: count / (n * WIDTH) })),
      },
      {
        label: 'N(0, 1) density',
        params: {},
        points: grid(lo, hi, 241).map((x) => ({
          x,
          y: Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI),
        })),
      },
    ],
  };
}
