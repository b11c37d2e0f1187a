/**
 * The failure of a law's own check outside vitest's `expect` (a tolerance helper's): with
 * vitest's AssertionError, the only errors that count as a law catching a mutant.
 */
export class LawFailure extends Error {
  override readonly name = 'LawFailure';
}

/** Whether `error` is a law's own failure: an assertion of `expect`, or a {@link LawFailure}. */
export function isLawFailure(error: unknown): boolean {
  return error instanceof LawFailure || (error instanceof Error && error.name === 'AssertionError');
}
