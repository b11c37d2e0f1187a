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

  it('reports the one sup distance of docs/objective.md on its grid', () => {
    // pass@4 at M = 8 is designed exactly (h' a polynomial of degree 3 <= M - 1).
    const exact = design({ target: 'passk:k=4', M: 8, grid: 11 });
    expect(exact.distance).toMatchObject({ lo: 0, hi: 1, points: 11 });
    expect(exact.distance.distance).toBeLessThanOrEqual(8 * Number.EPSILON);
    // log at M = 8: h_M from the objective table of the scheme it names, both rescaled by hand on
    // [0.01, 1] (log is infinite at 0, so lo is the first grid point above 0), the largest gap.
    const log = design({ target: 'log', M: 8 });
    const ts = Array.from({ length: 101 }, (_, j) => j / 100);
    const table = objective({ scheme: log.scheme, M: 8, t: ts.slice(1) });
    const hs = table.points.map((p) => p.h);
    const hHat = hs.map((h) => (h - hs[0]!) / (hs.at(-1)! - hs[0]!));
    const logHat = ts.slice(1).map((t) => Math.log(t / 0.01) / Math.log(1 / 0.01));
    const expected = Math.max(...hHat.map((h, j) => Math.abs(h - logHat[j]!)));
    expect(log.distance).toMatchObject({ lo: 0.01, hi: 1, points: 100 });
    expect(Math.abs(log.distance.distance - expected)).toBeLessThanOrEqual(1e-12);
  });

  it('refuses a grid of fewer than two points', () => {
    expect(() => design({ target: 'log', M: 4, grid: 1 })).toThrow(/grid must be at least 2/);
  });
});
