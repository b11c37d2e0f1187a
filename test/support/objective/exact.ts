// Test-only exact arithmetic: BigInt fractions and the docs/theory.md §2–3 formulas in exact rationals,
// as an independent reference for h and hPrime. Not part of the public API.

/** A fraction n/d with d > 0 (not necessarily reduced). */
export interface Frac {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
function reduce(n: bigint, d: bigint): Frac {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
export const frac = (n: bigint | number, d: bigint | number = 1n): Frac =>
  reduce(BigInt(n), BigInt(d));
export const add = (a: Frac, b: Frac): Frac => reduce(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Frac, b: Frac): Frac => reduce(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Frac, b: Frac): Frac => reduce(a.n * b.n, a.d * b.d);
export const div = (a: Frac, b: Frac): Frac => reduce(a.n * b.d, a.d * b.n);

/** The exact rational value of a finite double. */
export function fromDouble(x: number): Frac {
  if (x === 0) return frac(0);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac52 = bits & ((1n << 52n) - 1n);
  const mant = exp === 0 ? frac52 : frac52 | (1n << 52n);
  const e = (exp === 0 ? 1 : exp) - 1075;
  return e >= 0 ? frac(sign * mant * (1n << BigInt(e))) : frac(sign * mant, 1n << BigInt(-e));
}

/** The double nearest a fraction, to within 1 ulp (ample for errors measured at 1e-15). */
export function toNumber(f: Frac): number {
  if (f.n === 0n) return 0;
  if (f.n < 0n) return -toNumber({ n: -f.n, d: f.d });
  const shift = BigInt(Math.max(0, 80 - (f.n.toString(2).length - f.d.toString(2).length)));
  const q = (f.n << shift) / f.d;
  return Number(q) / 2 ** Number(shift);
}

export function binom(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

/**
 * `[c_s * L]` as integers and the common denominator `L` of the c table, so that every sum below is
 * one integer over one denominator (no gcd on thousand-bit numbers).
 */
function overCommonDenominator(c: readonly Frac[]): { cn: bigint[]; L: bigint } {
  let L = 1n;
  for (const f of c) L = (L / gcd(L, f.d)) * f.d;
  return { cn: c.map((f) => f.n * (L / f.d)), L };
}

/** `C(n,k) p^k q^(n-k)` for k = 0..n: the Bernstein basis at t = p/(p+q), times (p+q)^n. */
function basisNumerators(n: number, p: bigint, q: bigint): bigint[] {
  return Array.from({ length: n + 1 }, (_, k) => binom(n, k) * p ** BigInt(k) * q ** BigInt(n - k));
}

/** `(sum n)! / prod n_i! · prod q_i^n_i`, the multinomial probability of the counts `n`, exactly, from the doubles `q`. */
export function exactMultinomialPmf(n: readonly number[], q: readonly number[]): Frac {
  let p = frac(1);
  let left = n.reduce((a, b) => a + b, 0);
  n.forEach((count, i) => {
    p = mul(p, frac(binom(left, count)));
    left -= count;
    const qi = fromDouble(q[i]!);
    for (let m = 0; m < count; m++) p = mul(p, qi);
  });
  return p;
}

/** Exact `h_M(t) = (1/M) sum_s c_s I_t(s+1, M-s)`, with `I_t(s+1, M-s) = P(Bin(M,t) >= s+1)`. */
export function exactH(c: readonly Frac[], t: Frac): Frac {
  const M = c.length;
  const { cn, L } = overCommonDenominator(c);
  const B = basisNumerators(M, t.n, t.d - t.n);
  let tail = 0n;
  let sum = 0n;
  for (let s = M - 1; s >= 0; s--) {
    tail += B[s + 1]!;
    sum += cn[s]! * tail;
  }
  return { n: sum, d: L * BigInt(M) * t.d ** BigInt(M) };
}

/** Exact `h_M'(t) = sum_s c_s C(M-1,s) t^s (1-t)^(M-1-s)`. */
export function exactHPrime(c: readonly Frac[], t: Frac): Frac {
  const M = c.length;
  const { cn, L } = overCommonDenominator(c);
  const B = basisNumerators(M - 1, t.n, t.d - t.n);
  let sum = 0n;
  for (let s = 0; s < M; s++) sum += cn[s]! * B[s]!;
  return { n: sum, d: L * t.d ** BigInt(M - 1) };
}

/** The rational c tables of docs/theory.md §3, as `b_s - a_s` from the a and b columns. */
export function exactC(name: string, M: number, k = 1): Frac[] {
  const row = (s: number): [Frac, Frac] => {
    switch (name) {
      case 'reinforce':
        return [frac(0), frac(1)];
      case 'rloo':
        return [frac(-s, M - 1), sub(frac(1), frac(s, M - 1))];
      case 'dr-grpo':
        return [frac(-s, M), sub(frac(1), frac(s + 1, M))];
      case 'rs':
        return [frac(0), frac(M, s + 1)];
      case 'passk':
        return [frac(0), frac(BigInt(k) * binom(M - 1 - s, k - 1), binom(M - 1, k - 1))];
      default:
        throw new Error(`no exact table for ${name}`);
    }
  };
  return Array.from({ length: M }, (_, s) => {
    const [a, b] = row(s);
    return sub(b, a);
  });
}
