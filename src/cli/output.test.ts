import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { sampleReport } from '../../test/fixtures/report/sample-report.ts';
import { EXIT } from './exit-codes.ts';
import { printReport, progressBar } from './output.ts';

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

describe('progressBar', () => {
  it('draws on a terminal from its first update, with the total it is given', async () => {
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const bar = await progressBar('test {value}/{total}');
      bar.update(3, 7);
      bar.update(7, 7);
      bar.stop();
    } finally {
      write.mockRestore();
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    expect(written.join('')).toContain('test 3/7');
    expect(written.join('')).toContain('test 7/7');
  });

  it('shows nothing without a terminal', async () => {
    const write = vi.spyOn(process.stderr, 'write');
    const bar = await progressBar('test {value}/{total}');
    bar.update(3, 7);
    bar.stop();
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});
