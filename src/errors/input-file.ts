import { readFileSync, type Stats, statSync } from 'node:fs';
import { InputError } from './input-error.ts';

/**
 * The largest input file read (256 MiB): far above any table, policy or trace this package
 * expects, and small enough that reading it whole cannot exhaust memory.
 */
export const MAX_INPUT_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Requires that `path` names a regular file of at most {@link MAX_INPUT_FILE_BYTES} bytes, before
 * anything reads it: a device such as `/dev/zero`, a FIFO or a directory would be read forever,
 * block, or fail obscurely. Throws an {@link InputError} `<what>: file not found`,
 * `<what>: not a regular file (a FIFO)`, `<what>: too large (...)` or `<what>: cannot read it
 * (<errno code>)`, where `what` names the input (e.g. `table file '<path>'`, quoted).
 */
export function requireInputFile(path: string, what: string): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${what}: ${code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? String(error)})`}`,
    );
  }
  if (!stats.isFile()) throw new InputError(`${what}: not a regular file (${fileKind(stats)})`);
  if (stats.size > MAX_INPUT_FILE_BYTES) {
    throw new InputError(
      `${what}: too large (${stats.size} bytes; input files are limited to ${MAX_INPUT_FILE_BYTES / 2 ** 20} MiB)`,
    );
  }
}

/** What a path that is not a directory or not a regular file is, for a message: `a FIFO`, ... */
export function fileKind(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/**
 * Reads a file the user named (a table, a `@policy.json`, a JSONL trace) as UTF-8 text. The one
 * way this package reads user-supplied paths: {@link requireInputFile} first refuses a missing
 * path, anything but a regular file, and a file over `MAX_INPUT_FILE_BYTES`, so a read never
 * hangs or exhausts memory. Every failure is an {@link InputError} whose message starts with
 * `what` (the input and its path, quoted: e.g. `policy file '<path>'`). A UTF-8 byte order mark
 * at the start, which some editors write, is dropped ({@link stripByteOrderMark}).
 */
export function readInputFile(path: string, what: string): string {
  requireInputFile(path, what);
  // A path swapped for a FIFO between the check and the read would still block; that takes a
  // deliberate race on the user's own machine, not a mistyped argument.
  try {
    return stripByteOrderMark(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`${what}: cannot read it (${code})`);
  }
}

/**
 * `text` without a leading byte order mark (U+FEFF). Editors on Windows save UTF-8 with one; it is
 * not part of the content, and a JSON parser refuses it as an invisible unexpected character.
 */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
