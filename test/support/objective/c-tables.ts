// Test-only double-precision c tables from the docs/theory.md §3 formulas, written here independently of
// src/schemes so that the catalogue can be checked against them.

/** GRPO `c_s = (1-(s+1)/M)/(sigma_{s+1}+eps) + (s/M)/(sigma_s+eps)`, zero-std groups weight 0. */
export function grpoC(M: number, std: 'population' | 'sample', eps: number): number[] {
  const sigma = (K: number): number =>
    std === 'population'
      ? Math.sqrt((K / M) * (1 - K / M))
      : Math.sqrt((K * (M - K)) / (M * (M - 1)));
  const z = (R: number, K: number): number => {
    const sd = sigma(K);
    return sd === 0 ? 0 : (R - K / M) / (sd + eps);
  };
  return Array.from({ length: M }, (_, s) => z(1, s + 1) - z(0, s));
}

/** `c` of the named rational schemes in double. */
export function doubleC(name: string, M: number, k = 4): number[] {
  return Array.from({ length: M }, (_, s) => {
    switch (name) {
      case 'reinforce':
      case 'rloo':
        return 1;
      case 'dr-grpo':
        return 1 - (s + 1) / M + s / M;
      case 'rs':
        return M / (s + 1);
      case 'passk': {
        let r = k;
        for (let i = 0; i < k - 1; i++) r *= (M - 1 - s - i) / (M - 1 - i);
        return r;
      }
      default:
        throw new Error(`no table for ${name}`);
    }
  });
}

/** Relative error, or absolute when the reference is 0. */
export function relErr(x: number, ref: number): number {
  return ref === 0 ? Math.abs(x) : Math.abs(x - ref) / Math.abs(ref);
}
