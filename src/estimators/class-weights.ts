import { PATTERN_TABLE_MAX_M, type Scheme } from '../schemes/index.ts';

/**
 * What the sampler loop asks of a scheme's weights: the number of reward classes, and the
 * weight of each class in a group given its responses' classes in order (docs/theory.md §2, §10:
 * in count form every response of a class has the same weight within a group).
 */
export interface GroupWeights {
  readonly classes: number;
  /**
   * Writes the weight of each class of the group whose responses have the classes
   * `rewards[start ..]` (in response order), `K` of them correct when rewards are binary, into
   * `w[0..classes-1]`: 0 for a class with no response.
   */
  into(rewards: Int32Array, start: number, K: number, w: Float64Array): void;
  /**
   * With two classes, when the weights depend on `K` alone (`Scheme.orderFree`): those of each
   * `K = 0..M` at `[2K, 2K + 1]`, the bits {@link into} writes for every group with `K` correct
   * answers; else null.
   */
  readonly byCount: Float64Array | null;
}

/**
 * The weights of a scheme's native group formula (docs/theory.md §1 step 3, §2) per reward class,
 * for the samplers, which keep counts per class instead of responses. Count form makes
 * `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]` a function of `R_i` and the group, so within a group
 * every response of a class has the same weight (tested on the whole catalogue, bit for bit).
 *
 * The weights are the native formula's bits on the group's rewards in their order, by the route
 * the generic loop takes: up to `PATTERN_TABLE_MAX_M` a table over reward patterns (built here
 * once from `advantagesInto`, itself the native formula's table), above it `groupWeightsInto`
 * where the scheme has it, else `advantagesInto`. A class, so that the loops' call has one target
 * whatever the scheme.
 */
export class ClassWeights implements GroupWeights {
  readonly classes = 2;
  private readonly M: number;
  /** Up to `PATTERN_TABLE_MAX_M`: the two weights of each reward pattern. */
  private readonly table: Float64Array | null = null;
  private readonly z: Float64Array;
  /** A group's rewards copied to the start of an array, for the native formula. */
  private readonly group: Int32Array;
  readonly byCount: Float64Array | null = null;

  constructor(private readonly scheme: Scheme) {
    const M = scheme.M;
    this.M = M;
    this.z = new Float64Array(M);
    this.group = new Int32Array(M);
    if (M <= PATTERN_TABLE_MAX_M) {
      const table = new Float64Array(2 * 2 ** M);
      const rewards = new Float64Array(M);
      const two = new Float64Array(2);
      for (let pattern = 0; pattern < 2 ** M; pattern++) {
        for (let i = 0; i < M; i++) rewards[i] = (pattern >> i) & 1;
        scheme.advantagesInto(rewards, this.z);
        pick(rewards, this.z, M, two);
        table[2 * pattern] = two[0]!;
        table[2 * pattern + 1] = two[1]!;
      }
      this.table = table;
    }
    if (scheme.orderFree) {
      // Any group with K correct answers gives the same bits: take the one with them first.
      const byCount = new Float64Array(2 * (M + 1));
      const rewards = new Int32Array(M);
      const two = new Float64Array(2);
      for (let K = 0; K <= M; K++) {
        if (K > 0) rewards[K - 1] = 1;
        this.into(rewards, 0, K, two);
        byCount.set(two, 2 * K);
      }
      this.byCount = byCount;
    }
  }

  /**
   * Writes the weights of the group whose `M` rewards are `rewards[start .. start + M - 1]` (in
   * response order, each 0 or 1, `K` of them correct): `w[0]` for a wrong response, `w[1]` for a
   * correct one, and 0 for a class with no response.
   */
  into(rewards: Int32Array, start: number, K: number, w: Float64Array): void {
    const M = this.M;
    const table = this.table;
    if (table !== null) {
      let pattern = 0;
      for (let i = M - 1; i >= 0; i--) pattern = (pattern << 1) | rewards[start + i]!;
      w[0] = table[2 * pattern]!;
      w[1] = table[2 * pattern + 1]!;
      return;
    }
    const scheme = this.scheme;
    if (scheme.groupWeightsInto !== undefined) {
      scheme.groupWeightsInto(rewards, start, K, w);
      if (K === 0) w[1] = 0;
      if (K === M) w[0] = 0;
      return;
    }
    const group = fromStart(rewards, start, this.group);
    scheme.advantagesInto(group, this.z);
    pick(group, this.z, M, w);
  }
}

/** Each class's weight, read at its first response in `z` (0 for a class with none). */
function pick(rewards: ArrayLike<number>, z: Float64Array, M: number, w: Float64Array): void {
  w[0] = 0;
  w[1] = 0;
  let seen = 0;
  for (let i = 0; i < M && seen !== 3; i++) {
    const r = rewards[i]!;
    if ((seen & (1 << r)) === 0) {
      w[r] = z[i]!;
      seen |= 1 << r;
    }
  }
}

/** `rewards[start ..]` as an array that starts there: `rewards` itself, or a copy into `group`. */
export function fromStart(rewards: Int32Array, start: number, group: Int32Array): Int32Array {
  if (start === 0) return rewards;
  for (let i = 0; i < group.length; i++) group[i] = rewards[start + i]!;
  return group;
}
