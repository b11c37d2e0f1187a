import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Scheme, scheme } from '../../src/schemes/index.ts';
import type { CountFormTables } from '../arbitraries/count-form-tables.ts';

const directory = mkdtempSync(join(tmpdir(), 'rl-objective-properties-'));
process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
let files = 0;

/**
 * The scheme `table:file=...` of random tables, built through the public API `scheme(spec, M)`
 * (docs/theory.md §2): the tables are written to a temporary JSON file `{"M", "a", "b"}`, which is
 * what a user would do. The files live in one temporary directory removed at exit.
 */
export function tableScheme(tables: CountFormTables): Scheme {
  return scheme(tableSpec(tables), tables.M);
}

/**
 * The spec `table:file=...` of random tables, for APIs that take a spec (the simulator): writes
 * the temporary JSON file and returns the spec naming it.
 */
export function tableSpec(tables: CountFormTables): string {
  const file = join(directory, `table-${process.pid}-${files++}.json`);
  writeFileSync(file, JSON.stringify({ M: tables.M, a: tables.a, b: tables.b }));
  return `table:file=${file}`;
}
