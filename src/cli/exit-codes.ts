import { InputError, oneLine } from '../errors/index.ts';

/**
 * Exit statuses of the `rl-objective` CLI.
 *
 * - `ok`: success, or every check agrees.
 * - `disagree`: the run completed but a check disagreed or an expectation failed.
 * - `input`: bad input (spec, number, file); one line on stderr.
 * - `insufficient`: the run is too small for its normal approximation to hold (docs/theory.md §6), so it
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

/**
 * Turns any thrown value into the CLI's one-line error on stderr and its exit status:
 * {@link InputError} is the user's mistake (exit 2); anything else is reported as an internal
 * error (exit 70) without a stack trace unless `RL_OBJECTIVE_DEBUG` is set.
 *
 * The message is always one line: line breaks and other control characters in it are escaped
 * ({@link oneLine}), never cut off, whoever wrote the message.
 */
export function fail(error: unknown): number {
  const message = oneLine(error instanceof Error ? error.message : String(error));
  if (error instanceof InputError) {
    process.stderr.write(`rl-objective: ${message}\n`);
    return EXIT.input;
  }
  process.stderr.write(`rl-objective: internal error: ${message}\n`);
  if (process.env.RL_OBJECTIVE_DEBUG && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  return EXIT.internal;
}
