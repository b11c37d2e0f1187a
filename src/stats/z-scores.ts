/**
 * Per-component z-scores `z = (estimate - closedForm)/SE` (MATH.md §6). A component with
 * `SE = 0` (a degenerate policy, every group the same) gets 0 when the estimate equals the
 * closed form to within 8 ulps of their size and ±Infinity otherwise; NaN SE gives NaN.
 */
export function zScores(
  estimate: ArrayLike<number>,
  stderr: ArrayLike<number>,
  closedForm: ArrayLike<number>,
): number[] {
  return Array.from({ length: estimate.length }, (_, j) => {
    const diff = estimate[j]! - closedForm[j]!;
    const se = stderr[j]!;
    if (se === 0) {
      const scale = Math.max(Math.abs(estimate[j]!), Math.abs(closedForm[j]!));
      if (Math.abs(diff) <= 8 * Number.EPSILON * scale) return 0;
      return diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    }
    return diff / se;
  });
}
