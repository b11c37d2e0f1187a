/**
 * The group statistics every GRPO-style trainer of docs/theory.md §7 uses: the mean and the
 * Bessel-corrected ("sample", `torch.std` default) standard deviation,
 * `sqrt(sum (r - mean)^2 / (n - 1))`. Like `torch.std`, a single value has std NaN.
 */
export function meanAndSampleStd(values: readonly number[]): { mean: number; std: number } {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, std: Math.sqrt(squares / (n - 1)) };
}
