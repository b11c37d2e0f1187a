import { InputError } from '../errors/index.ts';
import { parseSpec, SpecReader } from '../grammar/index.ts';
import { monomialInBernstein } from '../math/index.ts';
import { betaTarget } from './beta-family.ts';
import { checkedTarget, FORMULA_KINDS, type FormulaKind, formulaTarget } from './formula-target.ts';

/**
 * A named target objective `h` (docs/theory.md §3, "The Bernstein recipe"): what a weight scheme may be
 * designed to optimize, and what an induced `h_M` is compared with.
 */
export interface Target {
  /**
   * `identity`, `log`, `logit`, `arcsin`, `power`, `passk`, `beta`; `expr` or `dexpr` for a
   * formula; `function` for a target given as functions (`functionTarget`).
   */
  readonly name: string;
  /** Canonical spec, e.g. `power:q=0.5`, `passk:k=4`, `beta:a=0.5,b=1.5`, `expr:log(1+t)`. */
  readonly spec: string;
  /**
   * `[A, B]` when the target is an affine image of the member `I_t(A, B)` of the incomplete-beta
   * family (docs/theory.md §9): identity `[1, 1]`, `passk:k=K` `[1, K]`, `power:q=Q` `[Q, 1]`,
   * arcsin `[1/2, 1/2]`, `beta:a=A,b=B` `[A, B]`. Two targets with the same member are one
   * objective under two names.
   */
  readonly member?: readonly [number, number];
  /** `h(t)`; may be infinite at an endpoint (`log` at 0, `logit` at 0 and 1). */
  h(t: number): number;
  /** `h'(t)`; may be infinite at an endpoint. */
  hPrime(t: number): number;
  /**
   * The exact Bernstein coefficients `c[0..n]` of `h'` in degree `n`, when `h'` is a polynomial of
   * degree at most `n` (identity, passk with k <= n + 1, power with integer q <= n + 1);
   * otherwise `undefined`.
   */
  derivativeInBernstein(n: number): number[] | undefined;
  /**
   * `log(h(1) - h(t))`, where `h` approaches its value at 1 so fast that `h(t)` rounds to it
   * well inside (0, 1) (pass@k at large `k`, `1 - (1-t)^k`; a beta member with a large `b`):
   * differences of `h` near 1 are computed from it without cancellation. Absent otherwise.
   */
  logComplement?(t: number): number;
}

/** The names of the targets, in help order. */
export const TARGET_NAMES = [
  'identity',
  'log',
  'logit',
  'arcsin',
  'power',
  'passk',
  'beta',
] as const;

function positive(name: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0)) throw new InputError(`${name} must be > 0, got ${v}`);
  return v;
}

function positiveInteger(name: string, v: number): number {
  if (!(Number.isSafeInteger(v) && v >= 1)) {
    throw new InputError(`${name} must be a positive integer, got ${v}`);
  }
  return v;
}

function requireDegree(n: number): void {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new InputError(`degree n must be a non-negative integer, got ${String(n)}`);
  }
}

/**
 * A named target objective `h` (docs/theory.md §3, "The Bernstein recipe"), from a spec
 * `name[:key=value]` or a formula (`expr:FORMULA` for `h`, `dexpr:FORMULA` for `h'`, see
 * `formulaTarget`):
 *
 * - `identity`: `h = t` (REINFORCE, RLOO);
 * - `log`: `h = ln t` (pure rejection sampling, docs/theory.md §4);
 * - `logit`: `h = ln(t/(1-t))`;
 * - `arcsin`: `h = 2 arcsin(sqrt t)` (the GRPO limit);
 * - `power:q=Q`, `Q > 0`: `h = t^Q`;
 * - `passk:k=K`, `K >= 1` an integer: `h = 1 - (1-t)^K`;
 * - `beta:a=A,b=B`, `A, B > 0`: `h = I_t(A, B)`, the incomplete-beta family of docs/theory.md §9
 *   (see `betaTarget`).
 *
 * `derivativeInBernstein(n)` is exact where `h'` is a polynomial of degree <= n: identity (all
 * ones), power with integer `Q <= n+1` (`Q C(s,Q-1)/C(n,Q-1)`) and passk with `K <= n+1`
 * (`K C(n-s,K-1)/C(n,K-1)`, docs/theory.md §3 pass@k row, with `n = M-1`).
 */
