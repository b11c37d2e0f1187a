import { createRequire } from 'node:module';
import { InputError, quote } from '../errors/input-error.ts';
import { readInputFile } from '../errors/input-file.ts';
import type { CountFormTables } from './count-form-tables.ts';

/**
 * The zod schema of a table file, built on first use. zod's module graph takes longer to load than
 * the rest of a command such as `objective`, which needs it only for `table:file=...`, so it is
 * required lazily (synchronously: scheme resolution is synchronous).
 */
function tableFileSchema() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  return z
    .object({
      M: z.number().int().positive(),
      a: z.array(z.number()),
      b: z.array(z.number()),
    })
    .refine((t) => t.a.length === t.M && t.b.length === t.M, {
      message: 'a and b must each have M entries',
    });
}

/** Count-form tables read from a file, with the group size they are for. */
export interface TableFileContents extends CountFormTables {
  readonly M: number;
}

/**
 * Reads a count-form table file `{"M": n, "a": [n numbers], "b": [n numbers]}` (MATH.md §2),
 * validated with zod. Every failure (missing, unreadable, not a regular or too large file, malformed JSON, a missing or
 * non-numeric field, wrong lengths) is an InputError naming the file.
 */
export function readTableFile(file: string): TableFileContents {
  const where = `table file ${quote(file)}`;
  const text = readInputFile(file, where);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${where}: malformed JSON (${(error as Error).message})`);
  }
  const parsed = tableFileSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(
      `${where}: expected {"M": n, "a": [n numbers], "b": [n numbers]}; ${field}${issue.message}`,
    );
  }
  const { M, a, b } = parsed.data;
  return { M, a, b };
}
