// Public API of src/schemes: re-export each public function from its own file. The catalogue
// entries themselves (`grpo`, `passk`, ...) are reached through `schemeCatalogue` and `scheme()`,
// so that generic names such as `table` or `design` do not crowd the package's top level.

export { binomialRatio } from './binomial-ratio.ts';
export { schemeCatalogue } from './catalogue.ts';
export { type CountFormTables, countFormTables } from './count-form-tables.ts';
export { parseSchemeSpec } from './parse-scheme-spec.ts';
export { readTableFile, type TableFileContents } from './read-table-file.ts';
export { type ResolvedScheme, resolveScheme } from './resolve-scheme.ts';
export type { Scheme } from './scheme.ts';
export { schemeCatalogueHelp } from './scheme-catalogue-help.ts';
export { scheme } from './scheme-from-spec.ts';
export type { SchemeFormulas, SchemeKind, SchemeLimit } from './scheme-kind.ts';
export { type StatedLimit, schemeLimit } from './scheme-limit.ts';
export { NATIVE_TABLES_MAX_M, schemeTables } from './scheme-tables.ts';
export { weightTables } from './weight-tables.ts';
