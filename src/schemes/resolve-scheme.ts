import { InputError } from '../errors/input-error.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { SpecReader } from '../spec/spec-reader.ts';
import { schemeCatalogue } from './catalogue.ts';
import type { SchemeFormulas } from './scheme-kind.ts';
import { withDapoFilter } from './with-dapo-filter.ts';

/** A validated scheme spec, not yet bound to a group size. */
export interface ResolvedScheme {
  readonly name: string;
  /** Canonical spec: every default filled in, `filter=dapo` last when given. */
  readonly spec: string;
  /** Validates `M` (positive integer, then the scheme's own limits) and builds the formulas. */
  bind(M: number): SchemeFormulas;
}

/**
 * Reads a scheme spec `name[:key=value,...]` (MATH.md §3 and §7) against the catalogue: the
 * name, every key and every value that does not depend on `M`, plus the `filter=dapo` modifier
 * accepted by every scheme. Throws InputError listing the allowed names or keys.
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
  const filter = reader.string('filter');
  if (filter !== undefined && filter !== 'dapo') {
    throw new InputError(`scheme '${kind.name}': filter must be dapo; got '${filter}'`);
  }
  const spec = reader.done();
  return {
    name: kind.name,
    spec,
    bind(M) {
      requirePositiveInteger('M', M);
      const formulas = bindKind(M);
      return filter === 'dapo' ? withDapoFilter(formulas, M) : formulas;
    },
  };
}
