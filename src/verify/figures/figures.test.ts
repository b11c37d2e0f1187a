import { describe, expect, it } from 'vitest';
import type { CheckRow } from '../../report/model.ts';
import { learningCurvesFigure } from './learning-curves.ts';
import {
  fGrpoLimitFigure,
  grpoNormalizedFigure,
  inducedObjectivesFigure,
  rejectionSamplingVsLogFigure,
  transformsFigure,
} from './objective-figures.ts';
import { agreementFigure, zCalibrationFigure } from './verdict-figures.ts';

const curves = (figure: { series: readonly { mark?: string; points: readonly unknown[] }[] }) =>
  figure.series.filter((s) => (s.mark ?? 'line') === 'line');

describe('figures', () => {
  it('every curve has at least 200 points, all finite', () => {
    const row = { theorem: 'weighted-gradient', closedForm: 0.2, estimate: 0.21, resolution: 0.02 };
    for (const figure of [
      transformsFigure(),
      rejectionSamplingVsLogFigure(),
      grpoNormalizedFigure(),
      inducedObjectivesFigure(),
      fGrpoLimitFigure(),
      learningCurvesFigure(),
      agreementFigure([row as CheckRow]),
      zCalibrationFigure([0.1, -1.2, 2]),
    ]) {
      expect(curves(figure).length).toBeGreaterThan(0);
      for (const s of curves(figure)) {
        expect(s.points.length).toBeGreaterThanOrEqual(200);
        for (const p of s.points as { x: number; y: number }[]) {
          expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        }
      }
    }
  });

  it('figure 2 runs from e^-6 to 1 on a log axis with params {M}; figure 3 has the paper curves', () => {
    const rs = rejectionSamplingVsLogFigure();
    expect(rs.x.scale).toBe('log');
    const first = rs.series[0]!.points;
    expect(first[0]!.x).toBeCloseTo(Math.exp(-6), 14);
    expect(first[first.length - 1]!.x).toBe(1);
    expect(rs.series.slice(0, 3).map((s) => s.params.M)).toEqual([2, 16, 256]);
    // h_M(1) - (H_M - 1) = 1 = ln 1 + 1 for rejection sampling.
    for (const s of rs.series) expect(s.points[s.points.length - 1]!.y).toBeCloseTo(1, 12);
    const grpo = grpoNormalizedFigure().series.map(
      (s) => `${s.params.M}/${s.params.eps}/${s.params.std}`,
    );
    for (const want of ['2/1e-8', '16/1e-8', '256/1e-8', '128/1e-8', '128/0.1']) {
      expect(grpo).toContain(`${want}/population`);
    }
  });

  it('GRPO at M = 2 is exactly t after normalization', () => {
    const m2 = grpoNormalizedFigure().series[0]!;
    for (const p of m2.points) expect(p.y).toBeCloseTo(p.x, 12);
  });

  it('the calibration histogram integrates to 1 and prints the KS distance', () => {
    const figure = zCalibrationFigure([-0.3, 0.2, 1.1, -1.7, 0.05]);
    const bars = figure.series[0]!;
    const area = bars.points.reduce((sum, p) => sum + p.y * bars.barWidth!, 0);
    expect(area).toBeCloseTo(1, 12);
    expect(figure.note).toMatch(/^Kolmogorov–Smirnov distance 0\.\d+ over 5 z-scores$/);
  });
});

describe('zCalibrationFigure with an extreme z', () => {
  it('keeps the histogram on [-8, 8] and says how many fell outside', () => {
    const figure = zCalibrationFigure([0.1, 1e15, -3]);
    const bars = figure.series[0]!;
    expect(bars.points.length).toBe(32);
    expect(figure.note).toContain('(1 beyond ±8, drawn in the edge bins)');
  });

  it('F-GRPO (gamma = 1) at M = 8, 64, 256, 4096 approaches I_t(1/2, 3/2), and ends at 1', () => {
    const figure = fGrpoLimitFigure();
    expect(figure.series.map((s) => s.params.M ?? s.params.target)).toEqual([
      8,
      64,
      256,
      4096,
      'beta:a=0.5,b=1.5',
    ]);
    const distances = figure.series.slice(0, 4).map((s) => s.params.distance as number);
    for (let i = 1; i < 4; i++) expect(distances[i]!).toBeLessThan(distances[i - 1]!);
    expect(distances[3]!).toBeLessThan(0.02);
    for (const s of figure.series) expect(s.points.at(-1)).toEqual({ x: 1, y: 1 });
  });
});
