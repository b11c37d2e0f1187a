import { defineConfig } from 'vitest/config';
import { ISOLATED } from './test/support/isolation/isolated-tests.ts';

/** The false-fail total (test/support/budget/total.test.ts), run after every other file. */
const TOTAL = 'test/support/budget/total.test.ts';

/** Every test file of `npm test`. */
const TEST_FILES = [
  'src/**/*.test.ts',
  'simulations/**/*.test.ts',
  'properties/**/*.test.ts',
  'bench/**/*.test.ts',
  'deploy/**/*.test.ts',
  'test/**/*.test.ts',
];

/** Settings of both projects of the run's test files. */
const testFiles = {
  // The CLI that tests start in child processes, compiled once per run.
  globalSetup: ['test/support/cli/compiled-cli.ts'],
  // properties/setup.ts fixes fast-check's seed for every file, not only those that import it:
  // a property's seed is part of its test's name, and a run must be deterministic.
  setupFiles: ['test/support/budget/record-file.ts', 'properties/setup.ts'],
};

// Two cores: vitest workers times piscina threads must stay at or below the core count,
// so test files that start a pool ask for at most one thread per vitest worker.
export default defineConfig({
  test: {
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The false-fail registry (test/support/budget/): one record directory per run, and a
    // record per test file; the total is checked by a third project, which vitest starts only
    // once every file of the first two has finished.
    globalSetup: ['test/support/budget/global-setup.ts'],
    // The files that change their process's state run in a fresh module graph each
    // (test/support/isolation/isolated-tests.ts); the others share one per vitest worker. The
    // isolated project's name sorts first, so its files start first (vitest orders files by
    // project name, then by the last run's durations, or on a fresh clone by size): they hold
    // the Python bridge's file, one of the longest, which would otherwise run alone at the end.
    projects: [
      {
        extends: true,
        test: {
          name: 'tests',
          include: TEST_FILES,
          exclude: ['test/package/**', '**/node_modules/**', TOTAL, ...ISOLATED],
          isolate: false,
          ...testFiles,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ISOLATED,
          exclude: ['test/package/**', '**/node_modules/**', TOTAL],
          ...testFiles,
        },
      },
      {
        extends: true,
        test: { name: 'false-fail total', include: [TOTAL], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
