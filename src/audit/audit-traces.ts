import { open } from 'node:fs/promises';
import {
  firstIssue,
  InputError,
  LIMITS,
  lazySchema,
  quote,
  requireInputFile,
  requireSize,
  stripByteOrderMark,
} from '../errors/index.ts';
import { auditReport, checkAuditOptions } from './audit-report.ts';
import { CountFormCollector } from './count-form-collector.ts';
import type { AuditReport, AuditReportOptions, ObservedGroup } from './types.ts';

const traceGroup = lazySchema((z) =>
  z.object({
    rewards: z.array(z.number()),
    advantages: z.array(z.number()),
  }),
);

/** A zod schema as {@link parseTraceGroup} uses it: its parse result and the first issue. */
interface GroupSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { readonly success: true; readonly data: T }
    | { readonly success: false; readonly error: Parameters<typeof firstIssue>[0] };
}

/**
 * Reads one line of a trace as JSON of `schema`'s shape with a group of 1 to the audit's largest
 * M rewards, for the binary and the graded readers alike. Returns `undefined` for a blank line,
 * else the line's data and its place (`traces 'FILE' line N`) for the reader's own messages.
 * Throws an {@link InputError} for a line that is not JSON, not of the shape (`expected` says
 * which), or whose group is empty or too large.
 */
export function parseTraceGroup<T extends { readonly rewards: readonly unknown[] }>(
  text: string,
  line: number,
  source: string,
  schema: GroupSchema<T>,
  expected: string,
): { readonly at: string; readonly data: T } | undefined {
  if (text.trim() === '') return undefined;
  const at = `traces ${quote(source)} line ${line}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${at}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new InputError(`${at}: ${firstIssue(parsed.error)}; expected ${expected}`);
  const { rewards } = parsed.data;
  if (rewards.length === 0) {
    throw new InputError(`${at}: rewards is empty; a group needs at least one response`);
  }
  requireSize(`${at}: the group size`, rewards.length, LIMITS.auditM);
  return { at, data: parsed.data };
}

/**
 * Parses one line of a JSONL trace (docs/theory.md §7, audits of trainers): `{"rewards": [0|1, ...],
 * "advantages": [...]}`, one group per line; other fields (prompt ids, lengths, ...) are ignored.
 *
 * Returns `undefined` for a blank line. Throws an {@link InputError} naming the source and the
 * 1-based line for a line that is not JSON, not an object of two number arrays, has a reward other
 * than 0 or 1, an empty group, or arrays of different lengths.
 */
export function parseTraceLine(
  text: string,
  line: number,
  source: string,
): ObservedGroup | undefined {
  const group = parseTraceGroup(
    text,
    line,
    source,
    traceGroup(),
    '{"rewards": [0|1, ...], "advantages": [numbers]}',
  );
  if (group === undefined) return undefined;
  const { at, data } = group;
  const { rewards, advantages } = data;
  const bad = rewards.findIndex((r) => r !== 0 && r !== 1);
  if (bad >= 0) {
    throw new InputError(`${at}: rewards[${bad}] is ${rewards[bad]}; rewards must be 0 or 1`);
  }
  if (advantages.length !== rewards.length) {
    throw new InputError(
      `${at}: ${rewards.length} rewards but ${advantages.length} advantages; the lengths must match`,
    );
  }
  return { rewards, advantages, where: { line } };
}

/**
 * Audits observed groups (docs/theory.md §2, §7), e.g. dumped by a trainer: files every weight under its
 * cell `(R_i, S_i)`, checks that each cell got one value, and reports the recovered tables and the
 * objective they induce, one entry per group size. The groups must be validated (see
 * `parseTraceLine`); they are streamed, so memory does not grow with their number.
 */
export async function auditGroups(
  groups: Iterable<ObservedGroup> | AsyncIterable<ObservedGroup>,
  options: AuditReportOptions = {},
): Promise<AuditReport> {
  const collector = new CountFormCollector();
  for await (const group of groups) collector.add(group);
  return auditReport(collector, options);
}

/**
 * Audits a JSONL trace of a trainer's groups (docs/theory.md §7): one `{"rewards", "advantages"}` object
 * per line, read line by line. Groups of different sizes are audited separately.
 *
 * Throws an {@link InputError} for a missing file, anything but a regular file of at most 256 MiB
 * (`requireInputFile`), a file with no groups, and (with its line number) any malformed line;
 * see `parseTraceLine`. A UTF-8 byte order mark before the first line is dropped.
 */
export async function auditTraces(
  file: string,
  options: AuditReportOptions = {},
): Promise<AuditReport> {
  checkAuditOptions(options);
  return auditGroups(traceRecords(file, parseTraceLine), options);
}

/**
 * The records of a JSONL trace, read line by line: `parse(text, line, file)` makes each line's
 * record (`undefined` for a blank line, which is skipped); a UTF-8 byte order mark before the
 * first line is dropped. Throws an {@link InputError} for a missing file, anything but a regular
 * file of at most 256 MiB (`requireInputFile`), an unreadable one, or one with no records.
 */
export async function* traceRecords<T>(
  file: string,
  parse: (text: string, line: number, file: string) => T | undefined,
): AsyncGenerator<T> {
  const what = `traces ${quote(file)}`;
  requireInputFile(file, what);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file);
  } catch (error) {
    throw new InputError(`${what}: cannot read it (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    let line = 0;
    let records = 0;
    for await (const text of handle.readLines({ autoClose: false })) {
      line++;
      const record = parse(line === 1 ? stripByteOrderMark(text) : text, line, file);
      if (record !== undefined) {
        records++;
        yield record;
      }
    }
    if (records === 0) {
      const where = line === 0 ? 'line 1: empty file' : `lines 1-${line}: only blank lines`;
      throw new InputError(`${what} ${where}; expected one JSON group per line`);
    }
  } finally {
    await handle.close();
  }
}
