import type { Corpus } from './corpus.ts';

/** Most coordinates of `w` a shared corpus's path check tests. */
const SHARED_PROJECTIONS = 3;

/**
 * The fixed projections of the martingale `D_T = sum_{t<T} (theta_{t+1} - theta_t -
 * lr grad J(theta_t))` that the path check tests (docs/theory.md §8), chosen from the corpus alone
 * (never from the draws), as vectors in parameter space:
 *
 * - `tabular`: the mean of `D_T` over all prompts, over the initially hardest decile, and over
 *   the initially easiest decile (the decile means of the logit drift);
 * - `shared`: the first `min(d, 3)` coordinates of `w` (coordinate 0 is the common feature).
 */
export interface DriftProjections {
  readonly names: readonly string[];
  readonly vectors: readonly Float64Array[];
}

/** The projections of {@link DriftProjections} for `corpus`. */
export function driftProjections(corpus: Corpus): DriftProjections {
  if (corpus.description.kind === 'shared') {
    const count = Math.min(corpus.dim, SHARED_PROJECTIONS);
    return {
      names: Array.from({ length: count }, (_, j) => `w[${j}]`),
      vectors: Array.from({ length: count }, (_, j) => {
        const v = new Float64Array(corpus.dim);
        v[j] = 1;
        return v;
      }),
    };
  }
  const { N, decile, decileSize } = corpus;
  const easiest = decileSize.findLastIndex((size) => size > 0);
  const mean = new Float64Array(N).fill(1 / N);
  const over = (bin: number) =>
    Float64Array.from({ length: N }, (_, x) => (decile[x] === bin ? 1 / decileSize[bin]! : 0));
  return {
    names: ['mean logit', 'hardest decile', 'easiest decile'],
    vectors: [mean, over(0), over(easiest)],
  };
}

/** `v . D` for every projection vector `v`, summed in coordinate order. */
export function project(projections: DriftProjections, D: ArrayLike<number>): Float64Array {
  return Float64Array.from(projections.vectors, (v) => {
    let sum = 0;
    for (let i = 0; i < v.length; i++) if (v[i] !== 0) sum += v[i]! * D[i]!;
    return sum;
  });
}
