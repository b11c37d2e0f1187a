import { InputError, requirePositiveInteger } from '../errors/index.ts';
import { parseSpec, SpecReader } from '../grammar/index.ts';
import { CATALOGUE_SPECS, schemeCatalogue } from './catalogue.ts';
import { readGroupFilter } from './group-filter.ts';
import { requireGroupSize, type SchemeFormulas } from './scheme-kind.ts';

/** A validated scheme spec, not yet bound to a group size. */
export interface ResolvedScheme {
  readonly name: string;
  /** Canonical spec: every default filled in, the `filter` modifier last when given. */
  readonly spec: string;
  /** Validates `M` (positive integer, then the scheme's own limits) and builds the formulas. */
  bind(M: number): SchemeFormulas;
}

/**
 * Reads a scheme spec `name[:key=value,...]` (docs/theory.md §3 and §7) against the catalogue: the
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
      requireGroupSize(kind, M);
      const formulas = bindKind(M);
      return filter === undefined ? formulas : filter.bind(formulas, M);
    },
  };
}

/**
 * Whether `spec` names a scheme at group size `M`: it resolves, and `M` is within the scheme's
 * limits (rloo needs `M >= 2`, `passk:k=4` needs `M >= 4`, ...). Other errors are thrown.
 */
export function schemeDefinedAt(spec: string, M: number): boolean {
  try {
    resolveScheme(spec).bind(M);
    return true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

/** The catalogue specs of docs/theory.md §3 ({@link CATALOGUE_SPECS}) defined at group size `M`. */
export function catalogueAt(M: number): string[] {
  return CATALOGUE_SPECS.filter((spec) => schemeDefinedAt(spec, M));
}

/**
 * Validates a scheme spec without a group size, so that the CLI can fail before any work
 * (docs/theory.md §3 and §7 catalogue), and returns its canonical form with every default filled in,
 * e.g. `grpo:eps=1e-6` gives `grpo:std=population,eps=0.000001,eps-at=std`. Checks that need
 * `M` (`k <= M`, `M >= 2`, a table file's `M`) are left to `scheme(spec, M)`.
 */
export function parseSchemeSpec(spec: string): string {
  return resolveScheme(spec).spec;
}

/** A scheme's known large-M limit (docs/theory.md §9), as its catalogue entry states it. */
export interface StatedLimit {
  /** As the help line states it, e.g. `I_t(1/2, gamma + 1/2) (eps -> 0)`. */
  readonly text: string;
  /** As a target spec, e.g. `beta:a=0.5,b=1.5` or `log`. */
  readonly target: string;
}

/**
 * The large-M limit of `h_M/h_M(1)` (docs/theory.md §9) that the catalogue entry of `spec` states, with
 * its parameters filled in (`passk:k=4` gives `beta:a=1,b=4`), or `undefined` when none is
 * known. `filter=dapo` keeps the limit: it zeroes only `c_0` and `c_{M-1}`, whose weight in the
 * Bernstein sum vanishes as M grows. `filter=range` with `lo > 0` or `hi < 1` does not: it zeroes
 * the weights of every `K/M` outside `(lo, hi)`, so `phi` becomes `phi 1[lo < t < hi]`, and no
 * limit is stated. Throws InputError for a bad spec.
 */
export function schemeLimit(spec: string): StatedLimit | undefined {
  const resolved = resolveScheme(spec);
  const limit = schemeCatalogue.find((k) => k.name === resolved.name)?.limit;
  if (limit === undefined) return undefined;
  const { params } = parseSpec(resolved.spec, 'scheme');
  const narrowed =
    params.get('filter') === 'range' &&
    (Number(params.get('lo')) > 0 || Number(params.get('hi')) < 1);
  return narrowed ? undefined : { text: limit.text, target: limit.target(params) };
}
