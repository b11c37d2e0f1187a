import { createRequire } from 'node:module';

// Each stdlib special function or distribution is a tree of small CommonJS packages, whose
// loading would be most of the CLI's start and of importing the library, and most runs never call
// them (`objective` at a single point, `simulate`). The normal law is src/stats' (normal-law.ts).
// So they are required on first call, synchronously, because their callers (scheme tables,
// targets, the beta fit) are synchronous. bench/package.bench.ts measures the start
// (docs/package.md).
const require = createRequire(import.meta.url);

type Special3 = (x: number, a: number, b: number) => number;
type Special2 = (a: number, b: number) => number;

let betaincLoaded: Special3 | undefined;
let betalnLoaded: Special2 | undefined;
let binomcoeflnLoaded: Special2 | undefined;
let betaQuantileLoaded: Special3 | undefined;

/** `I_x(a, b)` for real `a, b > 0`: `@stdlib/math-base-special-betainc`, loaded on first call. */
export function betainc(x: number, a: number, b: number): number {
  betaincLoaded ??= require('@stdlib/math-base-special-betainc') as Special3;
  return betaincLoaded(x, a, b);
}

/** `ln B(a, b)`: `@stdlib/math-base-special-betaln`, loaded on first call. */
export function betaln(a: number, b: number): number {
  betalnLoaded ??= require('@stdlib/math-base-special-betaln') as Special2;
  return betalnLoaded(a, b);
}

/** `ln C(n, k)`: `@stdlib/math-base-special-binomcoefln`, loaded on first call. */
export function binomcoefln(n: number, k: number): number {
  binomcoeflnLoaded ??= require('@stdlib/math-base-special-binomcoefln') as Special2;
  return binomcoeflnLoaded(n, k);
}

/**
 * The quantile at `p` of the Beta(a, b) law: `@stdlib/stats-base-dists-beta-quantile`, loaded on
 * first call.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  betaQuantileLoaded ??= require('@stdlib/stats-base-dists-beta-quantile') as Special3;
  return betaQuantileLoaded(p, a, b);
}
