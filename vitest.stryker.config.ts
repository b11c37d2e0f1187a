import { defineConfig } from 'vitest/config';
import { FastestFirstSequencer } from './test/support/mutation/fastest-first-sequencer.ts';

/**
 * The test files Stryker runs (stryker.config.mjs): those that import the mutated folders
 * in-process. The false-fail registry's setup stays, since the tests register their rates; its
 * total (test/support/budget/total.test.ts) is about a whole `npm test` and is left out.
 */
export default defineConfig({
  test: {
    // Stryker's instrumented code runs several times slower than the plain sources, and Stryker
    // times each mutant out itself (stryker.config.mjs), so vitest's own limit only has to stop
    // a test that never ends.
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
    // A mutant's run stops at its first failing test: the fast files first.
    sequence: { sequencer: FastestFirstSequencer },
    // The size sweeps read it and cap their group sizes (test/support/mutation/mutation-run.ts).
    provide: { mutationRun: true },
    globalSetup: ['test/support/budget/global-setup.ts'],
    // Stryker finds a test by its name, and a property test's name carries its seed: without a
    // fixed seed (the unit tests' properties draw one per process) the name changes between the
    // initial run and a mutant's, and the test is silently not run on the mutant.
    setupFiles: ['test/support/budget/record-file.ts', 'properties/setup.ts'],
    include: [
      'src/math/**/*.test.ts',
      'src/objective/**/*.test.ts',
      'src/schemes/**/*.test.ts',
      'src/targets/**/*.test.ts',
      'src/stats/**/*.test.ts',
      'src/graded/**/*.test.ts',
      'src/estimators/update-laws.test.ts',
      'src/estimators/closed-forms.test.ts',
      'properties/objective.test.ts',
      'properties/schemes.test.ts',
      'properties/design.test.ts',
      'properties/mutants.test.ts',
    ],
  },
});
