import { InputError, quote } from './input-error.ts';

/**
 * Validation shared by the library API and the CLI. Each returns its argument when valid and
 * throws {@link InputError} naming the input otherwise, so a bad value never travels further
 * than the boundary where it entered.
 */

/** Requires a positive safe integer, e.g. the group size `M`. */
export function requirePositiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InputError(`${name} must be a positive integer, got ${show(value)}`);
  }
  return value;
}

/** Requires a non-negative safe integer, e.g. a polynomial degree `n` or a count `k`. */
export function requireCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InputError(`${name} must be a non-negative integer, got ${show(value)}`);
  }
  return value;
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
 * Parses a decimal or exponent literal strictly: the whole text must be a number
 * (`Number('')` is 0 and `parseFloat('3x')` is 3; neither is acceptable input).
 */
export function parseNumber(name: string, text: string): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (Number.isNaN(value)) {
    throw new InputError(`${name} must be a number, got ${quote(text)}`);
  }
  return value;
}

function show(value: number): string {
  return Number.isNaN(value) ? 'NaN' : String(value);
}
