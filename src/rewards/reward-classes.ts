import { InputError, parseNumber, quote } from '../errors/index.ts';

/** The largest number of reward classes: 64 levels, or `d <= 6` reward functions. */
export const MAX_REWARD_CLASSES = 64;

/**
 * The outcome classes of docs/theory.md §10: each response falls into one of `C >= 2` classes
 * `j = 0..C-1`, and class `j` carries the reward vector `v_j` (one entry per reward function).
 *
 * - `levels`: one scalar graded reward with `C` strictly increasing levels, `v_j = [level_j]`
 *   (`d = 1`); binary rewards are the levels `0, 1`.
 * - `functions`: `d` binary reward functions, `C = 2^d` classes ordered by the binary number
 *   `r_1 r_2 ... r_d` (`r_1` the most significant bit), so for `d = 2` the classes are
 *   `(0,0), (0,1), (1,0), (1,1)`.
 */
export interface RewardClasses {
  readonly kind: 'levels' | 'functions';
  /** Number of classes `C`, from 2 to `MAX_REWARD_CLASSES` (64). */
  readonly C: number;
  /** Number of reward functions `d`: 1 for levels. */
  readonly d: number;
  /** `v_j` for each class `j`, each of length `d`. */
  readonly vectors: readonly (readonly number[])[];
  /**
   * The scalar reward of each class: the level, or the (unweighted) sum of the reward functions,
   * which `reinforce`, `rloo`, `dr-grpo` and `grpo` act on.
   */
  readonly sums: readonly number[];
  /** Each class as written in a spec or a trace: `0.5`, or `0/1` for reward functions. */
  readonly labels: readonly string[];
  /** As a canonical option: `levels=0,0.5,1` or `reward-functions=2`. */
  readonly spec: string;
  /**
   * The class of one response's reward: a declared level (compared exactly), or a vector of `d`
   * entries each 0 or 1 (a scalar 0 or 1 is accepted when `d = 1`); `undefined` when the reward
   * is not one of the classes.
   */
  classOf(reward: number | readonly number[]): number | undefined;
}

/**
 * The classes of a scalar graded reward (docs/theory.md §10): the given levels, which must be at
 * least 2, at most {@link MAX_REWARD_CLASSES}, finite and strictly increasing (so none repeats).
 * Throws a one-line InputError naming the first offending level.
 */
export function levelClasses(levels: readonly number[]): RewardClasses {
  if (levels.length < 2) {
    throw new InputError(`levels: at least 2 levels are needed, got ${levels.length}`);
  }
  if (levels.length > MAX_REWARD_CLASSES) {
    throw new InputError(
      `levels: at most ${MAX_REWARD_CLASSES} classes are allowed, got ${levels.length} levels`,
    );
  }
  levels.forEach((level, j) => {
    if (!Number.isFinite(level)) {
      throw new InputError(`levels: level ${j} must be a finite number, got ${String(level)}`);
    }
    if (j > 0 && level === levels[j - 1]) {
      throw new InputError(
        `levels: level ${j} repeats level ${j - 1} (${level}); levels must not repeat`,
      );
    }
    if (j > 0 && level < levels[j - 1]!) {
      throw new InputError(
        `levels must be strictly increasing: level ${j - 1} is ${levels[j - 1]}, level ${j} is ${level}`,
      );
    }
  });
  const values = [...levels];
  const index = new Map(values.map((v, j) => [v, j]));
  return {
    kind: 'levels',
    C: values.length,
    d: 1,
    vectors: Object.freeze(values.map((v) => Object.freeze([v]))),
    sums: Object.freeze(values),
    labels: Object.freeze(values.map(String)),
    spec: `levels=${values.join(',')}`,
    classOf(reward) {
      const value = typeof reward === 'number' ? reward : reward.length === 1 ? reward[0]! : NaN;
      // `Map` compares by SameValueZero, so -0 finds the level 0.
      return index.get(value);
    },
  };
}

/**
 * The classes of `d` binary reward functions (docs/theory.md §10, several reward functions):
 * `C = 2^d` classes, class `j` having `r_k` = bit `d - k` of `j` (`r_1` most significant), so the
 * order is that of the binary number `r_1 r_2 ... r_d`. Requires `1 <= d <= 6`
 * ({@link MAX_REWARD_CLASSES} classes at most).
 */
export function rewardFunctionClasses(d: number): RewardClasses {
  if (!(Number.isSafeInteger(d) && d >= 1)) {
    throw new InputError(`reward-functions must be a positive integer, got ${String(d)}`);
  }
  const C = 2 ** d;
  if (C > MAX_REWARD_CLASSES) {
    throw new InputError(
      `reward-functions ${d} gives 2^${d} = ${C} classes; at most ${MAX_REWARD_CLASSES} are allowed (d <= ${Math.log2(MAX_REWARD_CLASSES)})`,
    );
  }
  const vectors = Array.from({ length: C }, (_, j) =>
    Object.freeze(Array.from({ length: d }, (_, k) => (j >> (d - 1 - k)) & 1)),
  );
  return {
    kind: 'functions',
    C,
    d,
    vectors: Object.freeze(vectors),
    sums: Object.freeze(vectors.map((v) => v.reduce((x, y) => x + y, 0))),
    labels: Object.freeze(vectors.map((v) => v.join('/'))),
    spec: `reward-functions=${d}`,
    classOf(reward) {
      const bits = typeof reward === 'number' ? [reward] : reward;
      if (bits.length !== d) return undefined;
      let j = 0;
      for (const bit of bits) {
        if (bit !== 0 && bit !== 1) return undefined;
        j = 2 * j + bit;
      }
      return j;
    },
  };
}

/** How reward classes are given to the library and the CLI: exactly one of the two. */
export interface RewardClassOptions {
  /** Scalar graded levels, strictly increasing (`--levels 0,0.5,1`). */
  readonly levels?: readonly number[];
  /** Number `d` of binary reward functions (`--reward-functions 2`). */
  readonly rewardFunctions?: number;
}

/**
 * The reward classes of docs/theory.md §10 from `levels` or `rewardFunctions` (exactly one), or
 * `undefined` when neither is given (binary rewards, the commands' default). Throws InputError
 * when both are given, or for invalid levels or a bad `d`.
 */
export function rewardClasses(options: RewardClassOptions): RewardClasses | undefined {
  const { levels, rewardFunctions } = options;
  if (levels !== undefined && rewardFunctions !== undefined) {
    throw new InputError('give either levels or reward-functions, not both');
  }
  if (levels !== undefined) return levelClasses(levels);
  if (rewardFunctions !== undefined) return rewardFunctionClasses(rewardFunctions);
  return undefined;
}

/**
 * Parses a comma-separated list of levels as typed (`0,0.5,1`) strictly: every entry must be a
 * number (`1e-3`, `-2`, `Infinity` is left to {@link levelClasses} to refuse as not finite).
 *
 * @param name the option, for the message (e.g. `--levels`)
 */
export function parseLevels(name: string, text: string): number[] {
  if (text.trim() === '') throw new InputError(`${name} must list levels, got ${quote(text)}`);
  return text.split(',').map((entry) => parseNumber(name, entry));
}
