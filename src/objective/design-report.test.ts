import { describe, expect, it } from 'vitest';
import { design } from './design-report.ts';
import { objective } from './objective-table.ts';

// The entry point `design`, called as a library user calls it. Deterministic: no false-fail rate.
describe('design', () => {
  it('designs identity exactly (h_M = t, c = 1) and names the scheme it built', () => {
    const report = design({ target: 'identity', M: 4 });
    expect(report).toMatchObject({ target: 'identity', M: 4, a: [0, 0, 0, 0], b: [1, 1, 1, 1] });
    expect(report.distance.distance).toBeLessThanOrEqual(1e-12);
    // The scheme it names is usable as it stands, and induces the same tables.
    expect(objective({ scheme: report.scheme, M: 4, t: [0.5] })).toMatchObject({ a: report.a });
  });

  it('passes nodes and split into the scheme it designs', () => {
    const report = design({ target: 'log', M: 8, nodes: 'midpoint', split: 'half' });
    expect(report.scheme).toContain('nodes=midpoint');
    expect(report.scheme).toContain('split=half');
    expect(report.a.every((a, s) => a === -report.b[s]!)).toBe(true);
  });
});
