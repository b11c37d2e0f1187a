import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../report/write-report.ts';
import { THEOREM_IDS } from './check.ts';
import { verify } from './verify.ts';

// False-fail rate: the two Monte Carlo checks selected below are decided at alpha = 1e-8
// (Holm), so this file spends at most 1e-8 of the suite's 1e-6.
describe('verify', () => {
  it('produces a report with every figure and a consistent summary, and writes it', async () => {
    const keep = new Set([
      'weighted-gradient/grpo:std=population,eps=1e-8,eps-at=std/M=8/softmax',
      'pure-rejection-sampling/B=4/bernoulli/draws',
    ]);
    const report = await verify({
      budget: 'quick',
      alpha: 1e-8,
      seed: 7,
      select: (c) => c.kind === 'deterministic' || keep.has(c.id),
    });
    expect(report.figures.map((f) => f.id)).toEqual([
      'transforms',
      'rejection-sampling-vs-log',
      'grpo-normalized',
      'agreement',
      'z-calibration',
      'induced-objectives',
      'f-grpo-limit',
      'learning-curves',
    ]);
    expect(report.summary.monteCarlo).toBe(2);
    expect(report.summary.checks).toBe(report.checks.length);
    expect(report.summary.agree).toBe(report.checks.length);
    expect(Object.keys(report.summary.byTheorem)).toEqual(
      THEOREM_IDS.filter((t) => report.checks.some((r) => r.theorem === t)),
    );
    const dir = await mkdtemp(join(tmpdir(), 'rl-objective-verify-'));
    try {
      const paths = await writeReport(report, dir);
      const json = JSON.parse(await readFile(paths.json, 'utf8'));
      expect(Object.keys(json)).toEqual(
        expect.arrayContaining([
          'seed',
          'alpha',
          'versions',
          'command',
          'checks',
          'figures',
          'summary',
        ]),
      );
      expect(paths.figures).toHaveLength(8);
      expect((await readFile(paths.markdown, 'utf8')).split('\n')[0]).toMatch(
        /^\*\*\d+\/\d+ checks agree \(alpha 1e-8\)\*\*$/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
