import { InputError } from '../errors/index.ts';
import { target as makeTarget, TARGET_NAMES } from '../targets/index.ts';
import { type KParameter, readK, type SchemeKind } from './scheme-kind.ts';
import { tableFormulas } from './table.ts';

type TargetName = (typeof TARGET_NAMES)[number];

/** Node rules for `c_s = h'(xi_s)`; at `M = 1` every rule gives `xi_0 = 1/2`. */
const NODES = {
  interior: (s: number, M: number) => (s + 1) / (M + 1),
  midpoint: (s: number, M: number) => (s + 0.5) / M,
  endpoint: (s: number, M: number) => (M === 1 ? 0.5 : s / (M - 1)),
} as const;

/**
 * `design:target=NAME[,q=Q|k=K|a=A,b=B],nodes=interior|midpoint|endpoint,split=b|a|half`: the Bernstein
 * recipe of docs/theory.md §3, a count-form scheme designed to optimize a chosen `h`.
 *
 * - `target`: `identity`, `log`, `logit`, `arcsin`, `power` (with `q > 0`), `passk` (with
 *   `1 <= k <= M`) or `beta` (with `a, b > 0`, `h = I_t(a, b)`, docs/theory.md §9); see `target` in
 *   src/objective.
 * - `c`: when `h'` is a polynomial of degree `<= M - 1` (identity, passk, power with integer
 *   `q`, beta with integer `a`, `b`), its exact Bernstein coefficients `target.derivativeInBernstein(M - 1)`, so
 *   `h_M = h - h(0)` exactly and the nodes are not used. Otherwise `c_s = h'(xi_s)` at the nodes:
 *   `interior` (default) `xi_s = (s+1)/(M+1)`, which keeps `log`, `logit` and `arcsin` finite;
 *   `midpoint` `xi_s = (s + 1/2)/M`; `endpoint` `xi_s = s/(M-1)`, the classical Bernstein nodes,
 *   rejected where `h'` is infinite at 0 or 1.
 * - `split` of `c` between the tables, which changes only the variance: `b` (default) `a = 0`,
 *   `b = c`, so only right answers are weighted, as in pass@k and rejection sampling; `a`
 *   `a = -c`, `b = 0`; `half` `a = -c/2`, `b = c/2`.
 *
 * The native formula is the table lookup `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`.
 */
export const design: SchemeKind = {
  name: 'design',
  usage: 'design:target=T[,q=Q|k=K|a=A,b=B,nodes=..,split=..]',
  summary:
    "Bernstein recipe, T = identity|log|logit|arcsin|power|passk|beta: c_s = h'(xi_s), exact for polynomial h'; split=b|a|half",
  read(reader) {
    const name = reader.string('target');
    if (name === undefined) {
      throw new InputError(`scheme 'design' needs target=...; allowed: ${TARGET_NAMES.join(', ')}`);
    }
    if (!(TARGET_NAMES as readonly string[]).includes(name)) {
      throw new InputError(
        `scheme 'design': unknown design target '${name}'; allowed: ${TARGET_NAMES.join(', ')}`,
      );
    }
    const targetName = name as TargetName;
    let targetSpec: string = targetName;
    let k: KParameter | undefined;
    if (targetName === 'power') targetSpec = `power:q=${reader.requiredNumber('q')}`;
    if (targetName === 'passk') {
      k = readK(reader);
      targetSpec = `passk:k=${k.k}`;
    }
    if (targetName === 'beta') {
      targetSpec = `beta:a=${reader.requiredNumber('a')},b=${reader.requiredNumber('b')}`;
    }
    const h = makeTarget(targetSpec);
    const nodeRule = reader.choice('nodes', ['interior', 'midpoint', 'endpoint'], 'interior');
    const split = reader.choice('split', ['b', 'a', 'half'], 'b');
    return (M) => {
      k?.bind(M);
      const xi = NODES[nodeRule];
      const c =
        h.derivativeInBernstein(M - 1) ?? Array.from({ length: M }, (_, s) => h.hPrime(xi(s, M)));
      c.forEach((cs, s) => {
        if (!Number.isFinite(cs)) {
          throw new InputError(
            `scheme 'design': h' of target '${h.spec}' is not finite at node ${s} (t = ${xi(s, M)}) with nodes=${nodeRule}; use nodes=interior or nodes=midpoint`,
          );
        }
      });
      const aShare = split === 'b' ? 0 : split === 'a' ? 1 : 0.5;
      // `+ 0` turns the -0 of `-0 * c_s` into 0.
      return tableFormulas(
        { a: c.map((cs) => -aShare * cs + 0), b: c.map((cs) => (1 - aShare) * cs) },
        M,
      );
    };
  },
};
