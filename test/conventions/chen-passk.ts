/**
 * Chen et al.'s pass@k training advantages (docs/theory.md §7), re-implemented for audit tests: with `K`
 * correct answers, `rho = 1 - C(M-K, k)/C(M, k)` (the group's pass@k) and
 * `sigma = sqrt(rho (1 - rho))`, a correct answer gets `(1 - rho)/(sigma + 1e-6)` and a wrong one
 * `(1 - rho - C(M-K-1, k-1)/C(M-1, k-1))/(sigma + 1e-6)`; every weight is 0 when `K = 0` or
 * `M - K < k`. The binomial ratios are computed as running products.
 */
export function chenPassk(rewards: readonly number[], k: number): number[] {
  const M = rewards.length;
  const K = rewards.filter((r) => r === 1).length;
  if (K === 0 || M - K < k) return rewards.map(() => 0);
  // C(M-K, k)/C(M, k): probability that a random k-subset of the group is all wrong.
  let allWrong = 1;
  for (let j = 0; j < k; j++) allWrong *= (M - K - j) / (M - j);
  // C(M-K-1, k-1)/C(M-1, k-1): the same for the other k-1 members of a subset holding a wrong one.
  let othersWrong = 1;
  for (let j = 0; j < k - 1; j++) othersWrong *= (M - K - 1 - j) / (M - 1 - j);
  const rho = 1 - allWrong;
  const sigma = Math.sqrt(rho * (1 - rho));
  return rewards.map((r) =>
    r === 1 ? (1 - rho) / (sigma + 1e-6) : (1 - rho - othersWrong) / (sigma + 1e-6),
  );
}
