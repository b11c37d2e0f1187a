/** A stated limit: the largest value accepted, and why there is one. */
export interface Limit {
  readonly max: number;
  /** Completes the message "must be at most N (...)". */
  readonly why: string;
}

/**
 * The stated limits of the package: the largest size of each kind that the code is known to
 * handle in time and memory (docs/rejected-inputs.md, "Limits", has the measurements). Anything
 * larger is refused before any work starts, with a message naming the limit and why it exists
 * (`requireSize` in require.ts).
 */
export const LIMITS = {
  /**
   * Group size `M` of a scheme, a table, a design, a simulation or a training run, and `B` of
   * pure rejection sampling: tables of `M` entries are held (and, with `--json`, printed) whole,
   * and a closed form costs O(M) per point.
   */
  M: {
    max: 1_000_000,
    why: 'tables of M entries are held in memory and printed whole, and each point of h_M costs O(M)',
  },
  /** Points `t` of an objective table, of an audit or of a large-M study. */
  points: { max: 1_000_000, why: 'every point is computed and printed' },
  /** Points times group size (summed over the sizes of a study): O(M) per point. */
  pointWork: {
    max: 1_000_000_000,
    why: 'each point costs O(M)',
  },
  /**
   * Group size of an audit: it compares `h_M` with pass@k for every `k <= M`, and calls code
   * (`--module`, `--python`) on at least `2 (M + 1)` groups of `M` rewards: O(M^2) work.
   */
  auditM: {
    max: 100_000,
    why: 'an audit compares h_M with pass@k for every k <= M, and calls code on at least 2 (M + 1) groups of M rewards: its work grows as M^2',
  },
  /**
   * Chunks of one simulation or training run: each is scheduled, and kept as a file of a
   * checkpoint.
   */
  chunks: {
    max: 2 ** 20,
    why: 'a run is cut into chunks of a few million responses, each scheduled and checkpointed on its own',
  },
} as const satisfies Record<string, Limit>;
