import { InputError } from '../errors/input-error.ts';

/**
 * The chunks shard `i` of `n` runs, out of `totalChunks`: round-robin, every index with
 * `index % n === i`, in increasing order. Deterministic and independent of timing, so shards
 * `0..n-1` cover every chunk exactly once; round-robin rather than contiguous blocks so that
 * chunks whose cost grows along the run (e.g. a battery ordered by M) spread evenly over shards.
 * With `n > totalChunks` some shards are empty.
 *
 * Throws an {@link InputError} unless `totalChunks >= 0`, `n >= 1` and `0 <= i < n` are integers.
 */
export function shardChunks(totalChunks: number, i: number, n: number): number[] {
  if (!Number.isSafeInteger(totalChunks) || totalChunks < 0) {
    throw new InputError(`total chunks must be an integer >= 0, got ${String(totalChunks)}`);
  }
  if (!(Number.isSafeInteger(n) && n >= 1 && Number.isSafeInteger(i) && i >= 0 && i < n)) {
    throw new InputError(
      `shard must be i/n with integers 0 <= i < n, got ${String(i)}/${String(n)}`,
    );
  }
  const chunks: number[] = [];
  for (let index = i; index < totalChunks; index += n) chunks.push(index);
  return chunks;
}
