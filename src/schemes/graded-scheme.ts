import { InputError, parseNumber, quote, requirePositiveInteger } from '../errors/index.ts';
import { parseSpec, SpecReader } from '../grammar/index.ts';
import type { RewardClasses } from '../rewards/index.ts';
import { schemeCatalogue } from './catalogue.ts';
import { groupNormalized, TRL_EPS } from './group-normalized.ts';
import { requireGroupSize, type SchemeFormulas } from './scheme-kind.ts';

/** TRL's `multi_objective_aggregation` (docs/theory.md §10, several reward functions). */
export type Aggregation = 'sum_then_normalize' | 'normalize_then_sum';

/**
 * A weight scheme acting on the reward classes of docs/theory.md §10, bound to a group size `M`:
 * the generalization of {@link Scheme} from binary rewards to `C` classes, with the same two
 * forms of the same weights.
 *
 * - The native group formula ({@link GradedScheme.advantagesInto}, `classAdvantagesInto`,
 *   `advantages`), computed as the trainer computes it from the group's reward values or vectors.
 * - The generalized count form ({@link GradedScheme.weight}): `Z_i = w_{k_i}(N^(-i))`, with `k_i`
 *   the class of response `i` and `N^(-i)` the class counts of the other `M - 1` responses.
 *
 * With two classes at levels `0, 1`, `weight(0, n)` and `weight(1, n)` are the binary tables
 * `a[n_1]`, `b[n_1]` of the same spec, bit for bit.
 */
export interface GradedScheme {
  /** Canonical spec with every default filled in (graded keys included, e.g. `aggregation`). */
  readonly spec: string;
  /** Catalogue name, e.g. `grpo`, `trl-grpo`. */
  readonly name: string;
  /** Group size. */
  readonly M: number;
  /** The reward classes the scheme acts on. */
  readonly classes: RewardClasses;
  /**
   * How the reward functions are combined: `sum_then_normalize` (the scheme's formula on the
   * weighted sum of the functions; also the only way for levels and for every scheme but
   * `trl-grpo`), or `normalize_then_sum` (the formula on each function, then the weighted sum).
   */
  readonly aggregation: Aggregation;
  /**
   * Where the field is not closed, how the update reads at large M (`SchemeKind.gradedReading`),
   * for `sum_then_normalize`; absent otherwise.
   */
  readonly largeMReading?: string;
  /** The weight `w_k` of each reward function (`reward-weights`); `[1]` for levels. */
  readonly rewardWeights: readonly number[];
  /**
   * The scalar reward the formula sees for each class under `sum_then_normalize`: the level, or
   * `sum_k w_k r_k`, summed in the order `k = 1..d` as TRL sums it.
   */
  readonly scalarRewards: readonly number[];
  /**
   * A first-order bound on the rounding error of any weight `w_j(n)` as the native formula
   * computes it, in absolute terms: the formula's sums and centring perturb each reward by at
   * most `(2M + 8 + d) u` of the largest reward `R` (`u = Number.EPSILON`, `d` for the weighted
   * sum of the functions), and the weight moves by at most the formula's gain (the l1 norm of
   * its gradient, `SchemeFormulas.rewardGain`) times that. The closedness tolerance of
   * docs/theory.md §10 starts from it.
   */
  readonly weightError: number;
  /**
   * Native group formula on `M` reward vectors stored row by row (`rewards[i * d + k]` is
   * function `k + 1` of response `i`; for levels, `rewards[i]`): writes `Z_i` into `out[0..M-1]`.
   * No validation and no allocation: the caller guarantees `M * d` values, each vector a class.
   */
  advantagesInto(rewards: ArrayLike<number>, out: Float64Array): void;
  /**
   * The same native formula for a group given by the class `k_i` of each of its `M` responses
   * (an integer in `0..C-1`, as a sampler draws it). No validation, no allocation.
   */
  classAdvantagesInto(groupClasses: ArrayLike<number>, out: Float64Array): void;
  /**
   * Native group formula with validation: `M` rewards, each a declared level (a number) or a
   * reward vector of `d` entries 0 or 1 (a scalar 0 or 1 is accepted when `d = 1`). Throws an
   * InputError naming the first reward that is not one of the classes.
   */
  advantages(rewards: readonly (number | readonly number[])[]): number[];
  /**
   * The generalized count-form weight `w_j(n)` (docs/theory.md §10): the weight of a response of
   * class `j` when the other `M - 1` responses have class counts `n[0..C-1]`. Derived from the
   * native formula on the canonical group: the response itself first, then `n[C-1]` responses
   * of class `C-1`, ..., `n[0]` of class 0 (with two classes this is the binary tables' canonical
   * group). The caller guarantees `0 <= j < C` and counts summing to `M - 1`.
   */
  weight(j: number, n: ArrayLike<number>): number;
}

/** A scheme spec resolved against reward classes, not yet bound to a group size. */
export interface ResolvedGradedScheme {
  readonly name: string;
  /** Canonical spec: every default filled in. */
  readonly spec: string;
  readonly aggregation: Aggregation;
  readonly rewardWeights: readonly number[];
  /** Validates `M` (the scheme's own limits) and builds the graded scheme. */
  bind(M: number): GradedScheme;
}

