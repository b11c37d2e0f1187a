import { InputError } from '../errors/input-error.ts';
import { EXIT } from './exit-codes.ts';

/**
 * Turns any thrown value into the CLI's one-line error on stderr and its exit status:
 * {@link InputError} is the user's mistake (exit 2); anything else is reported as an internal
 * error (exit 70) without a stack trace unless `RL_OBJECTIVE_DEBUG` is set.
 */
export function fail(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? '';
  if (error instanceof InputError) {
    process.stderr.write(`rl-objective: ${firstLine}\n`);
    return EXIT.input;
  }
  process.stderr.write(`rl-objective: internal error: ${firstLine}\n`);
  if (process.env.RL_OBJECTIVE_DEBUG && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  return EXIT.internal;
}
