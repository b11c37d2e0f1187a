import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.ts';
import { LIMITS } from './limits.ts';
import {
  parseNumber,
  requireCount,
  requireGridPoints,
  requirePositiveInteger,
  requireSize,
} from './require.ts';

function message(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('parseNumber', () => {
  it('accepts decimal and exponent literals, with a sign and surrounding spaces', () => {
    const cases: [string, number][] = [
      ['8', 8],
      ['-0.5', -0.5],
      ['+2', 2],
      ['.5', 0.5],
      ['5.', 5],
      ['1e6', 1e6],
      ['2.5E-3', 2.5e-3],
      [' 16 ', 16],
      ['1e400', Number.POSITIVE_INFINITY],
    ];
    for (const [text, value] of cases) expect(parseNumber('--M', text)).toBe(value);
  });

  it('refuses the other forms JavaScript reads as numbers, saying which forms are allowed', () => {
    for (const text of ['0x10', '0o17', '0b11', '0X1F', 'Infinity', '-Infinity']) {
      expect(message(() => parseNumber('--M', text))).toBe(
        `--M must be a decimal or exponent literal such as 16, 0.5 or 1e6, got '${text}'`,
      );
    }
  });

  it('refuses what is not a number at all', () => {
    for (const text of ['', ' ', 'x', '3x', '1e', 'e5', '.', '1_000', '1,5', 'NaN', '--1']) {
      expect(message(() => parseNumber('--M', text))).toBe(`--M must be a number, got '${text}'`);
    }
  });
});

describe('integers and sizes', () => {
  it('say that an integer beyond 2^53 - 1 is too large, not that it is not an integer', () => {
    expect(message(() => requirePositiveInteger('seed', 1e20))).toBe(
      'seed must be at most 2^53 - 1 (the largest integer a double holds exactly), got 100000000000000000000',
    );
    expect(message(() => requireCount('n', Number.POSITIVE_INFINITY))).toMatch(
      /^n must be at most 2\^53 - 1 .*got Infinity$/,
    );
    expect(message(() => requirePositiveInteger('seed', 0.5))).toBe(
      'seed must be a positive integer, got 0.5',
    );
    expect(requirePositiveInteger('seed', Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('requireSize names the limit and why it exists, before any other complaint', () => {
    expect(requireSize('M', LIMITS.M.max, LIMITS.M)).toBe(LIMITS.M.max);
    expect(message(() => requireSize('M', 1e20, LIMITS.M))).toBe(
      `M must be at most 1000000 (${LIMITS.M.why}), got 100000000000000000000`,
    );
    expect(message(() => requireSize('M', LIMITS.M.max + 0.5, LIMITS.M))).toMatch(
      /^M must be at most 1000000 /,
    );
    expect(message(() => requireSize('M', 0, LIMITS.M))).toBe(
      'M must be a positive integer, got 0',
    );
  });

  it('requireGridPoints takes 2 to LIMITS.points points, one rule for every grid', () => {
    expect(requireGridPoints('--grid', 2)).toBe(2);
    expect(requireGridPoints('--grid', 1e6)).toBe(1e6);
    expect(message(() => requireGridPoints('--grid', 1))).toBe(
      '--grid must be at least 2 (the grid runs from t = 0 to t = 1), got 1',
    );
    expect(message(() => requireGridPoints('--grid', 1e6 + 1))).toMatch(
      /^--grid must be at most 1000000 \(/,
    );
    expect(message(() => requireGridPoints('--grid', 2.5))).toBe(
      '--grid must be a positive integer, got 2.5',
    );
  });
});
