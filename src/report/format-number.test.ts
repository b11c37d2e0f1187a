import { describe, expect, it } from 'vitest';
import { formatNumber } from './format-number.ts';

describe('formatNumber', () => {
  it('keeps four significant digits in the plain range and uses exponents outside it', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1e-6)).toBe('1e-6');
    expect(formatNumber(-2.5e-7)).toBe('-2.5e-7');
    expect(formatNumber(123456)).toBe('1.23e5');
    expect(formatNumber(0)).toBe('0');
  });

  it('shows null, NaN and infinities as symbols', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});
