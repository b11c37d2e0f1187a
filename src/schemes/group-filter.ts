import { InputError, requireUnitInterval } from '../errors/index.ts';
import type { SpecReader } from '../grammar/index.ts';
import type { SchemeFormulas } from './scheme-kind.ts';

/** Which groups a dynamic-sampling filter keeps, by group size `M` and number of right answers `K`. */
type Keep = (K: number, M: number) => boolean;

/**
 * A dynamic-sampling filter (docs/theory.md §7): the weights of a group that the trainer drops are 0.
 * The result is still count form, since whether a group is kept depends on `K` only.
 */
export interface GroupFilter {
  /** Validates `M` against the filter's own limits and wraps the scheme's formulas. */
  bind(inner: SchemeFormulas, M: number): SchemeFormulas;
}

/**
 * Reads the `filter` modifier that every scheme accepts (docs/theory.md §7), after the scheme's own
 * keys, so that it comes last in the canonical spec:
 *
 * - `filter=dapo`, DAPO dynamic sampling as in verl's DAPO recipe (`dapo_ray_trainer.py`): a
 *   group is kept when its rewards are not all equal, `1[0 < K < M]`, or when it has a single
 *   response (the recipe keeps those).
 * - `filter=range,lo=L,hi=H`, OpenRLHF's dynamic filtering (`--algo.dynamic_filtering_range L H`,
 *   `samples_generator.py`): a group is kept when its mean reward lies strictly inside the
 *   range, `1[L < K/M < H]`; default `(0, 1)`, which keeps what `dapo` keeps. OpenRLHF requires
 *   `L < H` and more than one response per prompt, hence `M >= 2`.
 *
 * Returns `undefined` when no filter is given. Throws InputError for any other filter, for `lo`
 * or `hi` without `filter=range`, and unless `0 <= lo < hi <= 1`.
 */
export function readGroupFilter(reader: SpecReader): GroupFilter | undefined {
  const name = reader.spec.name;
  const filter = reader.string('filter');
  if (filter !== 'range' && (reader.spec.params.has('lo') || reader.spec.params.has('hi'))) {
    throw new InputError(`scheme '${name}': lo and hi apply to filter=range only`);
  }
  if (filter === undefined) return undefined;
  if (filter === 'dapo') return filterBy((K, M) => M === 1 || (K > 0 && K < M));
  if (filter !== 'range') {
    throw new InputError(`scheme '${name}': filter must be dapo or range; got '${filter}'`);
  }
  // K/M lies in [0, 1], so a bound outside it means a typo, not a wider range.
  const lo = reader.number('lo', 0, requireUnitInterval);
  const hi = reader.number('hi', 1, requireUnitInterval);
  if (!(lo < hi)) {
    throw new InputError(
      `scheme '${name}': filter=range needs 0 <= lo < hi <= 1, got lo = ${lo}, hi = ${hi}`,
    );
  }
  // K/M is the mean of M binary rewards exactly as OpenRLHF computes it (sum, then one division).
  const keep = filterBy((K, M) => lo < K / M && K / M < hi);
  return {
    bind(inner, M) {
      if (M < 2) {
        throw new InputError(
          `scheme '${name}': filter=range needs M >= 2 (OpenRLHF's dynamic filtering requires n_samples_per_prompt > 1), got M = ${M}`,
        );
      }
      return keep.bind(inner, M);
    },
  };
}

function filterBy(keep: Keep): GroupFilter {
  return {
    bind(inner, M) {
      return {
        advantagesInto(rewards, out) {
          let K = 0;
          for (let i = 0; i < M; i++) K += rewards[i]!;
          if (keep(K, M)) inner.advantagesInto(rewards, out);
          else out.fill(0, 0, M);
        },
        weight: (R, K) => (keep(K, M) ? inner.weight(R, K) : 0),
      };
    },
  };
}
