/**
 * An error in what the user supplied: a spec, a number, a file, a line of JSON.
 *
 * Library functions throw it for bad input; the CLI prints its message as one line on stderr,
 * with no stack trace, and exits with {@link EXIT.input}. The message must name the offending
 * input and, where there is a short list, what is allowed.
 */
export class InputError extends Error {
  override name = 'InputError';
}
