/**
 * Characters that must not reach a one-line message raw: every control character (C0, DEL, C1:
 * `\n`, `\r`, `\t`, `\u0085`, ESC of terminal escape sequences, ...), the Unicode line and
 * paragraph separators U+2028 and U+2029 (JavaScript line terminators), and the bidirectional
 * formatting characters, which reorder what a terminal shows.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes `text` safe to print as (part of) one line: each unsafe character is replaced by its
 * JavaScript escape (`\n`, `\r`, `\t`, otherwise `\uXXXX`), so nothing is lost or truncated and
 * the message cannot span several lines or rewrite the terminal. Idempotent.
 */
export function oneLine(text: string): string {
  return text.replace(
    UNSAFE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Quotes user input for an error message, as a single-quoted JavaScript string literal:
 * `quote("it's")` is `'it\'s'` and `quote('a\nb')` is `'a\nb'` with a backslash, not a line
 * break (see {@link oneLine}). The input stays readable and unambiguous, whatever it contains.
 */
export function quote(text: string): string {
  return `'${oneLine(text.replace(/[\\']/g, '\\$&'))}'`;
}

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
