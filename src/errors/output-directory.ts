import { accessSync, constants, mkdirSync, rmdirSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, quote } from './input-error.ts';
import { fileKind } from './input-file.ts';

/**
 * Checks that `path` can be used as an output directory (a report's `--out`, a `--checkpoint`)
 * before any work, and returns it resolved, leaving nothing behind: an existing directory this
 * process may write into, or a missing one that it can create (each missing level is created and
 * removed again, the one sure test on every file system).
 *
 * Throws an {@link InputError} starting with `what` (e.g. `--out '/dev/null'`) when the path is
 * empty, names something other than a directory (`not a directory (a regular file)`, `(a
 * character device)`, ...), lies below something that is not a directory, or cannot be created
 * or written (`cannot create it (EACCES at ...)`, `cannot write into it (EROFS)`). Each level is
 * created with a plain `mkdir`: Node's recursive `mkdir` never returns on a path such as
 * `/proc/nope`, where the kernel answers ENOENT for a directory whose parent exists.
 */
export function requireOutputDirectory(path: string, what: string): string {
  return outputDirectory(path, what, false);
}

/**
 * {@link requireOutputDirectory}, and the directory is created (with its missing parents) and
 * kept: for the writer of a report, at the moment it writes.
 */
export function makeOutputDirectory(path: string, what: string): string {
  return outputDirectory(path, what, true);
}

function outputDirectory(path: string, what: string, keep: boolean): string {
  if (path.trim() === '') throw new InputError(`${what}: give a directory`);
  const target = resolve(path);
  const missing: string[] = [];
  let existing = target;
  let stats = statOrMissing(existing, what);
  while (stats === undefined) {
    missing.unshift(existing);
    existing = dirname(existing);
    stats = statOrMissing(existing, what);
  }
  if (!stats.isDirectory()) {
    throw new InputError(
      missing.length === 0
        ? `${what}: not a directory (${fileKind(stats)})`
        : `${what}: cannot be created, since ${quote(existing)} is not a directory (${fileKind(stats)})`,
    );
  }
  const created: string[] = [];
  try {
    for (const level of missing) {
      try {
        mkdirSync(level);
      } catch (error) {
        throw new InputError(`${what}: cannot create it (${errno(error)} at ${quote(level)})`);
      }
      created.push(level);
    }
    try {
      accessSync(target, constants.W_OK | constants.X_OK);
    } catch (error) {
      throw new InputError(`${what}: cannot write into it (${errno(error)})`);
    }
  } finally {
    if (!keep) for (const level of created.reverse()) rmdirSync(level);
  }
  return target;
}

/**
 * The stats of `path`, or `undefined` when nothing can be there yet (missing, or below something
 * that is not a directory, which the walk up then finds); any other failure is refused.
 */
function statOrMissing(path: string, what: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(`${what}: cannot use it (${errno(error)} at ${quote(path)})`);
  }
}

function errno(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
