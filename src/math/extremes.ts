/**
 * The largest of `of(x)` over `values`: `Math.max` over them, with the same answers (`-Infinity`
 * when there are none, `NaN` when any is `NaN`, `+0` over `-0`). `Math.max(...values)` passes
 * every value as an argument on the call stack, which overflows for about 10^5 values (a
 * count-form table at a large group size `M`, a long grid, a large corpus); this loop takes any
 * number.
 */
export function largest<T>(values: Iterable<T>, of: (x: T) => number): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const x of values) best = Math.max(best, of(x));
  return best;
}

/**
 * The smallest of `of(x)` over `values`: `Math.min` over them, with the same answers
 * (`Infinity` when there are none, `NaN` when any is `NaN`, `-0` over `+0`), for any number of
 * values (see {@link largest}).
 */
export function smallest<T>(values: Iterable<T>, of: (x: T) => number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const x of values) best = Math.min(best, of(x));
  return best;
}

/** `max |x|` over `values`, 0 when there are none: the scale of a table such as `c`. */
export function maxAbs(values: Iterable<number>): number {
  return Math.max(0, largest(values, Math.abs));
}
