import { InputError } from '../errors/index.ts';
import { type LimitShape, readLimitShape, type WeightDifference } from '../objective/index.ts';

/**
 * A reader of the weight difference `b* - a*` (docs/theory.md §9, "The limit of any scheme") from
 * code that weighs one group at a time (`call`: a user's function, module or Python function):
 * for `K` correct answers among `M`, the rewards have their ones spread evenly (response
 * `floor(j M / K)` for `j < K`), and the difference is a correct response's weight minus a wrong
 * one's. Every correct response must get one weight and every wrong one another, to `relTol`
 * of the largest `|Z|` (the count form of docs/theory.md §2 at that group); otherwise, or for a reply
 * that is not `M` finite numbers, the reader gives the reason, naming `label`.
 */
export function groupWeightDifference(
  call: (rewards: number[]) => Promise<readonly unknown[]> | readonly unknown[],
  label: string,
  relTol: number,
): (K: number, M: number) => Promise<WeightDifference> {
  return async (K, M) => {
    const rewards = new Array<number>(M).fill(0);
    for (let j = 0; j < K; j++) rewards[Math.floor((j * M) / K)] = 1;
    const at = `${label} on a group of M = ${M} with K = ${K} correct`;
    const out = await call(rewards);
    if (!(Array.isArray(out) || ArrayBuffer.isView(out)) || out.length !== M) {
      return { reason: `${at}: expected an array of ${M} numbers` };
    }
    const z = out as readonly number[];
    let scale = 0;
    for (let i = 0; i < M; i++) {
      if (typeof z[i] !== 'number' || !Number.isFinite(z[i])) {
        return { reason: `${at}: weight ${i} is ${String(z[i])}, not a finite number` };
      }
      scale = Math.max(scale, Math.abs(z[i]!));
    }
    const first: [number | undefined, number | undefined] = [undefined, undefined];
    for (let i = 0; i < M; i++) {
      const r = rewards[i] as 0 | 1;
      const seen = first[r];
      if (seen === undefined) {
        first[r] = i;
      } else if (Math.abs(z[i]! - z[seen]!) > relTol * scale) {
        const kind = r === 1 ? 'correct' : 'wrong';
        return {
          reason: `${at}: ${kind} responses ${seen} and ${i} got ${z[seen]} and ${z[i]}, so the weights are not count form there and no limit can be read`,
        };
      }
    }
    return z[first[1]!]! - z[first[0]!]!;
  };
}

/**
 * The large-M limit of audited code (docs/theory.md §9): {@link groupWeightDifference} of `call` at
 * the counts of `limitCounts(M)`, read by `readLimitShape`; or, where the code is not count form
 * at that group or its weights optimize nothing, the reason (an `audit --limit` still reports
 * its sizes then).
 */
export async function readCodeLimit(
  call: (rewards: number[]) => Promise<readonly unknown[]> | readonly unknown[],
  label: string,
  relTol: number,
  M: number,
): Promise<LimitShape | { readonly reason: string }> {
  const difference = groupWeightDifference(call, label, relTol);
  try {
    return await readLimitShape(M, (K) => difference(K, M));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { reason: error.message };
  }
}
