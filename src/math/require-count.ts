import { InputError } from '../errors/input-error.ts';

/** Requires a non-negative safe integer, e.g. a polynomial degree `n` or a count `k`. */
export function requireCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InputError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}
