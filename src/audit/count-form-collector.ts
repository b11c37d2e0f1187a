import type { Coverage, ObservedGroup, Violation, Where } from './types.ts';

/** One observed weight of a cell: its value, its group and the response's position there. */
export interface Seen {
  readonly value: number;
  readonly where: Where;
  /** 0-based position of the response in its group. */
  readonly index: number;
}

/** Two observations of one cell and how far apart they are. */
export interface Pair {
  readonly seen: readonly [Seen, Seen];
  readonly diff: number;
}

interface Cell {
  readonly first: Seen;
  /** The finite value furthest from `first`, across all groups. */
  across: Pair | undefined;
  /** The widest disagreement between two responses of one group. */
  within: Pair | undefined;
  nonFinite: Seen | undefined;
}

interface SizeCells {
  /** `cells[R * M + S]`: the weights seen for reward `R` with `S` other right answers. */
  readonly cells: (Cell | undefined)[];
  /** Largest finite `|Z|` seen at this size; the scale of the tolerance. */
  zmax: number;
}

/** Count-form tables recovered at one group size, before any objective is computed. */
export interface RecoveredTables {
  readonly M: number;
  /** `a[s]`, `null` where never observed. */
  readonly a: (number | null)[];
  /** `b[s]`, `null` where never observed. */
  readonly b: (number | null)[];
  readonly coverage: Coverage;
  /** Whether every observation at this size agreed with its cell. */
  readonly countForm: boolean;
}

/**
 * Recovers count-form tables from observed groups and finds where they are not count form
 * (docs/theory.md §2): every response `i` lands in the cell `(R_i, S_i)` with `S_i = sum_{j != i} R_j`,
 * and count form means every cell gets a single weight, `a[S]` when `R = 0`, `b[S]` when `R = 1`.
 *
 * Observations are streamed in with {@link CountFormCollector.add}; each cell keeps its first
 * value, the one furthest from it, and the widest disagreement inside a single group, so memory
 * is `O(M)` per group size however long the trace, and each cell that disagrees yields exactly one
 * concrete violation naming both observations.
 * Groups of different sizes are independent audits.
 */
export class CountFormCollector {
  private readonly sizes = new Map<number, SizeCells>();

  /**
   * Adds one group. The caller has validated it: `rewards` are 0 or 1 and have the same length
   * as `advantages`.
   */
  add(group: ObservedGroup): void {
    const M = group.rewards.length;
    let size = this.sizes.get(M);
    if (size === undefined) {
      size = { cells: new Array<Cell | undefined>(2 * M).fill(undefined), zmax: 0 };
      this.sizes.set(M, size);
    }
    const { rewards, advantages, where } = group;
    let K = 0;
    for (let i = 0; i < M; i++) K += rewards[i]!;
    // The first finite weight of each reward value in this group: with K fixed, responses with
    // the same reward share a cell, so any difference between them is within one group.
    const groupFirst = [-1, -1];
    // A Seen is made only where it is kept (a new cell, a wider pair), so that a long audit of
    // count-form code allocates nothing per response. A pair of difference 0 is never kept: it
    // cannot exceed any tolerance, and its absence reads the same.
    const seen = (index: number): Seen => ({ value: advantages[index]!, where, index });
    for (let i = 0; i < M; i++) {
      const R = rewards[i]!;
      const value = advantages[i]!;
      const key = R * M + (K - R);
      let cell = size.cells[key];
      if (!Number.isFinite(value)) {
        if (cell === undefined) {
          const first = seen(i);
          size.cells[key] = { first, across: undefined, within: undefined, nonFinite: first };
        } else cell.nonFinite ??= seen(i);
        continue;
      }
      size.zmax = Math.max(size.zmax, Math.abs(value));
      if (cell === undefined) {
        cell = { first: seen(i), across: undefined, within: undefined, nonFinite: undefined };
        size.cells[key] = cell;
      } else {
        const diff = Math.abs(value - cell.first.value);
        if (diff > (cell.across?.diff ?? 0)) cell.across = { seen: [cell.first, seen(i)], diff };
      }
      const mate = groupFirst[R]!;
      if (mate < 0) groupFirst[R] = i;
      else {
        const diff = Math.abs(value - advantages[mate]!);
        if (diff > (cell.within?.diff ?? 0)) cell.within = { seen: [seen(mate), seen(i)], diff };
      }
    }
  }

