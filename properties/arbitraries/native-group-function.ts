import fc from 'fast-check';
import { substream } from '../../src/rng/substream.ts';
import {
  type CountFormTables,
  countFormTables,
  groupSize,
  tableEntry,
} from './count-form-tables.ts';

/**
 * A native group function: what a trainer computes, `rewards -> advantages`, for groups of size
 * `M`. `countForm` says whether the weights depend on the group only through `(R_i, S_i)`
 * (docs/theory.md §2); `description` is what fast-check prints for a counterexample.
 */
export interface NativeGroupFunction {
  readonly M: number;
  readonly countForm: boolean;
  readonly description: string;
  /** The tables the function is equal to, when it is count form. */
  readonly tables?: CountFormTables;
  advantages(rewards: readonly number[]): number[];
}

function withDescription(f: NativeGroupFunction): NativeGroupFunction {
  // fast-check prints values through toString when present: keep counterexamples readable.
  return Object.assign(f, { toString: () => `native(${f.description})` });
}

function countOnes(rewards: readonly number[]): number {
  let k = 0;
  for (const r of rewards) k += r;
  return k;
}

/** The tables applied per position: the textbook count-form function. */
export function tableFunction(tables: CountFormTables): NativeGroupFunction {
  const { M, a, b } = tables;
  return withDescription({
    M,
    countForm: true,
    tables,
    description: `table M=${M} a=${JSON.stringify(a)} b=${JSON.stringify(b)}`,
    advantages(rewards) {
      const K = countOnes(rewards);
      return rewards.map((r) => (r === 1 ? b[K - 1]! : a[K]!));
    },
  });
}

/**
 * A count-form function written the way trainers write them, from group statistics:
 * `Z_i = alpha R_i + beta K/M + gamma (R_i - K/M)/(sigma + eps) + delta S_i/(M-1)` with the
 * population std `sigma`. It depends on the group only through `R_i` and `K = R_i + S_i`.
 */
function formulaFunction(
  M: number,
  [alpha, beta, gamma, delta, eps]: readonly number[],
): NativeGroupFunction {
  return withDescription({
    M,
    countForm: true,
    description: `formula M=${M} alpha=${alpha} beta=${beta} gamma=${gamma} delta=${delta} eps=${eps}`,
    advantages(rewards) {
      const K = countOnes(rewards);
      const mu = K / M;
      const sigma = Math.sqrt(mu * (1 - mu));
      return rewards.map((r) => {
        const loo = M > 1 ? (K - r) / (M - 1) : 0;
        return alpha! * r + beta! * mu + (gamma! * (r - mu)) / (sigma + eps!) + delta! * loo;
      });
    },
  });
}

/**
 * Random native group functions that are count form: random tables applied per position, or a
 * random combination of the group statistics trainers use (mean, population std with `eps`,
 * leave-one-out mean). Shrinks to the smallest `M` and the simplest tables.
 */
export function countFormNative(
  options: { minM?: number; maxM?: number } = {},
): fc.Arbitrary<NativeGroupFunction> {
  const { minM = 1, maxM = 64 } = options;
  const coefficient = tableEntry(2);
  return fc.oneof(
    countFormTables({ minM, maxM }).map(tableFunction),
    fc
      .tuple(
        groupSize(minM, maxM),
        fc.tuple(
          coefficient,
          coefficient,
          coefficient,
          coefficient,
          fc.constantFrom(1e-8, 1e-4, 0.1, 1),
        ),
      )
      .map(([M, k]) => formulaFunction(M, k)),
  );
}

/** How a {@link notCountFormNative} function breaks count form. */
export type Violation = 'position' | 'neighbour' | 'order' | 'length' | 'batch';

function violating(
  tables: CountFormTables,
  violation: Violation,
  seed: number,
  weight: number,
): NativeGroupFunction {
  const { M, a, b } = tables;
  const base = (K: number, r: number) => (r === 1 ? b[K - 1]! : a[K]!);
  const lengths = substream(seed, 'hidden-length');
  let batchSum = 0;
  let batchCount = 0;
  const description = `${violation} weight=${weight} seed=${seed} on table M=${M} a=${JSON.stringify(a)} b=${JSON.stringify(b)}`;
  return withDescription({
    M,
    countForm: false,
    description,
    advantages(rewards) {
      const K = countOnes(rewards);
      switch (violation) {
        case 'position':
          // Weight grows with the index in the group.
          return rewards.map((r, i) => base(K, r) + weight * i);
        case 'neighbour':
          // Depends on who is right, not just how many: the next response's reward.
          return rewards.map((r, i) => base(K, r) + weight * rewards[(i + 1) % M]!);
        case 'order': {
          // Depends on how many correct answers came *before* this one.
          let before = 0;
          return rewards.map((r) => {
            const z = base(K, r) + weight * before * r;
            before += r;
            return z;
          });
        }
        case 'length':
          // OPO-style: shifted by a response length the function sees but the rewards do not show
          // (a continuous length in [1, 1001), so two responses tie with probability ~1e-8).
          return rewards.map((r) => base(K, r) + weight * (1 + 1000 * lengths()));
        case 'batch': {
          // REINFORCE++-style: centred by the running mean of every reward seen so far.
          batchSum += K;
          batchCount += M;
          const mean = batchSum / batchCount;
          return rewards.map((r) => base(K, r) + weight * (r - mean));
        }
      }
    },
  });
}

/** The smallest group size at which each violation is observable at all. */
export const MIN_M_FOR: Readonly<Record<Violation, number>> = {
  // A single response has no position, neighbour or order to depend on.
  position: 2,
  // With M = 2 the neighbour's reward is S_i: still count form.
  neighbour: 3,
  order: 2,
  // With M = 1 each cell (R, S) is one pattern, called once: hidden lengths and batch state look
  // like a table. From M = 2 on, some cell is reached twice.
  length: 2,
  batch: 2,
};

/**
 * Random native group functions that are *not* count form (docs/theory.md §2, "When it does not
 * apply"): a random table plus a term that depends on the position in the group, on a
 * neighbour's reward, on the order of the correct answers, on a hidden response length, or on
 * the rewards of earlier groups (batch statistics). The extra term has weight at least 1/4, so
 * the violation is never lost in rounding.
 */
export function notCountFormNative(
  options: { maxM?: number; violations?: readonly Violation[] } = {},
): fc.Arbitrary<NativeGroupFunction> {
  const { maxM = 16, violations = ['position', 'neighbour', 'order', 'length', 'batch'] as const } =
    options;
  return fc
    .constantFrom(...violations)
    .chain((violation) =>
      fc
        .tuple(
          countFormTables({ minM: MIN_M_FOR[violation], maxM }),
          fc.noShrink(fc.integer()),
          fc.oneof(fc.constantFrom(1, -1, 0.5), fc.double({ min: 0.25, max: 2, noNaN: true })),
        )
        .map(([tables, seed, weight]) => violating(tables, violation, seed, weight)),
    );
}
