/** Shard `i` of `n` of a run's chunks, `0 <= i < n`, as in `--shard i/n`. */
export interface Shard {
  readonly i: number;
  readonly n: number;
}
