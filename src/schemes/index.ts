// Public API of src/schemes: weight schemes by spec, their catalogue, count-form tables, and the
// same schemes acting on graded rewards and reward functions (docs/theory.md §10). The
// catalogue entries themselves (`grpo`, `passk`, ...) are reached through `schemeCatalogue` and
// `scheme()`, so that generic names such as `table` or `design` do not crowd the package's top
// level.

export { binomialRatio } from './binomial-ratio.ts';
export { CATALOGUE_SPECS, schemeCatalogue, schemeCatalogueHelp } from './catalogue.ts';
export {
  type CountFormTables,
  countFormTables,
  NATIVE_TABLES_MAX_M,
  schemeTables,
  weightTables,
} from './count-form-tables.ts';
export {
  type Aggregation,
  type GradedScheme,
  gradedScheme,
  gradedSchemeNames,
  type ResolvedGradedScheme,
  resolveGradedScheme,
} from './graded-scheme.ts';
export {
  catalogueAt,
  parseSchemeSpec,
  type ResolvedScheme,
  resolveScheme,
  type StatedLimit,
  schemeDefinedAt,
  schemeLimit,
} from './resolve-scheme.ts';
export { PATTERN_TABLE_MAX_M, type Scheme, scheme } from './scheme.ts';
export type { SchemeFormulas, SchemeKind, SchemeLimit } from './scheme-kind.ts';
export { readTableFile, type TableFileContents } from './table.ts';
