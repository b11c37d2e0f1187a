// Mutation testing of the core mathematics (docs/mutation.md): `npm run mutation`, or
// `npm run mutation -- --mutate src/math/bernstein.ts` for one file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the test files that reach the mutated code (vitest.stryker.config.ts); the slow CLI,
  // simulation and report tests never import these files in-process and so kill nothing here.
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: [
    'src/math/**/*.ts',
    'src/objective/**/*.ts',
    'src/schemes/**/*.ts',
    'src/targets/**/*.ts',
    'src/stats/**/*.ts',
    'src/graded/**/*.ts',
    'src/estimators/closed-forms.ts',
    '!src/**/*.test.ts',
    '!src/**/index.ts',
  ],
  // Each mutant runs only the tests that reached it in the initial run.
  coverageAnalysis: 'perTest',
  // A re-run after a small change tests only the mutants whose code or tests changed; the state
  // file is committed so that a fresh clone starts from the last full run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two cores: two Stryker workers, each running vitest in one thread.
  concurrency: 2,
  // Generous for a loaded machine: a mutant that times out counts as detected, so a slow but
  // correct run must not be taken for an infinite loop.
  timeoutMS: 30_000,
  timeoutFactor: 2,
  // The initial run covers every test of vitest.stryker.config.ts in one thread; on a loaded
  // machine that takes longer than Stryker's default of 5 minutes.
  dryRunTimeoutMinutes: 40,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'coverage', 'reports', 'api', 'deploy', 'bench', '.vitest-cache'],
  thresholds: { high: 90, low: 80, break: null },
};
