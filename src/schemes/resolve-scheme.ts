import { InputError } from '../errors/input-error.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { SpecReader } from '../spec/spec-reader.ts';
import { schemeCatalogue } from './catalogue.ts';
import { readGroupFilter } from './group-filter.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

/** A validated scheme spec, not yet bound to a group size. */
export interface ResolvedScheme {
  readonly name: string;
  /** Canonical spec: every default filled in, the `filter` modifier last when given. */
  readonly spec: string;
  /** Validates `M` (positive integer, then the scheme's own limits) and builds the formulas. */
  bind(M: number): SchemeFormulas;
}

/**
 * Reads a scheme spec `name[:key=value,...]` (MATH.md §3 and §7) against the catalogue: the
 * name, every key and every value that does not depend on `M`, plus the `filter` modifier
 * accepted by every scheme (`filter=dapo` or `filter=range,lo=L,hi=H`, see `readGroupFilter`).
 * Throws InputError listing the allowed names or keys.
 */
export function resolveScheme(text: string): ResolvedScheme {
  const parsed = parseSpec(text, 'scheme');
  const kind = schemeCatalogue.find((k) => k.name === parsed.name);
  if (kind === undefined) {
    const names = schemeCatalogue.map((k) => k.name).join(', ');
    throw new InputError(`unknown scheme '${parsed.name}'; allowed: ${names}`);
  }
  const reader = new SpecReader(parsed, 'scheme');
  const bindKind = kind.read(reader);
  const filter = readGroupFilter(reader);
  const spec = reader.done();
  return {
    name: kind.name,
    spec,
    bind(M) {
      requirePositiveInteger('M', M);
      const formulas = bindKind(M);
      return filter === undefined ? formulas : filter.bind(formulas, M);
    },
  };
}
