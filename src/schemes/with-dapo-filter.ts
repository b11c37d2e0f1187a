import type { SchemeFormulas } from './scheme-kind.ts';

/**
 * DAPO's dynamic-sampling filter (MATH.md §7), `filter=dapo` on any scheme: a group with no
 * correct answer or no wrong one is dropped, i.e. its weights are multiplied by `1[0 < K < M]`.
 * The result is still count form: `a[0]` and `b[M-1]` become 0.
 */
export function withDapoFilter(inner: SchemeFormulas, M: number): SchemeFormulas {
  return {
    advantagesInto(rewards, out) {
      let K = 0;
      for (let i = 0; i < M; i++) K += rewards[i]!;
      if (K === 0 || K === M) out.fill(0, 0, M);
      else inner.advantagesInto(rewards, out);
    },
    weight: (R, K) => (K === 0 || K === M ? 0 : inner.weight(R, K)),
  };
}
