import { createRequire } from 'node:module';
import { InputError, quote } from '../errors/index.ts';
import { logitAntiderivative } from '../math/index.ts';

/** The prefixes of a target given as a formula: `expr:` for `h`, `dexpr:` for `h'`. */
export const FORMULA_KINDS = ['expr', 'dexpr'] as const;
export type FormulaKind = (typeof FORMULA_KINDS)[number];

/** The functions a formula may call (mathjs names; `log(x, b)` takes a base). */
export const FORMULA_FUNCTIONS = [
  'abs',
  'sqrt',
  'cbrt',
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'gamma',
  'lgamma',
  'erf',
  'min',
  'max',
] as const;

/** The constants a formula may name, besides the variable `t`. */
const CONSTANTS = new Set(['e', 'pi', 'E', 'PI']);
const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
]);
const ALLOWED_FUNCTIONS = new Set<string>(FORMULA_FUNCTIONS);

/**
 * The interior points on which a formula is checked when it is read: `t = j/1000`. A command
 * checks its own grid too (`requireTargetOn`).
 */
const CHECK_POINTS = 1000;
/**
 * Samples of `h'` for the antiderivative of a `dexpr:` formula: equally spaced in `logit t` over
 * `[1e-10, 1 - 1e-10]`, dense enough that the integral is exact to about 1e-8 for the targets
 * of docs/theory.md §3 and §9 (formula-target.test.ts).
 */
const DEXPR_SAMPLES = 1201;
const DEXPR_END = 1e-10;

// The expression library is a large CommonJS tree, loaded on the first formula only, so that no
// command pays for it otherwise (bench/package.bench.ts measures the start); synchronously,
// because `target` is synchronous. The number-only build: formulas are real functions of `t`.
const require = createRequire(import.meta.url);
let mathLoaded: MathJs | undefined;
function math(): MathJs {
  mathLoaded ??= require('mathjs/number') as MathJs;
  return mathLoaded;
}

/** What this file uses of mathjs's expression trees. */
interface MathNode {
  readonly type: string;
  readonly name?: string;
  readonly fn?: string | MathNode;
  readonly value?: unknown;
  traverse(callback: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): { evaluate(scope: Record<string, number>): unknown };
  toString(): string;
}
interface MathJs {
  parse(text: string): MathNode;
  derivative(node: MathNode, variable: string): MathNode;
}

/** The parts of a `Target` (targets.ts) a formula defines. */
export interface FormulaTarget {
  /** `expr:FORMULA` or `dexpr:FORMULA`, the formula as given. */
  readonly spec: string;
  h(t: number): number;
  hPrime(t: number): number;
}

/**
 * A target objective from a formula in `t` (docs/theory.md §9, last paragraph): `expr:FORMULA` is
 * `h(t)`, `dexpr:FORMULA` is `h'(t)`, each compared with an induced `h_M` exactly as the named
 * targets are (up to an increasing affine map). For example `expr:log(1+(exp(2)-1)*t)/2`, the
 * large-M limit of risk-seeking GRPO with beta = 2, or `dexpr:1/sqrt(t*(1-t))`, the GRPO limit.
 *
 * The formula is parsed by mathjs (never `eval`) and must use only the variable `t`, the
 * constants `e` and `pi`, numbers, `+ - * / ^`, parentheses and the functions of
 * {@link FORMULA_FUNCTIONS}. `h'` of `expr:` is mathjs's symbolic derivative, or a central
 * difference where mathjs has none (`log1p`, `erf`, ...); `h` of `dexpr:` is the antiderivative
 * of `h'` from `t = 1/2` (`logitAntiderivative`, which handles integrable and log-type ends).
 *
 * Throws an InputError (one line) when the formula does not parse, names anything else, is not
 * finite at some `t = j/1000` inside (0, 1), is NaN at 0 or 1, or does not increase from
 * `t = 0.001` to `0.999`.
 */
export function formulaTarget(kind: FormulaKind, formula: string): FormulaTarget {
  const spec = `${kind}:${formula}`;
  const fn = compileFormula(formula, `target ${quote(spec)}`);
  return kind === 'expr'
    ? checkedTarget(spec, { h: fn, hPrime: symbolicDerivative(formula) })
    : checkedTarget(spec, { hPrime: fn });
}

/**
 * A target from functions, `h`, `h'` or both (the library's `functionTarget`), checked as a
 * formula is: `h'` defaults to a central difference of `h`, `h` to the antiderivative of `h'`
 * from `t = 1/2`; both must be finite inside (0, 1) and `h` must increase. InputError otherwise,
 * naming the target by `spec`.
 */
