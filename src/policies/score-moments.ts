import type { ScoreLaw } from './score-law.ts';

/** Mean, variance and third central moment of one score component on one side. */
export interface ScoreMoments {
  readonly mean: number;
  readonly variance: number;
  readonly third: number;
}

/**
 * The first three moments of score component `j` given a correct (`side = 'correct'`) or wrong
 * response (MATH.md §5), from its three-point law ({@link ScoreLaw}): the values `1 - pi_j`,
 * `-pi_j` and 0 with probabilities `hit`, `used - hit`, `1 - used`. Central moments are taken
 * about the mean directly, value by value, so no raw moments cancel.
 */
export function scoreMoments(law: ScoreLaw, side: 'correct' | 'wrong', j: number): ScoreMoments {
  const pi = law.pi[j]!;
  const { used, hit } = law[side];
  const weights = [hit[j]!, used[j]! - hit[j]!, 1 - used[j]!];
  const values = [1 - pi, -pi, 0];
  let mean = 0;
  for (let i = 0; i < 3; i++) mean += weights[i]! * values[i]!;
  let variance = 0;
  let third = 0;
  for (let i = 0; i < 3; i++) {
    const d = values[i]! - mean;
    variance += weights[i]! * d * d;
    third += weights[i]! * d * d * d;
  }
  return { mean, variance, third };
}
