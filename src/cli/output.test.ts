import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { sampleReport } from '../../test/fixtures/report/sample-report.ts';
import { EXIT } from './exit-codes.ts';
import { printReport } from './output.ts';

const root = mkdtempSync(join(tmpdir(), 'rl-objective-publish-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

describe('printReport', () => {
  const exitOf = async (report: ReturnType<typeof sampleReport>) => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await printReport(report, join(root, String(Math.random())), false);
    return process.exitCode;
  };

  it('exits 0 when every check agrees, 1 on a disagreement', async () => {
    expect(await exitOf(sampleReport(true))).toBe(EXIT.ok);
    expect(await exitOf(sampleReport(false))).toBe(EXIT.disagree);
  });

  it('exits 3 when a check gave no verdict and none disagrees, 1 when one also disagrees', async () => {
    const report = sampleReport(false);
    const insufficient = { ...report.summary, disagree: 0, insufficient: 1 };
    expect(await exitOf({ ...report, summary: insufficient })).toBe(EXIT.insufficient);
    const both = { ...report.summary, checks: 3, disagree: 1, insufficient: 1 };
    expect(await exitOf({ ...report, summary: both })).toBe(EXIT.disagree);
  });
});