export function target(spec: string): Target {
  const formula = formulaOf(spec);
  if (formula !== undefined) {
    const made = formulaTarget(formula.kind, formula.text);
    return { name: formula.kind, ...made, derivativeInBernstein: noPolynomial };
  }
  const parsed = parseSpec(spec, 'target');
  const reader = new SpecReader(parsed, 'target');
  const name = parsed.name;
  let made: Omit<Target, 'spec' | 'name'>;
  switch (name) {
    case 'identity':
      made = {
        member: [1, 1],
        h: (t) => t,
        hPrime: () => 1,
        derivativeInBernstein: (n) => {
          requireDegree(n);
          return new Array<number>(n + 1).fill(1);
        },
      };
      break;
    case 'log':
      made = { h: Math.log, hPrime: (t) => 1 / t, derivativeInBernstein: noPolynomial };
      break;
    case 'logit':
      made = {
        h: (t) => Math.log(t) - Math.log1p(-t),
        hPrime: (t) => 1 / (t * (1 - t)),
        derivativeInBernstein: noPolynomial,
      };
      break;
    case 'arcsin':
      made = {
        member: [0.5, 0.5],
        h: (t) => 2 * Math.asin(Math.sqrt(t)),
        hPrime: (t) => 1 / Math.sqrt(t * (1 - t)),
        derivativeInBernstein: noPolynomial,
      };
      break;
    case 'power': {
      const q = reader.requiredNumber('q', positive);
      made = {
        member: [q, 1],
        h: (t) => t ** q,
        hPrime: (t) => q * t ** (q - 1),
        derivativeInBernstein: (n) => {
          requireDegree(n);
          if (!Number.isInteger(q) || q - 1 > n) return undefined;
          return monomialInBernstein(q - 1, n).map((beta) => q * beta);
        },
      };
      break;
    }
    case 'passk': {
      const k = reader.requiredNumber('k', positiveInteger);
      made = {
        member: [1, k],
        h: (t) => -Math.expm1(k * Math.log1p(-t)),
        hPrime: (t) => k * (1 - t) ** (k - 1),
        logComplement: (t) => k * Math.log1p(-t),
        derivativeInBernstein: (n) => {
          requireDegree(n);
          if (k - 1 > n) return undefined;
          return monomialInBernstein(k - 1, n)
            .reverse()
            .map((beta) => k * beta);
        },
      };
      break;
    }
    case 'beta':
      made = betaTarget(reader);
      break;
    default:
      throw new InputError(
        `unknown target '${name}'; allowed: ${TARGET_NAMES.join(', ')}, or expr:FORMULA, dexpr:FORMULA`,
      );
  }
  return { name, spec: reader.done(), ...made };
}

function noPolynomial(n: number): undefined {
  requireDegree(n);
  return undefined;
}

/** `expr:` or `dexpr:` and the formula after it, or undefined for any other spec. */
function formulaOf(spec: string): { kind: FormulaKind; text: string } | undefined {
  const colon = spec.indexOf(':');
  const kind = spec.slice(0, colon).trim();
  if (colon < 0 || !(FORMULA_KINDS as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as FormulaKind, text: spec.slice(colon + 1).trim() };
}

/** A target given as functions, for the library API (see {@link functionTarget}). */
export interface TargetFunctions {
  /** `h(t)` on [0, 1]; when absent, the antiderivative of `hPrime` is used. */
  readonly h?: (t: number) => number;
  /** `h'(t)`; when absent, a central difference of `h`. */
  readonly hPrime?: (t: number) => number;
  /** A name for outputs; default `function`. */
  readonly name?: string;
}

/**
 * A target objective from functions rather than a spec (docs/theory.md §9, last paragraph): `h`,
 * or `h'` (then `h` is its antiderivative), or both; compared with `h_M` exactly as the named
 * targets are. Checked as formulas are (`formulaTarget`): finite inside (0, 1) and increasing;
 * otherwise an InputError.
 *
 * @example
 * const limit = functionTarget({ h: (t) => Math.log1p((Math.E ** 2 - 1) * t), name: 'rs-grpo' });
 */
export function functionTarget(functions: TargetFunctions): Target {
  const name = functions.name ?? 'function';
  if (functions.h === undefined && functions.hPrime === undefined) {
    throw new InputError(`target ${name}: give h, hPrime or both`);
  }
  const made = checkedTarget(name, functions);
  return { name: 'function', ...made, derivativeInBernstein: noPolynomial };
}
