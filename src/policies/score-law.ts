/** Per score component, the probabilities of the two events its law is made of. */
export interface ScoreSide {
  /** `P(the component's softmax row is used by the response)`. */
  readonly used: Float64Array;
  /** `P(the row is used and the component's own token is drawn)`. */
  readonly hit: Float64Array;
}

/**
 * The law of each component of a prompt's score vector `grad log pi(y)` (MATH.md §5), given a
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
