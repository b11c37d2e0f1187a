import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerAlpha } from '../../test/support/budget/false-fail.ts';
import { StoppedRun } from '../estimators/index.ts';
import type { Report } from '../report/model.ts';
import { writeReport } from '../report/write-report.ts';
import { type Check, THEOREM_IDS } from './check.ts';
import { verify, verifyShard } from './verify.ts';

// False-fail rate: the two Monte Carlo checks selected below are decided at alpha = 1e-8
// (Holm), registered.
describe('verify', () => {
  it('produces a report with every figure and a consistent summary, and writes it', async () => {
    const keep = new Set([
      'weighted-gradient/grpo:std=population,eps=1e-8,eps-at=std/M=8/softmax',
      'pure-rejection-sampling/B=4/bernoulli/draws',
    ]);
    const report = await verify({
      budget: 'quick',
      alpha: registerAlpha(1e-8),
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
      'graded-field',
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
      expect(paths.figures).toHaveLength(9);
      expect((await readFile(paths.markdown, 'utf8')).split('\n')[0]).toMatch(
        /^\*\*\d+\/\d+ checks agree \(alpha 1e-8\)\*\*$/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Numbers from fixed seeds are compared and no verdict is asserted: no false-fail rate.
describe('verify with a report directory', () => {
  const chosen = new Set([
    'weighted-gradient/reinforce/M=2/bernoulli',
    'pure-rejection-sampling/B=1/bernoulli/gradient',
  ]);
  const settings = {
    budget: 'quick' as const,
    seed: 5,
    select: (c: Check) => chosen.has(c.id),
  };
  /** Every row's numbers, timings left out. */
  const numbers = (report: Report) => report.checks.map(({ seconds: _, ...row }) => row);

  it('stops keeping its chunks, resumes to the report of an uninterrupted run, and writes it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'rl-objective-verify-out-'));
    try {
      const controller = new AbortController();
      const progress = () => ({
        start() {},
        advance() {},
        done() {
          controller.abort(new Error('stop'));
        },
        stop() {},
      });
      const stopped = await verify({ ...settings, out, progress, signal: controller.signal }).catch(
        (e: unknown) => e,
      );
      expect(stopped).toBeInstanceOf(StoppedRun);
      expect(stopped).toMatchObject({ reason: 'interrupted', kept: 4, chunks: 5 });
      const resumed = await verify({ ...settings, out, resume: true });
      expect(numbers(resumed)).toEqual(numbers(await verify(settings)));
      expect(existsSync(join(out, 'checkpoint'))).toBe(false);
      const written = JSON.parse(await readFile(join(out, 'agreement.json'), 'utf8'));
      expect(written.checks.map((row: { id: string }) => row.id)).toEqual([...chosen]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('a shard writes its part, and a resumed shard whose part is written returns it as it is', async () => {
    const out = await mkdtemp(join(tmpdir(), 'rl-objective-verify-shard-'));
    try {
      const part = await verifyShard({ ...settings, shard: '1/2', out });
      expect(Object.keys(part.chunks)).toEqual(['1', '3']);
      expect(existsSync(join(out, 'partial.json'))).toBe(true);
      const again = await verifyShard({ ...settings, shard: '1/2', out, resume: true });
      expect(again.chunks).toEqual(JSON.parse(JSON.stringify(part.chunks)));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
