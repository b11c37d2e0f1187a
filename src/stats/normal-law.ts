import { createRequire } from 'node:module';

// stdlib's normal CDF and quantile are trees of small CommonJS packages, whose loading would be
// most of importing the library; a closed form (`h`, `scheme`) never needs them. So they are
// required on first call, synchronously, because their callers (z-tests, preconditions) are.
const require = createRequire(import.meta.url);

type Normal = (x: number, mu: number, sigma: number) => number;

let cdfLoaded: Normal | undefined;
let quantileLoaded: Normal | undefined;

/** The standard normal CDF `Φ(x)` (docs/theory.md §6): `@stdlib/stats-base-dists-normal-cdf`. */
export function normalCdf(x: number): number {
  cdfLoaded ??= require('@stdlib/stats-base-dists-normal-cdf') as Normal;
  return cdfLoaded(x, 0, 1);
}

/**
 * The standard normal quantile `Φ⁻¹(p)` (docs/theory.md §6):
 * `@stdlib/stats-base-dists-normal-quantile`, accurate far into the tail.
 */
export function normalQuantile(p: number): number {
  quantileLoaded ??= require('@stdlib/stats-base-dists-normal-quantile') as Normal;
  return quantileLoaded(p, 0, 1);
}
