import { parseSpec } from '../spec/parse-spec.ts';
import { schemeCatalogue } from './catalogue.ts';
import { resolveScheme } from './resolve-scheme.ts';

/** A scheme's known large-M limit (MATH.md §9), as its catalogue entry states it. */
export interface StatedLimit {
  /** As the help line states it, e.g. `I_t(1/2, gamma + 1/2) (eps -> 0)`. */
  readonly text: string;
  /** As a target spec, e.g. `beta:a=0.5,b=1.5` or `log`. */
  readonly target: string;
}

/**
 * The large-M limit of `h_M/h_M(1)` (MATH.md §9) that the catalogue entry of `spec` states, with
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
