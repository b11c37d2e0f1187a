/**
 * Exit statuses of the `rl-objective` CLI.
 *
 * - `ok`: success, or every check agrees.
 * - `disagree`: the run completed but a check disagreed or an expectation failed.
 * - `input`: bad input (spec, number, file); one line on stderr.
 * - `insufficient`: the run is too small for its normal approximation to hold (MATH.md §6), so it
 *   gives no verdict either way; the message says how many groups would do.
 * - `internal`: a bug in rl-objective; one line on stderr (set `RL_OBJECTIVE_DEBUG=1` for the stack).
 * - `interrupted`: SIGINT or SIGTERM; completed work is kept where the command supports resuming.
 */
export const EXIT = {
  ok: 0,
  disagree: 1,
  input: 2,
  insufficient: 3,
  internal: 70,
  interrupted: 130,
} as const;

/**
 * The exit status of a run's outcome (`simulate`, `train`): no verdict is neither a success nor
 * a disagreement.
 */
export const EXIT_OF_OUTCOME: Readonly<Record<'agree' | 'disagree' | 'insufficient', number>> = {
  agree: EXIT.ok,
  disagree: EXIT.disagree,
  insufficient: EXIT.insufficient,
};

/** A progress bar on stderr when it is a terminal (cli-progress), else none. */
export async function progressBar(format: string) {
  if (!process.stderr.isTTY) return null;
  const { SingleBar } = await import('cli-progress');
  return new SingleBar({ stream: process.stderr, format });
}
