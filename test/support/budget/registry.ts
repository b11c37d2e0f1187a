// The false-fail registry's records and the check of their total. A test file's registrations go
// to one JSON-lines file of a per-run directory (false-fail.ts); this file reads them back.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The family-wise false-fail rate one `npm test` may spend (CONTRIBUTING, Tests). */
export const SUITE_BUDGET = 1e-6;

/** The file of the run directory that lists every test file of the run (written by global-setup.ts). */
export const RUN_FILES = 'run-files.json';

/** One registered Monte Carlo assertion. */
export interface Registration {
  /** The test file, as vitest names it (an absolute path). */
  readonly file: string;
  /** The test that made the assertion. */
  readonly test: string;
  /** The bound on its false-fail rate that counts towards the total. */
  readonly rate: number;
}

/** The record file of one test file in the run directory: named by a hash of its path. */
export function recordPath(dir: string, file: string): string {
  return join(dir, `${createHash('sha256').update(file).digest('hex').slice(0, 32)}.jsonl`);
}

/** What a run directory holds: the files of the run, and the registrations of each file that ran. */
export interface RunRecords {
  readonly runFiles: readonly string[];
  /** Per test file that wrote its record: its registrations (none is an empty list). */
  readonly recorded: ReadonlyMap<string, readonly Registration[]>;
}

/** Reads a run directory (see {@link RunRecords}). */
export function readRun(dir: string): RunRecords {
  const runPath = join(dir, RUN_FILES);
  const runFiles: string[] = existsSync(runPath) ? JSON.parse(readFileSync(runPath, 'utf8')) : [];
  const recorded = new Map<string, Registration[]>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean);
    const [header, ...rest] = lines.map((line) => JSON.parse(line));
    recorded.set(header.file, rest as Registration[]);
  }
  return { runFiles, recorded };
}

/** Whether `rate` is a number in [0, 1] (a JSON null, which a NaN becomes, is not). */
export function isProbability(rate: unknown): rate is number {
  return typeof rate === 'number' && rate >= 0 && rate <= 1;
}

/** The verdict on a run's registry: its total, and every reason it cannot be trusted. */
export interface RegistryCheck {
  readonly total: number;
  readonly registrations: number;
  readonly problems: string[];
}

/**
 * Adds up the registrations of a run and lists what is wrong with it: a test file of the run
 * (other than `self`, the file doing the check) that left no record, a record of a file outside
 * the run, a rate that is not a number in [0, 1], or a total above `budget`.
 */
export function checkRun(run: RunRecords, self: string, budget = SUITE_BUDGET): RegistryCheck {
  const problems: string[] = [];
  if (run.runFiles.length === 0) problems.push(`no list of the run's test files (${RUN_FILES})`);
  for (const file of run.runFiles) {
    if (file !== self && !run.recorded.has(file)) {
      problems.push(`${file} ran but left no false-fail record: was the setup file skipped?`);
    }
  }
  let total = 0;
  let registrations = 0;
  for (const [file, entries] of run.recorded) {
    if (!run.runFiles.includes(file)) problems.push(`${file} left a record but is not in the run`);
    for (const entry of entries) {
      if (!isProbability(entry.rate)) {
        problems.push(`${file} > ${entry.test}: rate ${entry.rate} is not in [0, 1]`);
      }
      total += Number(entry.rate);
      registrations++;
    }
  }
  if (!(total <= budget))
    problems.push(`total ${total.toExponential(3)} exceeds ${budget.toExponential()}`);
  return { total, registrations, problems };
}