const AGGREGATIONS: readonly Aggregation[] = ['sum_then_normalize', 'normalize_then_sum'];

/** The catalogue names whose native formula acts on real rewards, in catalogue order. */
export function gradedSchemeNames(): string[] {
  return schemeCatalogue.filter((k) => k.realRewards).map((k) => k.name);
}

/**
 * Reads a scheme spec `name[:key=value,...]` for the reward classes `classes` (docs/theory.md §10):
 * a catalogue scheme whose native formula is written for real rewards (`reinforce`, `rloo`,
 * `dr-grpo`, `grpo` with its keys, `mean-scaled`, `trl-grpo` and the other trainer presets of the
 * same formulas), acting on the scalar reward of each class: the level, or the sum of the reward
 * functions. `trl-grpo` with reward functions also reads TRL's
 * `aggregation=sum_then_normalize|normalize_then_sum` (default `sum_then_normalize`, as in TRL)
 * and `reward-weights=W1/W2/...` (one finite weight per function; default all 1):
 *
 * - `sum_then_normalize`: `r = sum_k w_k r_k`, then TRL's group formula (`scale-rewards` applies);
 * - `normalize_then_sum`: each `r_k` normalized within the group by TRL's
 *   `(r_k - mean)/(sample std + 1e-4)` (always: TRL ignores `scale-rewards` here), then
 *   `sum_k w_k` of them. TRL then standardizes these sums over the whole batch, one positive
 *   factor per batch, which changes the step size and not the objective; the weights here are the
 *   per-group part.
 *
 * Throws InputError for a scheme defined for binary rewards only (pass@k, rs, ...), a `filter`
 * modifier (it counts correct answers), a bad key or value, or graded keys with levels.
 */
export function resolveGradedScheme(text: string, classes: RewardClasses): ResolvedGradedScheme {
  const parsed = parseSpec(text, 'scheme');
  const kind = schemeCatalogue.find((k) => k.name === parsed.name);
  if (kind === undefined || !kind.realRewards) {
    const known = kind === undefined ? 'unknown scheme' : 'scheme';
    throw new InputError(
      `${known} '${parsed.name}' with ${classes.spec}: allowed with graded rewards or reward functions: ${gradedSchemeNames().join(', ')}`,
    );
  }
  const functionKeys = ['aggregation', 'reward-weights'].filter((key) => parsed.params.has(key));
  if (functionKeys.length > 0 && !(kind.name === 'trl-grpo' && classes.kind === 'functions')) {
    throw new InputError(
      `scheme '${kind.name}': ${functionKeys.join(' and ')} apply to trl-grpo with reward functions only, not with ${classes.spec}`,
    );
  }
  const reader = new SpecReader(parsed, 'scheme');
  const bindKind = kind.read(reader);
  let aggregation: Aggregation = 'sum_then_normalize';
  let rewardWeights: readonly number[] = Array(classes.d).fill(1);
  if (kind.name === 'trl-grpo' && classes.kind === 'functions') {
    aggregation = reader.choice('aggregation', AGGREGATIONS, 'sum_then_normalize');
    const weights = reader.string('reward-weights', rewardWeights.join('/'))!;
    rewardWeights = readRewardWeights(weights, classes.d);
  }
  const spec = reader.done();
  return {
    name: kind.name,
    spec,
    aggregation,
    rewardWeights,
    bind(M) {
      requirePositiveInteger('M', M);
      requireGroupSize(kind, M);
      const graded = bindGraded(
        spec,
        kind.name,
        classes,
        aggregation,
        rewardWeights,
        bindKind(M),
        M,
      );
      const reading = aggregation === 'sum_then_normalize' ? kind.gradedReading : undefined;
      return reading === undefined ? graded : { ...graded, largeMReading: reading };
    },
  };
}

/**
 * Builds the scheme named by `spec` acting on the reward classes `classes` for group size `M`
 * (docs/theory.md §10; see `resolveGradedScheme` for the schemes and keys): its native group
 * formula, run on reward values or vectors, and its generalized count-form weights `w_j(n)`
 * derived from that formula. Throws InputError for a bad spec or `M`.
 */
export function gradedScheme(spec: string, classes: RewardClasses, M: number): GradedScheme {
  return resolveGradedScheme(spec, classes).bind(M);
}

function readRewardWeights(text: string, d: number): number[] {
  const parts = text.split('/');
  if (parts.length !== d) {
    throw new InputError(
      `scheme 'trl-grpo': reward-weights needs ${d} weights separated by '/', one per reward function, got ${quote(text)}`,
    );
  }
  return parts.map((part, k) => {
    const w = parseNumber(`scheme 'trl-grpo': reward-weights entry ${k + 1}`, part);
    if (!Number.isFinite(w)) {
      throw new InputError(
        `scheme 'trl-grpo': reward-weights entry ${k + 1} must be finite, got ${part}`,
      );
    }
    return w;
  });
}

