import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/fixtures/report/sample-report.ts';
import { renderSvg } from './render-svg.ts';

describe('renderSvg', () => {
  it('renders every mark kind headless to a standalone SVG with its title and legend', async () => {
    for (const figure of sampleReport().figures) {
      const svg = await renderSvg(figure);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(figure.title.replace('&', '&amp;'));
      const labels =
        'series' in figure ? figure.series.map((s) => s.label) : figure.panels.map((p) => p.title);
      for (const label of labels) expect(svg).toContain(label.replace('&', '&amp;'));
      expect(svg).not.toMatch(/href="http/);
    }
  });

  it('prints the note as a subtitle and uses a log axis when asked', async () => {
    const [curves, , histogram] = sampleReport().figures;
    expect(await renderSvg(histogram!)).toContain('KS distance 0.05');
    // On a log axis from 0.0025 to 1 the tick labels are powers of ten.
    expect(await renderSvg(curves!)).toMatch(/>0\.01</);
  });
});
