import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { InputError } from '../errors/input-error.ts';

/**
 * Reads a JSON file of this folder's formats and validates it with `schema` (internal helper):
 * every failure (missing, not a regular file, unreadable, not JSON, wrong shape) is an {@link InputError} that names the
 * file as `what` and fits on one line.
 */
export function readJsonFile<T>(path: string, what: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    // Only regular files: reading a device such as /dev/zero or a FIFO would never end.
    if (!statSync(path).isFile()) throw new InputError(`${what}: not a regular file`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`${what}: cannot read it (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what}: not valid JSON (${oneLine((error as Error).message)})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(`${what}: ${at}${oneLine(issue.message)}`);
  }
  return parsed.data;
}

function oneLine(text: string): string {
  const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
