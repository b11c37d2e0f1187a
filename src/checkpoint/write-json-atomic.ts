import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors/index.ts';
import { canonicalJson } from './canonical-json.ts';

/**
 * Writes `value` as canonical JSON (see `canonicalJson`) plus a newline to `path` so that a
 * reader sees either the old file or the complete new one, never a torn write, even if the
 * process is killed or the machine loses power part-way:
 *
 * 1. write a temp file `.NAME.PID.RANDOM.tmp` in the same directory (a rename is only atomic
 *    within one file system);
 * 2. fsync it, so that its bytes are on disk before the rename makes them visible;
 * 3. rename it over `path`;
 * 4. fsync the directory, so that the rename itself survives a crash (best effort: some file
 *    systems refuse to open a directory for syncing).
 *
 * A temp file left by a process killed before step 3 is never read as data: readers of this
 * folder ignore `.*.tmp` names. On a write error the temp file is removed and an
 * {@link InputError} names the path and the system error code (ENOSPC, EACCES, ...).
 */
export function writeJsonAtomic(path: string, value: unknown): void {
  const text = `${canonicalJson(value, basename(path))}\n`;
  const dir = dirname(path);
  // node:crypto on first use: the package root imports this module, and loading crypto is a
  // visible share of that import's time (docs/package.md).
  const random = process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex');
  const temp = join(dir, `.${basename(path)}.${process.pid}.${random}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`cannot write '${path}' (${code})`);
  }
  syncDirectory(dir);
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Directory fsync is unsupported on some platforms (Windows, some network file systems);
    // the file itself is already synced, so only the rename's durability is at stake there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
