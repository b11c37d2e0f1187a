import { InputError } from '../errors/index.ts';
import type { Compositions } from '../math/index.ts';
import type { RewardClasses } from '../rewards/index.ts';
import type { GradedScheme } from '../schemes/index.ts';

/** What the audit says where the recovered field is not closed (docs/theory.md §10). */
export const AUDITED_READING =
  'for the GRPO family (weights divided by the group std of the reward): ascent on E[r] with step 1/sigma(q) per prompt';

/**
 * The graded scheme whose generalized count-form weights are a recovered table (docs/theory.md
 * §10): `w_j(n) = table[rank(n) C + j]`, `n` a composition of `M - 1` into the `C` classes
 * (`comps`, every cell filled). Its native formula is the lookup itself, so the field, the
 * closedness verdict and the potential of src/graded apply to weights read from code or traces.
 * `weightError` bounds how far each entry may be from the audited code's exact weight (the
 * count-form check's tolerance); the scalar reward of a class is its level or the sum of its
 * reward functions.
 */
export function tableGradedScheme(
  classes: RewardClasses,
  M: number,
  comps: Compositions,
  table: Float64Array,
  weightError: number,
): GradedScheme {
  const { C, d } = classes;
  const N = new Int32Array(C);
  const weight = (j: number, n: ArrayLike<number>): number => table[comps.rank(n) * C + j]!;
  const fromClasses = (group: ArrayLike<number>, out: Float64Array): void => {
    N.fill(0);
    for (let i = 0; i < M; i++) N[group[i]!]!++;
    for (let i = 0; i < M; i++) {
      const k = group[i]!;
      N[k]!--;
      out[i] = weight(k, N);
      N[k]!++;
    }
  };
  const classOfRow = (rewards: ArrayLike<number>, i: number): number =>
    classes.classOf(
      classes.kind === 'levels'
        ? rewards[i]!
        : Array.from({ length: d }, (_, k) => rewards[i * d + k]!),
    ) ?? 0;
  const group = new Int32Array(M);
  return {
    spec: 'audited',
    name: 'audited',
    M,
    classes,
    aggregation: 'sum_then_normalize',
    largeMReading: AUDITED_READING,
    rewardWeights: Object.freeze(Array(d).fill(1)),
    scalarRewards: classes.sums,
    weightError,
    advantagesInto(rewards, out) {
      for (let i = 0; i < M; i++) group[i] = classOfRow(rewards, i);
      fromClasses(group, out);
    },
    classAdvantagesInto: fromClasses,
    advantages(rewards) {
      const classesOf = Int32Array.from(rewards, (r, i) => {
        const j = classes.classOf(r);
        if (j === undefined) {
          throw new InputError(
            `audited weights: reward ${i} is ${JSON.stringify(r)}, not one of the classes ${classes.labels.join(', ')}`,
          );
        }
        return j;
      });
      const out = new Float64Array(M);
      fromClasses(classesOf, out);
      return Array.from(out);
    },
    weight,
  };
}