function bindGraded(
  spec: string,
  name: string,
  classes: RewardClasses,
  aggregation: Aggregation,
  rewardWeights: readonly number[],
  formulas: SchemeFormulas,
  M: number,
): GradedScheme {
  const { C, d } = classes;
  const scalarRewards = classes.vectors.map((v) =>
    classes.kind === 'levels' ? v[0]! : weightedSum(v, rewardWeights),
  );
  formulas.requireRewardRange?.(Math.min(...scalarRewards), Math.max(...scalarRewards));
  const scratch = new Float64Array(M);
  const column = new Float64Array(M);
  const canonical = new Int32Array(M);
  const label = `scheme '${spec}' with M = ${M} and ${classes.spec}`;

  let advantagesInto: GradedScheme['advantagesInto'];
  let classAdvantagesInto: GradedScheme['classAdvantagesInto'];
  if (aggregation === 'sum_then_normalize') {
    advantagesInto =
      classes.kind === 'levels'
        ? formulas.advantagesInto
        : (rewards, out) => {
            for (let i = 0; i < M; i++) {
              let r = 0;
              for (let k = 0; k < d; k++) r += rewardWeights[k]! * rewards[i * d + k]!;
              scratch[i] = r;
            }
            formulas.advantagesInto(scratch, out);
          };
    classAdvantagesInto = (groupClasses, out) => {
      for (let i = 0; i < M; i++) scratch[i] = scalarRewards[groupClasses[i]!]!;
      formulas.advantagesInto(scratch, out);
    };
  } else {
    const perFunction = perFunctionFormulas(M);
    const sumNormalized = (bit: (i: number, k: number) => number, out: Float64Array): void => {
      out.fill(0, 0, M);
      for (let k = 0; k < d; k++) {
        for (let i = 0; i < M; i++) scratch[i] = bit(i, k);
        perFunction.advantagesInto(scratch, column);
        for (let i = 0; i < M; i++) out[i] = out[i]! + rewardWeights[k]! * column[i]!;
      }
    };
    advantagesInto = (rewards, out) => sumNormalized((i, k) => rewards[i * d + k]!, out);
    classAdvantagesInto = (groupClasses, out) =>
      sumNormalized((i, k) => classes.vectors[groupClasses[i]!]![k]!, out);
  }

  const weightOut = new Float64Array(M);
  const u = Number.EPSILON;
  let weightError: number;
  if (aggregation === 'sum_then_normalize') {
    const values = [...new Set(scalarRewards)].sort((x, y) => x - y);
    const gain = requireGain(formulas, spec)(values);
    const R = Math.max(...scalarRewards.map(Math.abs));
    weightError = (2 * M + 8 + d) * u * R * gain;
  } else {
    // Each function's rewards are 0 and 1; the weighted sum of d normalized weights, each at
    // most sqrt(M), adds d u of their size.
    const gain = requireGain(perFunctionFormulas(M), spec)([0, 1]);
    const total = rewardWeights.reduce((sum, w) => sum + Math.abs(w), 0);
    weightError = total * ((2 * M + 8) * u * gain + d * u * Math.sqrt(M));
  }
  return {
    spec,
    name,
    M,
    classes,
    aggregation,
    rewardWeights: Object.freeze([...rewardWeights]),
    scalarRewards: Object.freeze(scalarRewards),
    weightError,
    advantagesInto,
    classAdvantagesInto,
    advantages(rewards) {
      if (rewards.length !== M) {
        throw new InputError(`${label}: expected ${M} rewards, got ${rewards.length}`);
      }
      const group = new Int32Array(M);
      rewards.forEach((reward, i) => {
        const j = classes.classOf(reward);
        if (j === undefined) {
          const shown = typeof reward === 'number' ? String(reward) : `[${reward.join(', ')}]`;
          throw new InputError(
            `${label}: reward ${i} is ${shown}, not one of the classes ${classes.labels.join(', ')}`,
          );
        }
        group[i] = j;
      });
      const out = new Float64Array(M);
      classAdvantagesInto(group, out);
      return Array.from(out);
    },
    weight(j, n) {
      canonical[0] = j;
      let i = 1;
      for (let c = C - 1; c >= 0; c--) {
        for (let m = 0; m < n[c]!; m++) canonical[i++] = c;
      }
      classAdvantagesInto(canonical, weightOut);
      return weightOut[0]!;
    },
  };
}

/** TRL's per-function normalization, whatever `scale-rewards` says (see resolveGradedScheme). */
function perFunctionFormulas(M: number): SchemeFormulas {
  return groupNormalized({ scale: true, std: 'sample', eps: TRL_EPS, epsAt: 'std' }, M);
}

function requireGain(
  formulas: SchemeFormulas,
  spec: string,
): NonNullable<SchemeFormulas['rewardGain']> {
  if (formulas.rewardGain === undefined) {
    throw new Error(`scheme '${spec}' acts on real rewards but states no rewardGain`);
  }
  return formulas.rewardGain.bind(formulas);
}

/** `sum_k w_k r_k` in the order `k = 1..d`, from 0, as TRL's `nansum` over the functions. */
function weightedSum(v: readonly number[], weights: readonly number[]): number {
  let r = 0;
  for (let k = 0; k < v.length; k++) r += weights[k]! * v[k]!;
  return r;
}
