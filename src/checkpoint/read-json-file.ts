import type { z } from 'zod';
import { InputError } from '../errors/input-error.ts';
import { readInputFile } from '../errors/input-file.ts';

/**
 * Reads a JSON file of this folder's formats and validates it with `schema` (internal helper):
 * every failure (missing, not a regular file or larger than 256 MiB, unreadable, not JSON, wrong
 * shape) is an {@link InputError} that names the file as `what` (InputError keeps it one line).
 */
export function readJsonFile<T>(path: string, what: string, schema: z.ZodType<T>): T {
  const text = readInputFile(path, what);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(`${what}: ${at}${issue.message}`);
  }
  return parsed.data;
}
