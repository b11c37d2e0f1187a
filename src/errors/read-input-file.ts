import { readFileSync } from 'node:fs';
import { InputError } from './input-error.ts';
import { requireInputFile } from './require-input-file.ts';

/**
 * Reads a file the user named (a table, a `@policy.json`, a JSONL trace) as UTF-8 text. The one
 * way this package reads user-supplied paths: {@link requireInputFile} first refuses a missing
 * path, anything but a regular file, and a file over `MAX_INPUT_FILE_BYTES`, so a read never
 * hangs or exhausts memory. Every failure is an {@link InputError} whose message starts with
 * `what` (the input and its path, quoted: e.g. `policy file '<path>'`).
 */
export function readInputFile(path: string, what: string): string {
  requireInputFile(path, what);
  // A path swapped for a FIFO between the check and the read would still block; that takes a
  // deliberate race on the user's own machine, not a mistyped argument.
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`${what}: cannot read it (${code})`);
  }
}
