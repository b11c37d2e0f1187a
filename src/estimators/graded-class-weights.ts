import type { GradedScheme, Scheme } from '../schemes/index.ts';
import { ClassWeights, fromStart, type GroupWeights } from './class-weights.ts';

/**
 * Largest number of class patterns `C^M` whose weights are tabulated: with three classes up to
 * `M = 8` (6561 patterns), with four up to `M = 7`; the table holds `C` weights per pattern.
 */
export const GRADED_PATTERN_LIMIT = 2 ** 14;

/**
 * The weights of a graded scheme's native group formula (docs/theory.md §10) per reward class, for
 * the samplers, which keep counts per answer and class instead of responses: in generalized
 * count form every response of a class `j` of one group has the same weight `w_j(N^(-i))`.
 *
 * They are the native formula's bits on the group's classes in response order
 * (`GradedScheme.classAdvantagesInto`), read at the first response of each class: up to
 * {@link GRADED_PATTERN_LIMIT} patterns from a table built once over every pattern (pattern
 * `sum_i k_i C^i`, so that with two classes it is the binary pattern), above it by running the
 * formula on the group. With two classes at levels 0, 1 the formula is the binary scheme's, so
 * these are the binary `ClassWeights` bit for bit.
 */
export class GradedClassWeights implements GroupWeights {
  readonly classes: number;
  /** Graded schemes are not pooled by count. */
  readonly byCount = null;
  private readonly M: number;
  private readonly table: Float64Array | null = null;
  private readonly z: Float64Array;
  /** A group's classes copied to the start of an array, for the native formula. */
  private readonly group: Int32Array;

  constructor(private readonly scheme: GradedScheme) {
    const { M } = scheme;
    const C = scheme.classes.C;
    this.M = M;
    this.classes = C;
    this.z = new Float64Array(M);
    this.group = new Int32Array(M);
    const patterns = C ** M;
    if (patterns <= GRADED_PATTERN_LIMIT) {
      const table = new Float64Array(C * patterns);
      const group = new Int32Array(M);
      const w = new Float64Array(C);
      for (let pattern = 0; pattern < patterns; pattern++) {
        let rest = pattern;
        for (let i = 0; i < M; i++) {
          group[i] = rest % C;
          rest = Math.floor(rest / C);
        }
        this.fromFormula(group, w);
        table.set(w, C * pattern);
      }
      this.table = table;
    }
  }

  /**
   * Writes the weight of each class of the group whose `M` classes are
   * `rewards[start .. start + M - 1]` (in response order) into `w[0..C-1]`, 0 for a class with
   * no response. `K` is not read.
   */
  into(rewards: Int32Array, start: number, _K: number, w: Float64Array): void {
    const { table, M, classes: C } = this;
    if (table === null) {
      this.fromFormula(fromStart(rewards, start, this.group), w);
      return;
    }
    let pattern = 0;
    for (let i = M - 1; i >= 0; i--) pattern = pattern * C + rewards[start + i]!;
    const base = C * pattern;
    for (let c = 0; c < C; c++) w[c] = table[base + c]!;
  }

  private fromFormula(group: ArrayLike<number>, w: Float64Array): void {
    const { M, z, classes: C } = this;
    this.scheme.classAdvantagesInto(group, z);
    w.fill(0, 0, C);
    // Backwards, so that the first response of each class writes last.
    for (let i = M - 1; i >= 0; i--) w[group[i]!] = z[i]!;
  }
}

/** The per-class weights of a binary or a graded scheme, for the sampler loop. */
export function classWeightsOf(scheme: Scheme | GradedScheme): GroupWeights {
  return 'classes' in scheme ? new GradedClassWeights(scheme) : new ClassWeights(scheme);
}
