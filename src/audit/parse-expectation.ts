import { InputError, quote } from '../errors/input-error.ts';
import { requireNonNegative } from '../errors/require.ts';
import { target } from '../targets/targets.ts';

/** Default tolerance of an expectation: the largest `targetDistance` that still passes. */
export const DEFAULT_EXPECT_TOL = 0.05;

/** An expected objective: a named target (canonical spec) and the largest distance allowed. */
export interface Expectation {
  readonly target: string;
  readonly tol: number;
}

/**
 * Parses `--expect NAME[:tol]` (MATH.md §3 named targets): `arcsin:0.05`, `identity`,
 * `passk:k=4:0.02`. A last `:`-part without `=` is the tolerance (default
 * {@link DEFAULT_EXPECT_TOL}); the rest is a target spec (`identity`, `log`, `logit`, `arcsin`,
 * `power:q=Q`, `passk:k=K`, `beta:a=A,b=B`). Throws an {@link InputError} for an unknown target or a bad tolerance.
 */
export function parseExpectation(text: string): Expectation {
  const colon = text.lastIndexOf(':');
  const last = colon < 0 ? '' : text.slice(colon + 1);
  const hasTol = colon >= 0 && !last.includes('=');
  const spec = hasTol ? text.slice(0, colon) : text;
  let tol = DEFAULT_EXPECT_TOL;
  if (hasTol) {
    tol = Number(last.trim());
    if (last.trim() === '' || Number.isNaN(tol)) {
      throw new InputError(
        `--expect ${quote(text)}: tolerance must be a number, got ${quote(last)}`,
      );
    }
    requireNonNegative(`--expect ${quote(text)}: tolerance`, tol);
  }
  if (spec.trim() === '') {
    throw new InputError(`--expect ${quote(text)}: expected NAME[:tol], e.g. arcsin:0.05`);
  }
  return { target: target(spec).spec, tol };
}
