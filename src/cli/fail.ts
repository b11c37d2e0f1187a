import { InputError, oneLine } from '../errors/input-error.ts';
import { EXIT } from './exit-codes.ts';

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
