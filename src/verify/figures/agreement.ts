import type { CheckRow, Figure, Series } from '../../report/model.ts';
import { grid } from './grid.ts';

/**
 * Estimate against closed form for every check, with ±resolution bars (MATH.md §6), one series
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
