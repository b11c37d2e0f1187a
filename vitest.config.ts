import { defineConfig } from 'vitest/config';

/** The false-fail total (test/support/budget/total.test.ts), run after every other file. */
const TOTAL = 'test/support/budget/total.test.ts';

// Two cores: vitest workers times piscina threads must stay at or below the core count,
// so test files that start a pool ask for at most one thread per vitest worker.
export default defineConfig({
  test: {
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The false-fail registry (test/support/budget/): one record directory per run, and a
    // record per test file; the total is checked by a second project, which vitest starts only
    // once every file of the first has finished.
    globalSetup: ['test/support/budget/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'tests',
          include: [
            'src/**/*.test.ts',
            'simulations/**/*.test.ts',
            'properties/**/*.test.ts',
            'bench/**/*.test.ts',
            'deploy/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          exclude: ['test/package/**', '**/node_modules/**', TOTAL],
          // The CLI that tests start in child processes, compiled once per run.
          globalSetup: ['test/support/cli/compiled-cli.ts'],
          setupFiles: ['test/support/budget/record-file.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'false-fail total', include: [TOTAL], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
