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
  check(value: unknown): void;
}

/** Builds a {@link Law} with a typed check (the type is erased so laws can share a list). */
export function law<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => void): Law {
  return { name, arbitrary, check: check as (value: unknown) => void };
}
