import type { DeterministicOutcome } from '../check.ts';

/**
 * The comparison with the largest |estimate - closedForm| over a set of points: how a
 * deterministic check that holds "for every t" reports its single row.
 */
export function worstOver<T>(
  points: readonly T[],
  compare: (point: T) => DeterministicOutcome,
): DeterministicOutcome {
  let worst: DeterministicOutcome = { closedForm: 0, estimate: 0 };
  let size = -1;
  for (const point of points) {
    const outcome = compare(point);
    const gap = Math.abs(outcome.estimate - outcome.closedForm);
    // NaN must surface as the worst, so compare with `!(gap <= size)`.
    if (!(gap <= size)) {
      worst = outcome;
      size = Number.isNaN(gap) ? Number.POSITIVE_INFINITY : gap;
    }
  }
  return worst;
}
