// Whether the tests run under Stryker (docs/mutation.md), for the size sweeps that cap their group
// sizes there. Stryker's instrumented code is about a hundred times slower than the plain sources
// in the numeric loops, and each mutant reruns every test that reached it, so a sweep up to
// M = 100000 that `npm test` runs in seconds would take hours of a mutation run. The small sizes
// reach every branch of the mutated code; the large ones check accuracy at scale, which `npm test`
// keeps checking.
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** True in Stryker's runs (`provide` of vitest.stryker.config.ts); absent in `npm test`. */
    mutationRun?: boolean;
  }
}

/** The largest group size a capped size sweep reaches in a mutation run. */
export const MUTATION_MAX_M = 1024;

/** Whether this test file runs under Stryker, through vitest.stryker.config.ts. */
export function isMutationRun(): boolean {
  return inject('mutationRun') === true;
}

/**
 * The sizes of a sweep that run: every one of `sizes` in `npm test`; under Stryker only those at
 * most `max` (default {@link MUTATION_MAX_M}).
 */
export function sweepSizes(sizes: readonly number[], max = MUTATION_MAX_M): number[] {
  return isMutationRun() ? sizes.filter((M) => M <= max) : [...sizes];
}
