import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/render-svg.ts';
import type { Simplex3 } from '../../report/simplex-figure.ts';
import { gradedFieldFigure } from './graded-figures.ts';

// Deterministic: no false-fail rate.

const figure = gradedFieldFigure();
const [grpo, dr] = figure.panels;

/** The plane vector of a tangent vector of the simplex (as the figure draws it). */
function plane(v: Simplex3): [number, number] {
  return [v[1] + v[2] / 2, (v[2] * Math.sqrt(3)) / 2];
}

describe('the graded field figure (docs/theory.md §10)', () => {
  it('GRPO: curl nowhere 0, no contours; Dr. GRPO: curl 0 everywhere, contours of J', () => {
    expect(grpo!.contours).toEqual([]);
    expect(Math.min(...grpo!.cells.map((c) => Math.abs(c.value)))).toBeGreaterThan(1);
    expect(Math.max(...dr!.cells.map((c) => Math.abs(c.value)))).toBeLessThan(1e-12);
    expect(dr!.contours.length).toBeGreaterThan(3);
    expect(dr!.contours.every((c) => c.segments.length > 0)).toBe(true);
  });

  it("Dr. GRPO's contours are perpendicular to its arrows (J's gradient), and its arrows parallel", () => {
    // J = (1 - 1/M) E[r] with levels 0, 1/2, 1: its contours q_1/2 + q_2 = const are parallel
    // lines, and W - mean(W) is the same vector everywhere.
    const [ax, ay] = plane(dr!.arrows[0]!.direction);
    for (const arrow of dr!.arrows) {
      const [x, y] = plane(arrow.direction);
      expect(Math.abs(x * ay - y * ax) / Math.hypot(ax, ay) ** 2).toBeLessThan(1e-12);
    }
    for (const contour of dr!.contours) {
      for (const [a, b] of contour.segments) {
        const [sx, sy] = plane([b[0] - a[0], b[1] - a[1], b[2] - a[2]]);
        const cos = (sx * ax + sy * ay) / (Math.hypot(sx, sy) * Math.hypot(ax, ay));
        expect(Math.abs(cos)).toBeLessThan(1e-9);
      }
    }
    // The check can fail: GRPO's arrows are not all parallel.
    const [gx, gy] = plane(grpo!.arrows[0]!.direction);
    const turned = grpo!.arrows.some((arrow) => {
      const [x, y] = plane(arrow.direction);
      return Math.abs(x * gy - y * gx) / Math.hypot(gx, gy) ** 2 > 1e-3;
    });
    expect(turned).toBe(true);
  });

  it('renders headless with both panels and the heat legend', async () => {
    const svg = await renderSvg(figure);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('GRPO (not closed: no J)');
    expect(svg).toContain('Dr. GRPO (closed: contours of J)');
    expect(svg).toContain('curl κ');
  });
});
