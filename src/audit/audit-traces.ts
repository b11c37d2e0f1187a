import { open } from 'node:fs/promises';
import { InputError, quote } from '../errors/input-error.ts';
import { requireInputFile } from '../errors/input-file.ts';
import { auditGroups } from './audit-groups.ts';
import { parseTraceLine } from './parse-trace-line.ts';
import type { AuditOptions, AuditReport, ObservedGroup } from './types.ts';

/**
 * Audits a JSONL trace of a trainer's groups (MATH.md §7): one `{"rewards", "advantages"}` object
 * per line, read line by line. Groups of different sizes are audited separately.
 *
 * Throws an {@link InputError} for a missing file, anything but a regular file of at most 256 MiB
 * (`requireInputFile`), a file with no groups, and (with its line number) any malformed line;
 * see `parseTraceLine`.
 */
export async function auditTraces(file: string, options: AuditOptions = {}): Promise<AuditReport> {
  const what = `traces ${quote(file)}`;
  requireInputFile(file, what);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file);
  } catch (error) {
    throw new InputError(`${what}: cannot read it (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return await auditGroups(groupsOf(handle, file, what), options);
  } finally {
    await handle.close();
  }
}

async function* groupsOf(
  handle: Awaited<ReturnType<typeof open>>,
  file: string,
  what: string,
): AsyncGenerator<ObservedGroup> {
  let line = 0;
  let groups = 0;
  for await (const text of handle.readLines({ autoClose: false })) {
    line++;
    const group = parseTraceLine(text, line, file);
    if (group !== undefined) {
      groups++;
      yield group;
    }
  }
  if (groups === 0) {
    const where = line === 0 ? 'line 1: empty file' : `lines 1-${line}: only blank lines`;
    throw new InputError(`${what} ${where}; expected one JSON group per line`);
  }
}