  /** Group sizes seen so far, ascending. */
  groupSizes(): number[] {
    return [...this.sizes.keys()].sort((x, y) => x - y);
  }

  /**
   * The recovered tables of every group size, ascending, and every violation, ordered by
   * `(M, K, R)`. Two values of a cell agree when `|x - y| <= relTol * max(|x|, |y|, Zmax)`, with
   * `Zmax` the largest finite `|Z|` seen at that size.
   */
  result(relTol: number): { tables: RecoveredTables[]; violations: Violation[] } {
    const tables: RecoveredTables[] = [];
    const violations: Violation[] = [];
    for (const M of this.groupSizes()) {
      const size = this.sizes.get(M)!;
      const a: (number | null)[] = [];
      const b: (number | null)[] = [];
      const missing: string[] = [];
      let bad = 0;
      for (let R = 0; R <= 1; R++) {
        for (let S = 0; S < M; S++) {
          const cell = size.cells[R * M + S];
          (R === 0 ? a : b).push(cell === undefined ? null : cell.first.value);
          if (cell === undefined) {
            missing.push(`${R === 0 ? 'a' : 'b'}[${S}]`);
            continue;
          }
          const violation = cellViolation(M, R, S, cell, relTol, size.zmax);
          if (violation !== undefined) {
            violations.push(violation);
            bad++;
          }
        }
      }
      const coverage = { observed: 2 * M - missing.length, total: 2 * M, missing };
      tables.push({ M, a, b, coverage, countForm: bad === 0 });
    }
    violations.sort((x, y) => x.M - y.M || x.K - y.K || x.R - y.R);
    return { tables, violations };
  }
}

function cellViolation(
  M: number,
  R: number,
  S: number,
  cell: Cell,
  relTol: number,
  zmax: number,
): Violation | undefined {
  const K = R + S;
  const label = `(R=${R}, S=${S})`;
  if (cell.nonFinite !== undefined) {
    const seen = cell.nonFinite;
    return {
      ...seen.where,
      M,
      K,
      R,
      values: [seen.value],
      reason: `response ${seen.index + 1} of ${describe(seen.where)} got ${seen.value}: a count-form weight ${label} must be a finite number`,
    };
  }
  const pair = violatingPair(cell, relTol, zmax);
  if (pair === undefined) return undefined;
  const [x, y] = pair.seen;
  const hint =
    pair === cell.within
      ? 'two responses of one group with the same reward and count get different weights, so the weight depends on the position in the group or on something hidden per response (e.g. its length)'
      : 'the same (reward, count) gets different weights in different groups, so the weight depends on something else (e.g. other groups in the batch, response lengths, or the order of the group)';
  return {
    ...y.where,
    M,
    K,
    R,
    values: [x.value, y.value],
    reason: `cell ${label}: ${pairReason(pair, relTol)}; ${hint}`,
  };
}

/**
 * The pair of a cell's observations that breaks count form: two weights further apart than
 * `relTol` times the larger of them and `zmax` (the size's largest weight, below which a
 * difference is rounding), or undefined. A pair within one group is the more telling, since it
 * cannot come from other groups, so it is taken first.
 */
export function violatingPair(
  cell: { readonly within: Pair | undefined; readonly across: Pair | undefined },
  relTol: number,
  zmax: number,
): Pair | undefined {
  const exceeds = (pair: Pair | undefined): pair is Pair => {
    if (pair === undefined) return false;
    const [x, y] = pair.seen;
    return pair.diff > relTol * Math.max(Math.abs(x.value), Math.abs(y.value), zmax);
  };
  return exceeds(cell.within) ? cell.within : exceeds(cell.across) ? cell.across : undefined;
}

/** A violating pair in words: both responses, where they were seen, their weights, how far apart. */
export function pairReason(pair: Pair, relTol: number): string {
  const [x, y] = pair.seen;
  return (
    `response ${x.index + 1} of ${describe(x.where)} got ${x.value} ` +
    `but response ${y.index + 1} of ${describe(y.where)} got ${y.value} ` +
    `(difference ${pair.diff.toPrecision(3)}, relative tolerance ${relTol})`
  );
}

/** `line 4` or `pattern 0110`, where an observation was made. */
export function describe(where: Where): string {
  return 'line' in where ? `line ${where.line}` : `pattern ${where.pattern}`;
}
