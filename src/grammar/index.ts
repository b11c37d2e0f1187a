// Public API of src/grammar: the grammar `name[:key=value[,key=value]...]` of scheme, policy and
// target specs, and the reader that takes their parameters one by one.
export { parseSpec } from './parse-spec.ts';
export { SpecReader } from './spec-reader.ts';
