import { defineConfig } from 'vitest/config';

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

/**
 * The test files that change the state of the process they run in, and the checks of the whole
 * repository: each runs in a fresh module graph. The changes: spies on process.stdout and stderr
 * and a TTY stderr (exit-codes, output, isolated-module), the CLI run in-process, which sets
 * process.exitCode and installs signal handlers (audit-cli, class-audit-cli, directory-flags, the
 * CLI fuzz), the working directory (cli-argv), process.env and the Python bridge's signal
 * handlers (audit-python).
 *
 * Every other file calls the sources, whose module-level state is caches of pure results, or
 * starts the CLI in child processes: those files share one module graph per vitest worker, so
 * the sources are imported once per worker instead of once per file, which was a third of the
 * suite's CPU time.
 *
 * Their project's name sorts before the other's, so they start first (vitest orders files by
 * project name, then by the duration of the last run, or on a fresh clone by size): they hold
 * the Python bridge's file, one of the longest, which would otherwise start late and run alone
 * at the end.
 */
const ISOLATED = [
  'src/audit/audit-cli.test.ts',
  'src/audit/audit-python.test.ts',
  'src/audit/class-audit-cli.test.ts',
  'src/audit/isolated-module.test.ts',
  'src/cli/directory-flags.test.ts',
  'src/cli/exit-codes.test.ts',
  'src/cli/output.test.ts',
  'properties/fuzz/cli-argv.test.ts',
  'properties/fuzz/cli.test.ts',
  'test/**/*.test.ts',
];

/** Settings of both projects of the run's test files. */
const testFiles = {
  // The CLI that tests start in child processes, compiled once per run.
  globalSetup: ['test/support/cli/compiled-cli.ts'],
  setupFiles: ['test/support/budget/record-file.ts'],
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
