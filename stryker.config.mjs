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
  // A static mutant (in code that runs when a module loads: tables and help strings built at the
  // top level) is reached by no test in particular, so Stryker runs every test of the initial run
  // on it, and the few of them cost as much as all the others. They are reported as ignored;
  // `MUTATION_STATIC=1` tests them, for one file at a time (docs/mutation.md).
  ignoreStatic: process.env.MUTATION_STATIC !== '1',
  // A re-run after a small change tests only the mutants whose code or tests changed; the state
  // file is committed so that a fresh clone starts from the last full run.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Two cores: two Stryker workers, each running vitest in one thread.
  concurrency: 2,
  // A mutant's limit is twice its tests' time in the initial run, which already ran the slower
  // instrumented code on the same machine, plus this margin: a slow but correct run must not be
  // taken for an infinite loop (a timed-out mutant counts as detected), and each mutant that
  // loops costs the whole margin and a restart of its worker.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  // The initial run covers every test of vitest.stryker.config.ts in one thread; on a loaded
  // machine that takes longer than Stryker's default of 5 minutes.
  dryRunTimeoutMinutes: 40,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'coverage', 'reports', 'api', 'deploy', 'bench', '.vitest-cache'],
  thresholds: { high: 90, low: 80, break: null },
};
