import type fc from 'fast-check';

/**
 * A named property, independent of the test runner: an arbitrary for its inputs and a check
 * that throws when the property fails. The same law runs against the library in a `*.test.ts`
 * file (`it.prop`) and against deliberately broken implementations in `mutants.test.ts`
 * (`fc.check`), which is how the suite shows that each check can fail.
 */
export interface Law {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<unknown>;
  /**
   * Number of fast-check runs, when the law fixes it: a Monte Carlo law splits its false-fail
   * budget over exactly this many runs (Bonferroni), so the runner must not change it.
   */
  readonly runs?: number;
  /** Throws (or rejects) when the property fails. */
  check(value: unknown): void | Promise<void>;
}

/** Builds a {@link Law} with a typed check (the type is erased so laws can share a list). */
export function law<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => void | Promise<void>,
  runs?: number,
): Law {
  return { name, arbitrary, check: check as Law['check'], ...(runs === undefined ? {} : { runs }) };
}
