import { open } from 'node:fs/promises';
import { InputError } from '../errors/input-error.ts';
import { auditGroups } from './audit-groups.ts';
import { parseTraceLine } from './parse-trace-line.ts';
import type { AuditOptions, AuditReport, ObservedGroup } from './types.ts';

/**
 * Audits a JSONL trace of a trainer's groups (MATH.md §7): one `{"rewards", "advantages"}` object
 * per line, read line by line. Groups of different sizes are audited separately.
 *
 * Throws an {@link InputError} for a missing file, a file with no groups, and (with its line
 * number) any malformed line; see `parseTraceLine`.
 */
export async function auditTraces(file: string, options: AuditOptions = {}): Promise<AuditReport> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? error})`;
    throw new InputError(`traces '${file}': ${why}`);
  }
  try {
    return await auditGroups(groupsOf(handle, file), options);
  } finally {
    await handle.close();
  }
}

async function* groupsOf(
  handle: Awaited<ReturnType<typeof open>>,
  file: string,
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
    throw new InputError(`traces '${file}' ${where}; expected one JSON group per line`);
  }
}
