import type { SchemeFormulas } from './scheme-kind.ts';

/**
 * Formulas of a scheme given directly by its count-form tables (MATH.md §2):
 * `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`, `S_i = K - R_i`. Used by `table` and `design`, whose
 * native formula is this lookup. `a` and `b` must have `M` entries.
 */
export function tableFormulas(
  { a, b }: { readonly a: readonly number[]; readonly b: readonly number[] },
  M: number,
): SchemeFormulas {
  const weight = (R: 0 | 1, K: number): number => (R === 1 ? b[K - 1]! : a[K]!);
  return {
    advantagesInto(rewards, out) {
      let K = 0;
      for (let i = 0; i < M; i++) K += rewards[i]!;
      for (let i = 0; i < M; i++) out[i] = rewards[i] === 1 ? b[K - 1]! : a[K]!;
    },
    weight,
  };
}
