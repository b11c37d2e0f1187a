import { describe, expect, it } from 'vitest';
import {
  causalBaseline,
  opoLengthBaseline,
  reinforcePlusPlus,
  sampleGroups,
  trlGrpo,
} from '../../test/conventions/index.ts';
import { substream } from '../rng/substream.ts';
import { auditFunction } from './audit-function.ts';
import { auditGroups } from './audit-traces.ts';
import type { AuditReport, ObservedGroup } from './types.ts';

// docs/theory.md §2 "When it does not apply" and §7 "Not count form": each of these is reported as not
// count form with a concrete violation (two different weights for one cell), and never with an h.

/** Lines of a trace: batches of `perBatch` groups of size M, weighted by `batch`. */
function traceOf(
  M: number,
  batches: number,
  perBatch: number,
  batch: (groups: number[][], b: number) => number[][],
): ObservedGroup[] {
  const lines: ObservedGroup[] = [];
  for (let b = 0; b < batches; b++) {
    const groups = sampleGroups(M, perBatch, `not-count-form/${b}`);
    batch(groups, b).forEach((advantages, n) => {
      lines.push({ rewards: groups[n]!, advantages, where: { line: lines.length + 1 } });
    });
  }
  return lines;
}

/** OpenRLHF's REINFORCE++ on one batch, with response lengths of 1 to 512 tokens. */
function reinforcePlusPlusBatch(groups: number[][], b: number): number[][] {
  const uniform = substream('not-count-form/lengths', b);
  return reinforcePlusPlus(
    groups,
    groups.map((rewards) => rewards.map(() => 1 + Math.floor(uniform() * 512))),
  );
}

function expectNoObjective(report: AuditReport): void {
  expect(report.countForm).toBe(false);
  expect(report.violations.length).toBeGreaterThan(0);
  for (const v of report.violations) {
    expect(v.values).toHaveLength(2);
    expect(Math.abs(v.values[0]! - v.values[1]!)).toBeGreaterThan(1e-6);
    expect(v.K).toBeGreaterThanOrEqual(v.R);
    expect(v.reason).toMatch(/^cell \(R=[01], S=\d+\): response \d+ of (line|pattern) /);
  }
  for (const size of report.bySize) {
    expect(size.a).toBeNull();
    expect(size.b).toBeNull();
    expect(size.nearest).toBeNull();
    expect(size.distances).toBeNull();
    expect(size.points).toEqual([]);
  }
}

describe('inputs that are not count form', () => {
  it('position-dependent weights (a baseline over earlier responses), as a module', async () => {
    const report = await auditFunction(causalBaseline, { M: 6 });
    expectNoObjective(report);
    const first = report.violations[0]!;
    expect(first).toMatchObject({ pattern: '100000', M: 6, K: 1, R: 0, values: [-1, -0.2] });
    expect(first.reason).toContain('position in the group');
  });

  it('position-dependent weights beyond the exhaustive range (M = 24, random arrangements)', async () => {
    expectNoObjective(await auditFunction(causalBaseline, { M: 24, samples: 64 }));
  });

  it("OPO's length-weighted baseline with the response lengths hidden from the audit", async () => {
    const lengths = substream('opo-lengths');
    const report = await auditGroups(
      traceOf(8, 1, 400, (groups) =>
        groups.map((rewards) =>
          opoLengthBaseline(
            rewards,
            rewards.map(() => 10 + Math.floor(lengths() * 990)),
          ),
        ),
      ),
    );
    expectNoObjective(report);
    // The baseline is shared by the group, so the disagreement is between groups with the same K.
    expect(report.violations[0]!.reason).toContain('response lengths');
  });

  it("REINFORCE++'s per-token batch whitening across groups (OpenRLHF)", async () => {
    const report = await auditGroups(traceOf(8, 40, 16, reinforcePlusPlusBatch));
    expectNoObjective(report);
    expect(report.violations.some((v) => v.reason.includes('other groups in the batch'))).toBe(
      true,
    );
  });

  it('TRL scale_rewards="batch": the std of the whole batch', async () => {
    const report = await auditGroups(
      traceOf(8, 40, 16, (groups) => trlGrpo(groups, { scaleRewards: 'batch' })),
    );
    expectNoObjective(report);
    // Each violating cell spans two lines of different batches (16 lines per batch).
    const v = report.violations[0]!;
    expect('line' in v).toBe(true);
  });

  it('a non-finite weight (std 0 without eps) is a violation, not an h', async () => {
    const report = await auditFunction(
      (rewards) => {
        const mean = rewards.reduce((x, y) => x + y, 0) / rewards.length;
        const sd = Math.sqrt(rewards.reduce((x, r) => x + (r - mean) ** 2, 0) / rewards.length);
        return rewards.map((r) => (r - mean) / sd);
      },
      { M: 4 },
    );
    expect(report.countForm).toBe(false);
    expect(report.violations.map((v) => [v.K, v.R, v.values])).toEqual([
      [0, 0, [Number.NaN]],
      [4, 1, [Number.NaN]],
    ]);
    expect(report.violations[0]!.reason).toContain('must be a finite number');
    expect(report.bySize[0]!.a).toBeNull();
  });

  it('a count-form size in the same trace keeps its tables; the violating size does not', async () => {
    const good = traceOf(4, 1, 300, (groups) => trlGrpo(groups));
    const bad = traceOf(5, 20, 8, reinforcePlusPlusBatch);
    const report = await auditGroups([...good, ...bad]);
    expect(report.countForm).toBe(false);
    expect(report.violations.every((v) => v.M === 5)).toBe(true);
    expect(report.bySize[0]!.M).toBe(4);
    expect(report.bySize[0]!.nearest).not.toBeNull();
    expect(report.bySize[1]!.a).toBeNull();
  });
});
