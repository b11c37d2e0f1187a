/**
 * `softmax(logits)` (MATH.md §5, tabular softmax), computed stably by subtracting the largest
 * logit before exponentiating.
 */
export function softmaxProbabilities(logits: ArrayLike<number>): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < logits.length; j++) max = Math.max(max, logits[j]!);
  const pi = Float64Array.from(logits, (v) => Math.exp(v - max));
  let sum = 0;
  for (const v of pi) sum += v;
  for (let j = 0; j < pi.length; j++) pi[j] = pi[j]! / sum;
  return pi;
}
