import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/fixtures/report/sample-report.ts';
import { renderMarkdown } from './render-markdown.ts';

describe('renderMarkdown', () => {
  it('puts the summary line first and renders GitHub tables with escaped pipes', () => {
    const md = renderMarkdown(sampleReport());
    expect(md.split('\n')[0]).toBe('**2/2 checks agree (alpha 1e-6)**');
    expect(md).toContain('| id | theorem | scheme | M |');
    expect(md).toContain('`a\\|b <x>`');
    expect(md).toContain('[Two curves on a log axis](figures/curves.svg)');
    expect(md).not.toContain('## Disagreements');
  });

  it('lists disagreements in their own table', () => {
    const md = renderMarkdown(sampleReport(false));
    expect(md.split('\n')[0]).toBe('**1/2 checks agree (alpha 1e-6)**');
    expect(md).toContain('## Disagreements');
    expect(md).toContain('**NO**');
  });
});
