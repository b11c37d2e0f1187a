// Independent references for the generalized count-form weights w_j(n) of docs/theory.md §10,
// written from the formulas of §10 (and TRL's, §7) with counts instead of a group: a different
// algebra from the native group formulas (variance as E[x^2] - mu^2, sums over classes).
import type { RewardClasses } from '../../../src/rewards/reward-classes.ts';

/** Every composition of `total` into `parts` non-negative counts, the first count slowest. */
export function compositionsOf(total: number, parts: number): number[][] {
  if (parts === 1) return [[total]];
  const out: number[][] = [];
  for (let first = 0; first <= total; first++) {
    for (const rest of compositionsOf(total - first, parts - 1)) out.push([first, ...rest]);
  }
  return out;
}

/** A reference weight: own class `j`, counts `n` of the other `M - 1` responses. */
export type ReferenceWeight = (j: number, n: readonly number[]) => number;

/** Mean and variance (divisor `M` or `M - 1`) of the group: class `j` once, class `i` `n_i` times. */
function moments(
  x: readonly number[],
  j: number,
  n: readonly number[],
  M: number,
  sample: boolean,
): { mu: number; variance: number; allEqual: boolean } {
  let sum = x[j]!;
  let squares = x[j]! * x[j]!;
  let distinct = 1;
  n.forEach((count, i) => {
    sum += count * x[i]!;
    squares += count * x[i]! * x[i]!;
    if (count > 0 && x[i] !== x[j]) distinct = 2;
  });
  const mu = sum / M;
  const variance = Math.max(0, squares / M - mu * mu) * (sample ? M / (M - 1) : 1);
  return { mu, variance, allEqual: distinct === 1 };
}

/** The group-normalized weight `(x_j - mu)/(sigma + eps)`, 0 for an all-equal group. */
function normalized(
  x: readonly number[],
  M: number,
  sample: boolean,
  eps: number,
): ReferenceWeight {
  return (j, n) => {
    const { mu, variance, allEqual } = moments(x, j, n, M, sample);
    return allEqual ? 0 : (x[j]! - mu) / (Math.sqrt(variance) + eps);
  };
}

/**
 * The reference `w_j(n)` of the scheme `spec` on `classes` at group size `M`, for the specs the
 * graded tests use. `x` are the class rewards the scheme sees (levels, or weighted sums).
 */
export function referenceWeight(
  spec: string,
  classes: RewardClasses,
  M: number,
  rewardWeights: readonly number[] = Array(classes.d).fill(1),
): ReferenceWeight {
  const x = classes.vectors.map((v) => v.reduce((s, r, k) => s + rewardWeights[k]! * r, 0));
  const others = (n: readonly number[]): number => n.reduce((s, count, i) => s + count * x[i]!, 0);
  switch (spec) {
    case 'reinforce':
      return (j) => x[j]!;
    case 'rloo':
      return (j, n) => x[j]! - others(n) / (M - 1);
    case 'dr-grpo':
      return (j, n) => x[j]! - (x[j]! + others(n)) / M;
    case 'grpo:std=population,eps=0.000001,eps-at=std':
      return normalized(x, M, false, 1e-6);
    case 'trl-grpo:scale-rewards=group':
    case 'trl-grpo:scale-rewards=group,aggregation=sum_then_normalize,reward-weights=0.7/1.3':
      return normalized(x, M, true, 1e-4);
    case 'trl-grpo:scale-rewards=group,aggregation=normalize_then_sum,reward-weights=0.7/1.3':
      return (j, n) =>
        rewardWeights.reduce((sum, w, k) => {
          const bit = classes.vectors.map((v) => v[k]!);
          return sum + w * normalized(bit, M, true, 1e-4)(j, n);
        }, 0);
    case 'mean-scaled:offset=0.1':
      return (j, n) => {
        const mu = (x[j]! + others(n)) / M;
        return (x[j]! - mu) / (mu + 0.1);
      };
    default:
      throw new Error(`no reference weight for ${spec}`);
  }
}
