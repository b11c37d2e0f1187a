import { InputError, lazySchema, quote, readInputFile } from '../errors/index.ts';
import type { CountFormTables } from './count-form-tables.ts';
import type { SchemeFormulas, SchemeKind } from './scheme-kind.ts';

/**
 * Formulas of a scheme given directly by its count-form tables (docs/theory.md §2):
 * `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`, `S_i = K - R_i`. Used by `table` and `design`, whose
 * native formula is this lookup. `a` and `b` must have `M` entries.
 */
export function tableFormulas(
  { a, b }: { readonly a: readonly number[]; readonly b: readonly number[] },
  M: number,
): SchemeFormulas {
  const weight = (R: 0 | 1, K: number): number => (R === 1 ? b[K - 1]! : a[K]!);
  return {
    advantagesInto(rewards, out) {
      let K = 0;
      for (let i = 0; i < M; i++) K += rewards[i]!;
      for (let i = 0; i < M; i++) out[i] = rewards[i] === 1 ? b[K - 1]! : a[K]!;
    },
    // The same lookups once per class, for the simulators: a group's weights depend on K alone.
    groupWeightsInto(_rewards, _start, K, out) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: at K = M no response is wrong, so the callers never read this weight (ClassWeights sets it to 0)
      out[0] = K < M ? a[K]! : 0;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: at K = 0 no response is correct, so the callers never read this weight (ClassWeights sets it to 0)
      out[1] = K > 0 ? b[K - 1]! : 0;
    },
    orderFree: true,
    weight,
  };
}

/** The zod schema of a table file (built on first use: `objective` needs it only for `table:file=...`). */
const tableFileSchema = lazySchema((z) =>
  z
    .object({
      M: z.number().int().positive(),
      a: z.array(z.number()),
      b: z.array(z.number()),
    })
    .refine((t) => t.a.length === t.M && t.b.length === t.M, {
      message: 'a and b must each have M entries',
    }),
);

/** Count-form tables read from a file, with the group size they are for. */
export interface TableFileContents extends CountFormTables {
  readonly M: number;
}

/**
 * Reads a count-form table file `{"M": n, "a": [n numbers], "b": [n numbers]}` (docs/theory.md §2),
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

/**
 * `table:file=weights.json` (docs/theory.md §2): count-form tables `a`, `b` read from a JSON file
 * `{"M", "a", "b"}` (see `readTableFile`); `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`. The file is
 * read and validated when the spec is read; its `M` must equal the group size asked for.
 */
export const table: SchemeKind = {
  name: 'table',
  usage: 'table:file=weights.json',
  summary: 'a and b read from a JSON file {"M", "a", "b"}',
  read(reader) {
    const file = reader.string('file');
    if (file === undefined) throw new InputError("scheme 'table' needs file=...");
    const tables = readTableFile(file);
    return (M) => {
      if (tables.M !== M) {
        throw new InputError(
          `scheme 'table': table file '${file}' is for M = ${tables.M}, but M = ${M} was asked for`,
        );
      }
      return tableFormulas(tables, M);
    };
  },
};
