import { type Frac, fromDouble, sub, toNumber } from '../objective/exact.ts';

/** Error of the double `x` against the exact rational `y`, in ulps of `y` (`Number.EPSILON |y|`). */
export function exactErrorUlps(x: number, y: Frac): number {
  const diff = toNumber(sub(fromDouble(x), y));
  if (diff === 0) return 0;
  return Math.abs(diff) / (Number.EPSILON * Math.abs(toNumber(y)));
}
