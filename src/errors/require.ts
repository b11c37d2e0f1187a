import { InputError, quote } from './input-error.ts';
import { LIMITS } from './limits.ts';

/**
 * Validation shared by the library API and the CLI. Each returns its argument when valid and
 * throws {@link InputError} naming the input otherwise, so a bad value never travels further
 * than the boundary where it entered.
 */

/**
 * Requires a positive safe integer, e.g. a seed count. An integer beyond `2^53 - 1` (`1e20`) is
 * told so, not that it is not a positive integer.
 */
export function requirePositiveInteger(name: string, value: number): number {
  requireSafe(name, value);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InputError(`${name} must be a positive integer, got ${show(value)}`);
  }
  return value;
}

/** Requires a non-negative safe integer, e.g. a polynomial degree `n` or a count `k`. */
export function requireCount(name: string, value: number): number {
  requireSafe(name, value);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InputError(`${name} must be a non-negative integer, got ${show(value)}`);
  }
  return value;
}

/**
 * Requires a positive integer of at most `limit.max` (one of `LIMITS`, limits.ts): a size such
 * as the group size `M`, checked before any work. The message of a size above the limit names
 * the limit and why it exists, e.g. `M must be at most 1000000 (tables of M entries ...), got
 * 1e+20`, whether or not the size is a safe integer.
 */
export function requireSize(
  name: string,
  value: number,
  limit: { readonly max: number; readonly why: string },
): number {
  if (value > limit.max) {
    throw new InputError(`${name} must be at most ${limit.max} (${limit.why}), got ${show(value)}`);
  }
  return requirePositiveInteger(name, value);
}

/**
 * Requires the number of points of an evenly spaced grid `t = 0, 1/(n-1), ..., 1` (`--grid`):
 * an integer from 2 (the two ends) to `LIMITS.points`. One rule for every command that takes a
 * grid.
 */
export function requireGridPoints(name: string, n: number): number {
  requireSize(name, n, LIMITS.points);
  if (n < 2) {
    throw new InputError(
      `${name} must be at least 2 (the grid runs from t = 0 to t = 1), got ${n}`,
    );
  }
  return n;
}

/** A number above `2^53 - 1` is refused as too large, whatever else is wrong with it. */
function requireSafe(name: string, value: number): void {
  if (value > Number.MAX_SAFE_INTEGER) {
    throw new InputError(
      `${name} must be at most 2^53 - 1 (the largest integer a double holds exactly), got ${show(value)}`,
    );
  }
}

/** Requires a finite number in the closed interval [0, 1], e.g. a probability `t` or `p`. */
export function requireUnitInterval(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new InputError(`${name} must be a number in [0, 1], got ${show(value)}`);
  }
  return value;
}

/** Requires a finite number >= 0, e.g. `eps`. */
export function requireNonNegative(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new InputError(`${name} must be a finite number >= 0, got ${show(value)}`);
  }
  return value;
}

/** Requires a finite number > 0, e.g. a learning rate or a Beta parameter. */
export function requirePositive(name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new InputError(`${name} must be a finite number > 0, got ${show(value)}`);
  }
  return value;
}

/** Requires a finite number. */
export function requireFinite(name: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new InputError(`${name} must be a finite number, got ${show(value)}`);
  }
  return value;
}

/**
 * A decimal or exponent literal, as the docs allow: an optional sign, digits with an optional
 * point (or a point and digits), and an optional exponent. `Number` alone would also take
 * `0x10`, `0o17`, `0b11`, `Infinity` and surrounding whitespace of any kind.
 */
const DECIMAL_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a decimal or exponent literal strictly (`12`, `-0.5`, `.5`, `1e6`, `2.5E-3`): the whole
 * text, spaces at either end aside, must be one. `Number('')` is 0, `parseFloat('3x')` is 3 and
 * `Number('0x10')` is 16; none of them is acceptable input. A text that JavaScript reads as a
 * number in another form (hexadecimal, octal, binary, `Infinity`) gets its own message, so that
 * `--M 0x10` is not told that it is not a number. A literal too large for a double (`1e400`)
 * parses to `Infinity`, which the validators then refuse with the limit they enforce.
 */
export function parseNumber(name: string, text: string): number {
  const trimmed = text.trim();
  if (DECIMAL_LITERAL.test(trimmed)) return Number(trimmed);
  if (trimmed !== '' && !Number.isNaN(Number(trimmed))) {
    throw new InputError(
      `${name} must be a decimal or exponent literal such as 16, 0.5 or 1e6, got ${quote(text)}`,
    );
  }
  throw new InputError(`${name} must be a number, got ${quote(text)}`);
}

function show(value: number): string {
  return Number.isNaN(value) ? 'NaN' : String(value);
}
