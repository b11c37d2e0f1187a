// The false-fail registry's bookkeeping, on planted run directories: each check of total.test.ts
// fails on a run that breaks it. Deterministic: false-fail rate 0.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  currentRecord,
  NORMAL_APPROXIMATION_FACTOR,
  registerAlpha,
  registerFalseFail,
} from './false-fail.ts';
import { checkRun, RUN_FILES, readRun, recordPath } from './registry.ts';

const root = mkdtempSync(join(tmpdir(), 'rl-objective-registry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A run directory with the given test files and, per file that left a record, its rates. */
function plantRun(name: string, runFiles: string[], records: Record<string, number[]>): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(join(dir, RUN_FILES), JSON.stringify(runFiles));
  for (const [file, rates] of Object.entries(records)) {
    const lines = [{ file }, ...rates.map((rate, i) => ({ file, test: `t${i}`, rate }))];
    writeFileSync(recordPath(dir, file), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }
  return dir;
}

describe('checkRun', () => {
  const files = ['/r/a.test.ts', '/r/b.test.ts', '/r/total.test.ts'];

  it('adds up every record of a complete run', () => {
    const dir = plantRun('complete', files, { '/r/a.test.ts': [1e-7, 2e-7], '/r/b.test.ts': [] });
    const check = checkRun(readRun(dir), '/r/total.test.ts');
    expect(check.problems).toEqual([]);
    expect(check.registrations).toBe(2);
    expect(check.total).toBeCloseTo(3e-7, 20);
  });

  it('fails when a file of the run left no record', () => {
    const dir = plantRun('missing', files, { '/r/a.test.ts': [1e-7] });
    expect(checkRun(readRun(dir), '/r/total.test.ts').problems).toEqual([
      '/r/b.test.ts ran but left no false-fail record: was the setup file skipped?',
    ]);
  });

  it('fails when the total is over the budget, or a rate is not a probability', () => {
    const over = plantRun('over', files, { '/r/a.test.ts': [6e-7], '/r/b.test.ts': [5e-7] });
    expect(checkRun(readRun(over), '/r/total.test.ts').problems).toEqual([
      'total 1.100e-6 exceeds 1e-6',
    ]);
    const nan = plantRun('nan', files, { '/r/a.test.ts': [Number.NaN], '/r/b.test.ts': [] });
    expect(checkRun(readRun(nan), '/r/total.test.ts').problems).toEqual([
      '/r/a.test.ts > t0: rate null is not in [0, 1]',
    ]);
  });

  it('fails on a record from outside the run, and on a run without its list of files', () => {
    const stray = plantRun('stray', files, {
      '/r/a.test.ts': [],
      '/r/b.test.ts': [],
      '/elsewhere.test.ts': [],
    });
    expect(checkRun(readRun(stray), '/r/total.test.ts').problems).toEqual([
      '/elsewhere.test.ts left a record but is not in the run',
    ]);
    const unlisted = plantRun('unlisted', [], { '/r/a.test.ts': [] });
    rmSync(join(unlisted, RUN_FILES));
    expect(checkRun(readRun(unlisted), '/r/total.test.ts').problems).toEqual([
      `no list of the run's test files (${RUN_FILES})`,
      '/r/a.test.ts left a record but is not in the run',
    ]);
  });
});

describe('registering', () => {
  it("appends to this file's record, counting a z-test's alpha 1.5 times, and returns the rate", () => {
    expect(registerAlpha(0)).toBe(0);
    expect(registerFalseFail(0)).toBe(0);
    const { file, path } = currentRecord();
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ file });
    expect(lines.slice(-2)).toEqual([
      { file, test: expect.stringContaining('appends'), rate: 0 },
      { file, test: expect.stringContaining('appends'), rate: 0 },
    ]);
    expect(NORMAL_APPROXIMATION_FACTOR).toBe(1.5);
    expect(() => registerFalseFail(Number.NaN)).toThrow('must be in [0, 1], got NaN');
    expect(() => registerAlpha(2)).toThrow('must be in [0, 1], got 3');
  });
});
