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
