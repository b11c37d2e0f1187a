// The false-fail registry (CONTRIBUTING, Tests: "the family-wise rate of a whole `npm test` run
// stays at or below 1e-6"). Every Monte Carlo assertion registers its false-fail rate where it
// is made, through one of the two functions below, which record the rate and return it so that
// it can be passed on as the assertion's alpha. Each test file appends its registrations to its
// own record in the run's directory (vitest runs files in separate workers), and
// total.test.ts, which vitest runs after every other file, adds up the records of the whole run.
import { appendFileSync } from 'node:fs';
import { expect, inject } from 'vitest';
import { isProbability, type Registration, recordPath } from './registry.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's directory of false-fail records (global-setup.ts). */
    falseFailDir: string;
  }
}

/**
 * Ratio of the true to the nominal false-fail rate of a z-test whose run meets the library's
 * precondition of the normal approximation (`simulationPrecondition`): at most 1.45 on every
 * two-point law, computed exactly in src/stats/normal-approximation.test.ts. A verdict outside
 * the precondition is `insufficient`, never `agree` or `disagree`, so every asserted verdict is
 * inside it.
 */
export const NORMAL_APPROXIMATION_FACTOR = 1.5;

/** The record file of the test file running in this worker, created by record-file.ts. */
export function currentRecord(): { file: string; path: string } {
  const dir = inject('falseFailDir');
  const file = expect.getState().testPath;
  if (!dir || !file) {
    throw new Error(
      'the false-fail registry needs the globalSetup and setupFiles of vitest.config.ts',
    );
  }
  return { file, path: recordPath(dir, file) };
}

function record(rate: number): void {
  if (!isProbability(rate)) throw new Error(`a false-fail rate must be in [0, 1], got ${rate}`);
  const { file, path } = currentRecord();
  const entry: Registration = { file, test: expect.getState().currentTestName ?? '', rate };
  appendFileSync(path, `${JSON.stringify(entry)}\n`);
}

/**
 * Registers a Monte Carlo comparison, or Holm family of comparisons, decided by the library's
 * z-tests at family-wise rate `alpha`, and returns `alpha`. It counts
 * {@link NORMAL_APPROXIMATION_FACTOR} times `alpha`: the nominal rate assumes the normal
 * approximation. Call it where the assertion is made (inside the test), once per run whose
 * verdict is asserted.
 */
export function registerAlpha(alpha: number): number {
  record(NORMAL_APPROXIMATION_FACTOR * alpha);
  return alpha;
}

/**
 * Registers an assertion that fails with probability at most `rate` when the code is right (for
 * example a detection that misses a planted error, or a bound computed without the normal
 * approximation), and returns `rate`. The comment beside the call says where the bound comes
 * from.
 */
export function registerFalseFail(rate: number): number {
  record(rate);
  return rate;
}
