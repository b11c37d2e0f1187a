import fc from 'fast-check';
import { schemeCatalogue } from '../../src/schemes/index.ts';
import { groupSize } from './count-form-tables.ts';

/** A catalogue scheme spec together with a group size it accepts. */
export interface CatalogueCase {
  readonly spec: string;
  readonly M: number;
}

const EPS_VALUES = [0, 1e-9, 1e-8, 1e-6, 1e-4, 0.1, 1] as const;

/**
 * Spec generators per catalogue name (docs/theory.md §3 and §7), given `M` (at least the scheme's
 * own `minM`): every key and value the scheme accepts.
 */
const GENERATORS: Readonly<Record<string, (M: number) => fc.Arbitrary<string>>> = {
  reinforce: () => fc.constant('reinforce'),
  rloo: () => fc.constant('rloo'),
  'dr-grpo': () => fc.constant('dr-grpo'),
  rs: () => fc.constant('rs'),
  grpo: (M) =>
    fc
      .tuple(
        fc.constantFrom(...(M >= 2 ? ['population', 'sample'] : ['population'])),
        fc.constantFrom(...EPS_VALUES),
        fc.constantFrom('std', 'var'),
      )
      .map(([std, eps, at]) => `grpo:std=${std},eps=${eps},eps-at=${at}`),
  'f-grpo': (M) =>
    fc
      .tuple(
        fc.constantFrom(0, 0.5, 1, 2, 3.7),
        fc.constantFrom(...(M >= 2 ? ['population', 'sample'] : ['population'])),
        fc.constantFrom(...EPS_VALUES),
        fc.constantFrom('std', 'var'),
      )
      .map(([gamma, std, eps, at]) => `f-grpo:gamma=${gamma},std=${std},eps=${eps},eps-at=${at}`),
  passk: (M) => fc.integer({ min: 1, max: M }).map((k) => `passk:k=${k}`),
  'verl-grpo': () => fc.constantFrom('true', 'false').map((v) => `verl-grpo:norm-by-std=${v}`),
  'verl-grpo-vectorized': () =>
    fc.constantFrom('true', 'false').map((v) => `verl-grpo-vectorized:norm-by-std=${v}`),
  'verl-grpo-passk': () =>
    fc.constantFrom('true', 'false').map((v) => `verl-grpo-passk:norm-by-std=${v}`),
  'trl-grpo': () =>
    fc.constantFrom('group', 'none', 'true', 'false').map((v) => `trl-grpo:scale-rewards=${v}`),
  'trl-rloo': () => fc.constant('trl-rloo'),
  'openrlhf-group-norm': () => fc.constant('openrlhf-group-norm'),
  // pkpo: s needs 1 <= k <= M; s-loo k <= M - 1; s-loo-minus-one k >= 2.
  pkpo: (M) =>
    fc
      .constantFrom('s', ...(M >= 2 ? (['s-loo', 's-loo-minus-one'] as const) : ([] as const)))
      .chain((estimator) =>
        fc
          .integer({
            min: estimator === 's-loo-minus-one' ? 2 : 1,
            max: estimator === 's-loo' ? M - 1 : M,
          })
          .map((k) => `pkpo:k=${k},estimator=${estimator}`),
      ),
  design: (M) =>
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom('identity', 'log', 'logit', 'arcsin'),
          fc.constantFrom(0.5, 1, 1.5, 2, 3).map((q) => `power,q=${q}`),
          fc.integer({ min: 1, max: M }).map((k) => `passk,k=${k}`),
        ),
        fc.constantFrom('interior', 'midpoint', 'endpoint'),
        fc.constantFrom('b', 'a', 'half'),
      )
      .map(([target, nodes, split]) => {
        // Endpoint nodes need h' finite at 0 and 1 (not log, logit, arcsin, power q < 1).
        const finiteAtEnds = !/^(log|logit|arcsin|power,q=0\.5)$/.test(target);
        const rule = nodes === 'endpoint' && !finiteAtEnds ? 'interior' : nodes;
        return `design:target=${target},nodes=${rule},split=${split}`;
      }),
  'mean-scaled': () =>
    fc.constantFrom(0.01, 0.1, 1, 10).map((offset) => `mean-scaled:offset=${offset}`),
  'chen-passk': (M) => fc.integer({ min: 1, max: M }).map((k) => `chen-passk:k=${k}`),
};

/**
 * Names in the live catalogue that {@link catalogueCase} can generate: every entry except
 * `table`, which needs a file (the table properties cover it). A catalogue name with no generator
 * here is generated bare (`name`), so that a scheme added later is still exercised.
 */
export function catalogueNames(): string[] {
  return schemeCatalogue.map((k) => k.name).filter((n) => n !== 'table');
}

/**
 * The dynamic-sampling filter to append (docs/theory.md §7): none, DAPO's, or OpenRLHF's range, whose
 * bounds are drawn from a grid of the `K/M` values (strict bounds make the grid points matter).
 */
function filterSuffix(M: number): fc.Arbitrary<string> {
  const none = fc.constant('');
  const dapo = fc.constant('filter=dapo');
  if (M < 2) return fc.oneof(none, dapo);
  const bound = fc.integer({ min: 0, max: 10 }).map((n) => n / 10);
  const range = fc
    .tuple(bound, bound)
    .filter(([lo, hi]) => lo < hi)
    .map(([lo, hi]) => `filter=range,lo=${lo},hi=${hi}`);
  return fc.oneof(none, dapo, range);
}

/**
 * A random catalogue scheme with random options and a group size in `[1, maxM]` that it accepts,
 * optionally with a dynamic-sampling filter (`filter=dapo` or `filter=range`, docs/theory.md §7).
 * Shrinks to the first catalogue entry, the smallest `M` and no filter.
 */
export function catalogueCase(maxM = 64): fc.Arbitrary<CatalogueCase> {
  return fc.constantFrom(...catalogueNames()).chain((name) => {
    const generator = GENERATORS[name] ?? (() => fc.constant(name));
    const minM = schemeCatalogue.find((kind) => kind.name === name)!.minM ?? 1;
    return groupSize(minM, Math.max(minM, maxM)).chain((M) =>
      fc.tuple(generator(M), filterSuffix(M)).map(([spec, filter]) => ({
        spec: filter === '' ? spec : `${spec}${spec.includes(':') ? ',' : ':'}${filter}`,
        M,
      })),
    );
  });
}
