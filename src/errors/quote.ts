import { oneLine } from './one-line.ts';

/**
 * Quotes user input for an error message, as a single-quoted JavaScript string literal:
 * `quote("it's")` is `'it\'s'` and `quote('a\nb')` is `'a\nb'` with a backslash, not a line
 * break (see {@link oneLine}). The input stays readable and unambiguous, whatever it contains.
 */
export function quote(text: string): string {
  return `'${oneLine(text.replace(/[\\']/g, '\\$&'))}'`;
}
