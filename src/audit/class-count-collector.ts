import {
  describe,
  type Pair,
  pairReason,
  type Seen,
  violatingPair,
} from './count-form-collector.ts';
import type { ClassGroup, ClassViolation } from './graded-types.ts';

/** The observations of one cell: the first, the furthest from it, the widest within a group. */
export interface Cell {
  readonly M: number;
  readonly k: number;
  readonly others: readonly number[];
  readonly first: Seen;
  across: Pair | undefined;
  within: Pair | undefined;
  nonFinite: Seen | undefined;
}

/** The cells one batch of a trace filled: their smallest and largest weight. */
export interface BatchCells {
  readonly name: string;
  readonly cells: Map<string, { min: Seen; max: Seen }>;
  zmax: number;
}

/** The cell `(M, k, n)`: a response of class `k` whose `M - 1` others have class counts `n`. */
export function cellKey(M: number, k: number, others: ArrayLike<number>): string {
  return `${M}|${k}|${Array.prototype.join.call(others, ',')}`;
}

/**
 * Files observed weights under the cells of the generalized count form (docs/theory.md §10):
 * response `i` of a group of `M` lands in the cell of its class `k_i` and the class counts
 * `N^(-i)` of the others, and count form means each cell gets one weight `w_k(n)`. Like the
 * binary `CountFormCollector`, each cell keeps its first value, the one furthest from it and the
 * widest disagreement inside one group, so every cell that disagrees yields one concrete
 * violation naming both observations. Groups that name a batch are also filed per batch, for
 * the check of count form up to one positive factor per batch (`batchFactor`).
 */
export class ClassCountCollector {
  readonly cells = new Map<string, Cell>();
  /** Largest finite `|Z|` per group size. */
  readonly zmax = new Map<number, number>();
  readonly batches = new Map<string, BatchCells>();
  /** Whether some group named no batch. */
  unbatched = false;

  constructor(
    private readonly C: number,
    private readonly labels: readonly string[],
  ) {}

  /** Adds one validated group: classes in `0..C-1`, as many as weights. */
  add(group: ClassGroup): void {
    const { classes, advantages, where } = group;
    const M = classes.length;
    const N = new Array<number>(this.C).fill(0);
    for (let i = 0; i < M; i++) N[classes[i]!]!++;
    const firstOf = new Map<string, number>();
    let batch: BatchCells | undefined;
    if (group.batch === undefined) this.unbatched = true;
    else {
      batch = this.batches.get(group.batch);
      if (batch === undefined) {
        batch = { name: group.batch, cells: new Map(), zmax: 0 };
        this.batches.set(group.batch, batch);
      }
    }
    for (let i = 0; i < M; i++) {
      const k = classes[i]!;
      N[k]!--;
      const key = cellKey(M, k, N);
      const value = advantages[i]!;
      const seen: Seen = { value, where, index: i };
      let cell = this.cells.get(key);
      if (cell === undefined) {
        cell = {
          M,
          k,
          others: [...N],
          first: seen,
          across: undefined,
          within: undefined,
          nonFinite: undefined,
        };
        this.cells.set(key, cell);
      }
      N[k]!++;
      if (!Number.isFinite(value)) {
        cell.nonFinite ??= seen;
        continue;
      }
      this.zmax.set(M, Math.max(this.zmax.get(M) ?? 0, Math.abs(value)));
      const diff = Math.abs(value - cell.first.value);
      if (diff > (cell.across?.diff ?? 0)) cell.across = { seen: [cell.first, seen], diff };
      const mate = firstOf.get(key);
      if (mate === undefined) firstOf.set(key, i);
      else {
        const within = Math.abs(value - advantages[mate]!);
        if (within > (cell.within?.diff ?? 0)) {
          cell.within = {
            seen: [{ value: advantages[mate]!, where, index: mate }, seen],
            diff: within,
          };
        }
      }
      if (batch !== undefined) {
        batch.zmax = Math.max(batch.zmax, Math.abs(value));
        const range = batch.cells.get(key);
        if (range === undefined) batch.cells.set(key, { min: seen, max: seen });
        else if (value < range.min.value) range.min = seen;
        else if (value > range.max.value) range.max = seen;
      }
    }
  }

  /** Group sizes seen, ascending. */
  groupSizes(): number[] {
    return [...new Set([...this.cells.values()].map((c) => c.M))].sort((x, y) => x - y);
  }

  /**
   * Every cell that disagrees, as a violation, ordered by group size and, within a size, those
   * inside one group first: two values of a cell agree
   * when `|x - y| <= relTol * max(|x|, |y|, Zmax)`, `Zmax` the largest finite `|Z|` at that size.
   */
  violations(relTol: number): ClassViolation[] {
    const out: { violation: ClassViolation; rank: number }[] = [];
    for (const cell of this.cells.values()) {
      const violation = this.cellViolation(cell, relTol);
      // A disagreement inside one group is shown first: it cannot come from other groups.
      const rank = violation?.values[1] === cell.within?.seen[1].value ? 0 : 1;
      if (violation !== undefined) out.push({ violation, rank });
    }
    return out
      .sort((x, y) => x.violation.M - y.violation.M || x.rank - y.rank)
      .map((v) => v.violation);
  }

  /** The first value of every cell (those of non-finite weights excluded). */
  firstValues(): Map<string, number> {
    const values = new Map<string, number>();
    for (const [key, cell] of this.cells) {
      if (cell.nonFinite === undefined) values.set(key, cell.first.value);
    }
    return values;
  }

  /** `class 0.5 with others (0: 3, 0.5: 2, 1: 2)`: a cell, for a message. */
  describeCell(k: number, others: readonly number[]): string {
    const counts = others.map((n, j) => `${this.labels[j]}: ${n}`).join(', ');
    return `class ${this.labels[k]} with the others' counts (${counts})`;
  }

  private cellViolation(cell: Cell, relTol: number): ClassViolation | undefined {
    const { M, k, others } = cell;
    const head = { M, class: this.labels[k]!, others };
    const label = this.describeCell(k, others);
    if (cell.nonFinite !== undefined) {
      const seen = cell.nonFinite;
      return {
        ...seen.where,
        ...head,
        values: [seen.value],
        reason: `response ${seen.index + 1} of ${describe(seen.where)} got ${seen.value}: a count-form weight (${label}) must be a finite number`,
      };
    }
    const pair = violatingPair(cell, relTol, this.zmax.get(M) ?? 0);
    if (pair === undefined) return undefined;
    const [x, y] = pair.seen;
    const hint =
      pair === cell.within
        ? 'two responses of one group with the same class and the same counts get different weights, so the weight depends on the position in the group or on something hidden per response (e.g. its length)'
        : 'the same class and counts get different weights in different groups, so the weight depends on something else (e.g. other groups in the batch, response lengths, or the order of the group)';
    return {
      ...y.where,
      ...head,
      values: [x.value, y.value],
      reason: `${label}: ${pairReason(pair, relTol)}; ${hint}`,
    };
  }
}
