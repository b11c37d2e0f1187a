// Public API of src/errors: InputError (bad input, one line, exit 2), the shared validators of
// numbers, sizes, input files and output directories, and zod loaded on the first schema used.
export { InputError, oneLine, quote } from './input-error.ts';
export { readInputFile, requireInputFile, stripByteOrderMark } from './input-file.ts';
export { firstIssue, lazySchema } from './lazy-zod.ts';
export { LIMITS, type Limit } from './limits.ts';
export { makeOutputDirectory, requireOutputDirectory } from './output-directory.ts';
export {
  parseNumber,
  requireCount,
  requireFinite,
  requireGridPoints,
  requireNonNegative,
  requirePositive,
  requirePositiveInteger,
  requireSize,
  requireUnitInterval,
} from './require.ts';
