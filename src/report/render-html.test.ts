import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/fixtures/report/sample-report.ts';
import { renderHtml } from './render-html.ts';

describe('renderHtml', () => {
  const report = sampleReport(false);
  const svgs = new Map(report.figures.map((f) => [f.id, `<svg id="svg-${f.id}"></svg>`]));

  it('is self-contained: inline CSS and SVG, no script, link or remote URL', () => {
    const html = renderHtml(report, svgs);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
    for (const f of report.figures) expect(html).toContain(`data-figure="${f.id}"`);
  });

  it('escapes text, marks disagreements and leads with the summary line', () => {
    const html = renderHtml(report, svgs);
    expect(html).toContain('a|b &lt;x&gt;');
    expect(html).toContain('class="summary fail"');
    expect(html).toContain('1/2 checks agree (alpha 1e-6)');
    expect(html).toContain('<tr class="disagree">');
  });

  it('refuses a figure without an SVG', () => {
    expect(() => renderHtml(report, new Map())).toThrow("no SVG rendered for figure 'curves'");
  });
});
