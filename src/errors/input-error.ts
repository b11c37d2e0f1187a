import { oneLine } from './one-line.ts';

/**
 * An error in what the user supplied: a spec, a number, a file, a line of JSON.
 *
 * Library functions throw it for bad input; the CLI prints its message as one line on stderr,
 * with no stack trace, and exits with {@link EXIT.input}. The message must name the offending input
 * (quoted with `quote`) and, where there is a short list, what is allowed.
 *
 * The message is passed through {@link oneLine}, so it is one line even when it carries text
 * this package does not control (a JSON parser's excerpt of a file, a module's load error).
 */
export class InputError extends Error {
  override name = 'InputError';

  constructor(message: string) {
    super(oneLine(message));
  }
}
