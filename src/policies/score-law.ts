/** Per score component, the probabilities of the two events its law is made of. */
export interface ScoreSide {
  /** `P(the component's softmax row is used by the response)`. */
  readonly used: Float64Array;
  /** `P(the row is used and the component's own token is drawn)`. */
  readonly hit: Float64Array;
}

/**
 * The law of each component of a prompt's score vector `grad log pi(y)` (docs/theory.md §5), given a
 * correct response and given a wrong one. Every policy here is made of softmax rows, so a
 * component `j` (a logit of row `r`, token `v`) is `1[r used](1[v drawn] - pi_j)`: it is
 * `1 - pi_j` with probability `hit_j`, `-pi_j` with probability `used_j - hit_j`, and 0
 * otherwise. Its conditional mean is `hit_j - pi_j used_j`, which is `grad_j p / p` given a
 * correct response and `-grad_j p / (1 - p)` given a wrong one. A side that cannot occur
 * (`p = 0` for correct, `p = 1` for wrong) has `used = hit = 0`.
 */
export interface ScoreLaw {
  /** The probability `pi_j` of component `j`'s token in its row. */
  readonly pi: Float64Array;
  readonly correct: ScoreSide;
  readonly wrong: ScoreSide;
}

/** Mean, variance and third central moment of one score component on one side. */
export interface ScoreMoments {
  readonly mean: number;
  readonly variance: number;
  readonly third: number;
}

/**
 * The first three moments of score component `j` given a correct (`side = 'correct'`) or wrong
 * response (docs/theory.md §5), from its three-point law ({@link ScoreLaw}); see
 * {@link sideMoments}.
 */
export function scoreMoments(law: ScoreLaw, side: 'correct' | 'wrong', j: number): ScoreMoments {
  return sideMoments(law.pi[j]!, law[side], j);
}

/**
 * The first three moments of score component `j` on one side of its law (docs/theory.md §5: given
 * a correct or a wrong response, or §10: given a reward class), from its three-point law: the
 * values `1 - pi_j`, `-pi_j` and 0 with probabilities `hit`, `used - hit`, `1 - used`. Central
 * moments are taken about the mean directly, value by value, so no raw moments cancel.
 */
export function sideMoments(pi: number, side: ScoreSide, j: number): ScoreMoments {
  const { used, hit } = side;
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