export function checkedTarget(
  spec: string,
  given: { readonly h?: (t: number) => number; readonly hPrime?: (t: number) => number },
): FormulaTarget {
  const what = `target ${quote(spec)}`;
  if (given.h !== undefined) {
    const h = given.h;
    requireFinite(what, h, 'h');
    requireIncreasing(what, h(1 / CHECK_POINTS), h(1 - 1 / CHECK_POINTS));
    return { spec, h, hPrime: given.hPrime ?? ((t: number) => centralDifference(h, t)) };
  }
  const hPrime = given.hPrime!;
  requireFinite(what, hPrime, "h'");
  const lo = Math.log(DEXPR_END) - Math.log1p(-DEXPR_END);
  const u = Array.from({ length: DEXPR_SAMPLES }, (_, i) => {
    const x = lo - (2 * lo * i) / (DEXPR_SAMPLES - 1);
    return 1 / (1 + Math.exp(-x));
  });
  const values = u.map((t) => hPrime(t));
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new InputError(`${what}: h' is ${values[bad]} at t = ${u[bad]!.toPrecision(3)}`);
  }
  const antiderivative = logitAntiderivative(u, values);
  const half = antiderivative.at(0.5);
  const h = (t: number) => antiderivative.at(t) - half;
  requireIncreasing(what, h(1 / CHECK_POINTS), h(1 - 1 / CHECK_POINTS));
  return { spec, h, hPrime };
}

/**
 * Checks that a target is finite at every point of a grid inside (0, 1) (at 0 and 1 it may be
 * infinite, like `log` and `logit`, but not NaN): the check a command makes on its own grid
 * before any work. Throws an InputError naming the target and the point.
 */
export function requireTargetOn(
  target: { readonly spec: string; h(t: number): number },
  ts: ArrayLike<number>,
): void {
  for (let j = 0; j < ts.length; j++) {
    const t = ts[j]!;
    const value = target.h(t);
    const inside = t > 0 && t < 1;
    if (inside ? !Number.isFinite(value) : Number.isNaN(value)) {
      throw new InputError(`target ${quote(target.spec)} is ${value} at t = ${t} of the grid`);
    }
  }
}

function compileFormula(formula: string, what: string): (t: number) => number {
  if (formula.trim() === '') throw new InputError(`${what}: the formula is empty`);
  let node: MathNode;
  try {
    node = math().parse(formula);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${what}: cannot parse the formula: ${message.split('\n')[0]}`);
  }
  node.traverse((child, path, parent) => {
    if (child.type === 'SymbolNode') {
      // Stryker disable next-line StringLiteral: a SymbolNode always has a name; the default only types it
      const name = child.name ?? '';
      if (parent?.type === 'FunctionNode' && path === 'fn') {
        if (!ALLOWED_FUNCTIONS.has(name)) {
          throw new InputError(
            `${what}: unknown function ${quote(name)}; allowed: ${FORMULA_FUNCTIONS.join(', ')}`,
          );
        }
      } else if (name !== 't' && !CONSTANTS.has(name)) {
        throw new InputError(
          `${what}: unknown variable ${quote(name)}; a formula may use t and the constants e, pi`,
        );
      }
      return;
    }
    const allowed =
      child.type === 'ParenthesisNode' ||
      child.type === 'FunctionNode' ||
      (child.type === 'ConstantNode' && typeof child.value === 'number') ||
      (child.type === 'OperatorNode' && OPERATORS.has(String(child.fn)));
    if (!allowed) {
      throw new InputError(
        `${what}: ${quote(child.toString())} is not allowed; a formula is numbers, t, e, pi, + - * / ^, parentheses and functions`,
      );
    }
  });
  const compiled = node.compile();
  return (t: number) => {
    const value = compiled.evaluate({ t });
    return typeof value === 'number' ? value : Number.NaN;
  };
}

function symbolicDerivative(formula: string): ((t: number) => number) | undefined {
  let node: MathNode;
  try {
    node = math().derivative(math().parse(formula), 't');
  } catch {
    return undefined;
  }
  const compiled = node.compile();
  return (t: number) => {
    const value = compiled.evaluate({ t });
    return typeof value === 'number' ? value : Number.NaN;
  };
}

/**
 * `(f(t + d) - f(t - d))/(2d)` with `d` a 1e-6 fraction of the distance to the nearer end (one
 * sided at 0 and 1): for functions mathjs cannot differentiate, where a relative error of about
 * 1e-10 is far below what a design or a distance resolves.
 */
function centralDifference(f: (t: number) => number, t: number): number {
  const d = 1e-6 * Math.max(Math.min(t, 1 - t), 1e-9);
  if (t - d < 0) return (f(t + d) - f(t)) / d;
  if (t + d > 1) return (f(t) - f(t - d)) / d;
  return (f(t + d) - f(t - d)) / (2 * d);
}

function requireFinite(what: string, fn: (t: number) => number, name: string): void {
  for (let j = 0; j <= CHECK_POINTS; j++) {
    const t = j / CHECK_POINTS;
    const value = fn(t);
    const inside = j > 0 && j < CHECK_POINTS;
    if (inside ? !Number.isFinite(value) : Number.isNaN(value)) {
      const rule = inside
        ? 'it must be finite inside (0, 1)'
        : 'it may be infinite at 0 and 1, but not NaN';
      throw new InputError(`${what}: ${name} is ${value} at t = ${t}; ${rule}`);
    }
  }
}

function requireIncreasing(what: string, first: number, last: number): void {
  if (!(last > first)) {
    throw new InputError(
      `${what}: h must increase on (0, 1), but h(0.999) = ${last.toPrecision(6)} <= h(0.001) = ${first.toPrecision(6)}`,
    );
  }
}
