import type { BatchCells, ClassCountCollector } from './class-count-collector.ts';
import { describe } from './count-form-collector.ts';
import type { BatchFactor } from './graded-types.ts';

/** The outcome of {@link batchFactor}: the factor and the weights in the first batch's scale, or why not. */
export type BatchFactorFinding =
  | { readonly factor: BatchFactor; readonly values: Map<string, number> }
  | { readonly reason: string };

/**
 * Decides whether a trace's weights are in generalized count form up to one positive factor per
 * batch (docs/theory.md §10): `Z_i = f_b w_{k_i}(N^(-i))` with `f_b > 0` shared by every response
 * of batch `b`. That is what TRL's batch standardization after `normalize_then_sum` and verl's
 * GPG `alpha` do: the expected update is `f_b` times the count-form one, so the objective is the
 * same and only the step size varies from batch to batch.
 *
 * Each batch must give every cell one weight (within `relTol` of its largest `|Z|`). The factors
 * are then linked batch by batch: a batch that shares a cell with the weights known so far gets
 * `f_b = Z_b / w` at the shared cell of largest `|w|`, must have `f_b > 0`, and must agree with
 * `f_b w` at every other shared cell; its new cells join the known weights as `Z_b / f_b`. A batch
 * that shares no nonzero cell with the others cannot be linked. The factors are relative to the
 * first batch of the trace.
 */
export function batchFactor(collector: ClassCountCollector, relTol: number): BatchFactorFinding {
  const batches = [...collector.batches.values()];
  if (batches.length === 0 || collector.unbatched) {
    return { reason: 'the trace does not give every group a "batch"' };
  }
  for (const cell of collector.cells.values()) {
    if (cell.nonFinite !== undefined) {
      return {
        reason: `response ${cell.nonFinite.index + 1} of ${describe(cell.nonFinite.where)} got ${cell.nonFinite.value}, not a finite number`,
      };
    }
  }
  const agree = (x: number, y: number, zmax: number) =>
    Math.abs(x - y) <= relTol * Math.max(Math.abs(x), Math.abs(y), zmax);
  const cellText = (key: string) => {
    const cell = collector.cells.get(key)!;
    return `M=${cell.M}, ${collector.describeCell(cell.k, cell.others)}`;
  };
  for (const batch of batches) {
    for (const [key, { min, max }] of batch.cells) {
      if (!agree(min.value, max.value, batch.zmax)) {
        return {
          reason: `within batch ${batch.name}, ${cellText(key)} got ${min.value} (response ${min.index + 1} of ${describe(min.where)}) and ${max.value} (response ${max.index + 1} of ${describe(max.where)}): no factor per batch can explain that`,
        };
      }
    }
  }
  const [first, ...rest] = batches as [BatchCells, ...BatchCells[]];
  const values = new Map<string, number>();
  const scale = { zmax: first.zmax };
  for (const [key, { min }] of first.cells) values.set(key, min.value);
  const factors = [1];
  let pending = rest;
  while (pending.length > 0) {
    const left: BatchCells[] = [];
    for (const batch of pending) {
      let anchor: string | undefined;
      for (const key of batch.cells.keys()) {
        const w = values.get(key);
        if (w !== undefined && Math.abs(w) > Math.abs(values.get(anchor ?? '') ?? 0)) anchor = key;
      }
      const w = anchor === undefined ? 0 : values.get(anchor)!;
      if (anchor === undefined || !(Math.abs(w) > relTol * scale.zmax)) {
        left.push(batch);
        continue;
      }
      const f = batch.cells.get(anchor)!.min.value / w;
      if (!(f > 0)) {
        return {
          reason: `batch ${batch.name} gives ${cellText(anchor)} ${batch.cells.get(anchor)!.min.value} where batch ${first.name}'s scale has ${w}: a factor of ${f}, not positive`,
        };
      }
      for (const [key, { min }] of batch.cells) {
        const known = values.get(key);
        if (known === undefined) continue;
        if (!agree(min.value, f * known, batch.zmax)) {
          return {
            reason: `batch ${batch.name} is ${f.toPrecision(6)} times the others at ${cellText(anchor)} but gives ${cellText(key)} ${min.value}, not ${f * known}: no single factor per batch`,
          };
        }
      }
      for (const [key, { min }] of batch.cells)
        if (!values.has(key)) values.set(key, min.value / f);
      scale.zmax = Math.max(scale.zmax, batch.zmax / f);
      factors.push(f);
    }
    if (left.length === pending.length) {
      return {
        reason: `batch ${left[0]!.name} shares no nonzero cell with the batches before it, so its factor cannot be linked to theirs`,
      };
    }
    pending = left;
  }
  return {
    factor: {
      batches: batches.length,
      reference: first.name,
      smallest: Math.min(...factors),
      largest: Math.max(...factors),
    },
    values,
  };
}
