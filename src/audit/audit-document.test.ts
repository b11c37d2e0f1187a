import { describe, expect, it } from 'vitest';
import { causalBaseline, verlGrpo } from '../../test/conventions/index.ts';
import { auditDocument } from './audit-document.ts';
import { auditFunction } from './audit-function.ts';
import { checkExpectation, parseExpectation } from './expect-objective.ts';

const provenance = { source: 'test', command: 'rl-objective audit', seed: 0, relTol: 1e-9 };

describe('auditDocument', () => {
  it('turns a count-form audit with an expectation into checks and a figure per size', async () => {
    const report = await auditFunction((r) => verlGrpo(r), { M: [8, 64] });
    const verdict = checkExpectation(report, parseExpectation('arcsin:0.1'));
    const doc = auditDocument(report, provenance, verdict);
    expect(doc.checks.map((c) => [c.id, c.agree])).toEqual([
      ['count-form-M8', true],
      ['count-form-M64', true],
      ['expect-arcsin-M8', true],
      ['expect-arcsin-M64', true],
    ]);
    expect(doc.summary).toMatchObject({ checks: 4, agree: 4, disagree: 0 });
    expect(doc.figures.map((f) => f.id)).toEqual(['induced-objective-M8', 'induced-objective-M64']);
    const figure = doc.figures[1]!;
    if (!('series' in figure)) throw new Error('curves expected');
    const [induced, ...targets] = figure.series;
    expect(induced!.points).toHaveLength(201);
    expect(induced!.points.at(-1)!.y).toBeCloseTo(1, 12);
    // The arcsin curve is drawn rescaled as its distance rescales it (to 0 at t = 0 and 1 at
    // t = 1, like h_M/h_M(1)): the largest gap to the induced curve over the figure's 201 points
    // (the audit's 101 among them) is the distance, up to what falls between grid points.
    const arcsin = targets.find((s) => s.params.target === 'arcsin')!;
    expect(arcsin.points).toHaveLength(201);
    const distance = report.bySize[1]!.distances!.arcsin!;
    const gap = Math.max(
      ...arcsin.points.map((p) => {
        const near = induced!.points.reduce((x, y) =>
          Math.abs(y.x - p.x) < Math.abs(x.x - p.x) ? y : x,
        );
        return Math.abs(near.x - p.x) < 1e-12 ? Math.abs(near.y - p.y) : 0;
      }),
    );
    expect(gap).toBeGreaterThanOrEqual(distance - 1e-12);
    expect(gap).toBeLessThan(distance * 1.2);
  });

  it('lists each violating cell as a failing check and draws no figure', async () => {
    const report = await auditFunction(causalBaseline, { M: 4 });
    const doc = auditDocument(report, provenance);
    expect(doc.checks).toHaveLength(report.violations.length);
    expect(
      doc.checks.every(
        (c) => !c.agree && c.detail === report.violations[doc.checks.indexOf(c)]!.reason,
      ),
    ).toBe(true);
    expect(doc.figures).toEqual([]);
  });
});
