import { InputError, quote } from '../errors/index.ts';

/** Shard `i` of `n` of a run's chunks, `0 <= i < n`, as in `--shard i/n`. */
export interface Shard {
  readonly i: number;
  readonly n: number;
}

/**
 * Parses `--shard i/n`: two decimal integers with `0 <= i < n`, e.g. `0/3`, `2/3` (as a
 * Kubernetes Indexed Job's `$(JOB_COMPLETION_INDEX)/n` or Slurm's `$SLURM_ARRAY_TASK_ID/n` give
 * them). Anything else (`3/3`, `1/0`, `-1/2`, `1.5/2`, `a/b`, `1`) is an {@link InputError}.
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d{1,15})\s*\/\s*(\d{1,15})\s*$/.exec(text);
  const i = match === null ? Number.NaN : Number(match[1]);
  const n = match === null ? Number.NaN : Number(match[2]);
  if (!(n >= 1 && i < n)) {
    throw new InputError(
      `--shard must be i/n with integers 0 <= i < n, e.g. 0/4; got ${quote(shortened(text))}`,
    );
  }
  return { i, n };
}

/** At most 40 characters of what was given: the message stays short whatever the input. */
function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

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
