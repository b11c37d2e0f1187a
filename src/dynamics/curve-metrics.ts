import type { ClosedFormEvaluator } from './closed-form-evaluator.ts';
import type { Corpus } from './corpus.ts';

/** Number of initial-difficulty bins (deciles) whose mean `p` is recorded. */
export const DECILES = 10;

/**
 * The metrics recorded at each recorded step of a path (docs/theory.md §8, "what a user reads"), in the
 * order they are stored: the corpus mean `p` (pass@1), pass@k `= mean_x 1 - (1-p_x)^k` for each
 * `k`, the mean `p` of the initially hardest decile, `J_h = mean_x h_M(p_x)`, and the mean `p`
 * of each initial-difficulty decile (hardest first; 0 for an empty decile, which only N < 10 has).
 */
export interface MetricLayout {
  readonly k: readonly number[];
  /** Metrics per recorded step. */
  readonly size: number;
  readonly meanP: number;
  /** Index of pass@k for `k[i]` is `passAtK + i`. */
  readonly passAtK: number;
  readonly hardest: number;
  readonly J: number;
  /** Index of decile `j` is `deciles + j`. */
  readonly deciles: number;
}

/** The layout of the metrics for pass@k levels `k`. */
export function metricLayout(k: readonly number[]): MetricLayout {
  const passAtK = 1;
  const hardest = passAtK + k.length;
  return {
    k,
    size: hardest + 2 + DECILES,
    meanP: 0,
    passAtK,
    hardest,
    J: hardest + 1,
    deciles: hardest + 2,
  };
}

/**
 * Writes the metrics of {@link MetricLayout} for success probabilities `p` (one per prompt of
 * `corpus`) into `out[offset..offset + layout.size - 1]`. Sums run over prompts in order, so the
 * result is a function of `p` alone. O(N (M + |k|)).
 */
export function recordMetrics(
  layout: MetricLayout,
  corpus: Corpus,
  closedForm: ClosedFormEvaluator,
  p: ArrayLike<number>,
  out: Float64Array,
  offset: number,
): void {
  const { N, decile, decileSize } = corpus;
  const { k } = layout;
  const kCount = k.length;
  let sumP = 0;
  let sumH = 0;
  const passSums = new Float64Array(kCount);
  const decileSums = new Float64Array(DECILES);
  for (let x = 0; x < N; x++) {
    const px = p[x]!;
    sumP += px;
    sumH += closedForm.h(px);
    // 1 - (1-p)^k without cancellation at small p.
    const logMiss = Math.log1p(-px);
    for (let i = 0; i < kCount; i++) passSums[i] = passSums[i]! - Math.expm1(k[i]! * logMiss);
    decileSums[decile[x]!] = decileSums[decile[x]!]! + px;
  }
  out[offset + layout.meanP] = sumP / N;
  for (let i = 0; i < kCount; i++) out[offset + layout.passAtK + i] = passSums[i]! / N;
  out[offset + layout.hardest] = decileSums[0]! / decileSize[0]!;
  out[offset + layout.J] = sumH / N;
  for (let j = 0; j < DECILES; j++) {
    out[offset + layout.deciles + j] = decileSize[j]! > 0 ? decileSums[j]! / decileSize[j]! : 0;
  }
}
