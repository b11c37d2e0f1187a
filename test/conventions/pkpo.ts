/**
 * PKPO's `s_loo-1` pass@k weights (docs/theory.md §7: the pass@k row of §3 times `1/M`), re-implemented
 * for audit tests from the estimator's meaning rather than its closed form: a correct response
 * gets `(k/M)` times the probability that the other `k - 1` members of a random `k`-subset
 * containing it are all wrong, `prod_{j<k-1} (W - j)/(M - 1 - j)` with `W` wrong answers in the
 * group; a wrong response gets 0.
 */
export function pkpo(rewards: readonly number[], k: number): number[] {
  const M = rewards.length;
  const W = rewards.filter((r) => r === 0).length;
  let othersWrong = 1;
  for (let j = 0; j < k - 1; j++) othersWrong *= Math.max(W - j, 0) / (M - 1 - j);
  return rewards.map((r) => (r === 1 ? (k / M) * othersWrong : 0));
}
