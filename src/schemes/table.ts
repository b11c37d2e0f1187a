import { InputError } from '../errors/input-error.ts';
import { readTableFile } from './read-table-file.ts';
import type { SchemeKind } from './scheme-kind.ts';
import { tableFormulas } from './table-formulas.ts';

/**
 * `table:file=weights.json` (MATH.md §2): count-form tables `a`, `b` read from a JSON file
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
