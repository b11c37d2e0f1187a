import fc from 'fast-check';

/** A Bernoulli-logistic policy (MATH.md §5), by its probability of a correct answer. */
export interface BernoulliDescription {
  readonly kind: 'bernoulli';
  readonly p: number;
}

/** A tabular softmax policy (MATH.md §5): logits over `K` responses and the correct subset. */
export interface SoftmaxDescription {
  readonly kind: 'softmax';
  readonly logits: readonly number[];
  readonly correct: readonly number[];
}

/**
 * The autoregressive toy model (MATH.md §5): vocabulary `V`, length `L`, parameters drawn from
 * `seed`, and the verifier `sum_l y_l mod V == r`.
 */
export interface SequenceDescription {
  readonly kind: 'sequence';
  readonly V: number;
  readonly L: number;
  readonly seed: number;
  readonly r: number;
}

/** A random policy, as plain data that fast-check can print; see {@link policyDescription}. */
export type PolicyDescription = BernoulliDescription | SoftmaxDescription | SequenceDescription;

/**
 * A probability of a correct answer bounded away from 0 and 1, so that a Monte Carlo run of a
 * few thousand groups sees both outcomes.
 */
export function probability(min = 0.05, max = 0.95): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(0.5, min, max), fc.double({ min, max, noNaN: true }));
}

/** A Bernoulli policy with `p` in `[min, max]`. */
export function bernoulliPolicy(min = 0.05, max = 0.95): fc.Arbitrary<BernoulliDescription> {
  return probability(min, max).map((p) => ({ kind: 'bernoulli' as const, p }));
}

/**
 * A softmax policy over `K` in `[minK, maxK]` responses: logits in `[-2, 2]` and a correct subset
 * that is neither empty nor everything (so that `p` is in (0, 1) and `grad p` is not zero).
 */
export function softmaxPolicy(minK = 2, maxK = 6): fc.Arbitrary<SoftmaxDescription> {
  return fc.integer({ min: Math.max(2, minK), max: maxK }).chain((K) =>
    fc
      .tuple(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: K, maxLength: K }),
        fc.subarray(
          Array.from({ length: K }, (_, i) => i),
          { minLength: 1, maxLength: K - 1 },
        ),
      )
      .map(([logits, correct]) => ({ kind: 'softmax' as const, logits, correct })),
  );
}

/** A sequence policy with `V^L` between 4 and 256, its parameters drawn from a fast-check seed. */
export function sequencePolicy(): fc.Arbitrary<SequenceDescription> {
  return fc
    .tuple(
      fc.integer({ min: 2, max: 4 }),
      fc.integer({ min: 2, max: 4 }),
      fc.noShrink(fc.integer()),
    )
    .chain(([V, L, seed]) =>
      fc.integer({ min: 0, max: V - 1 }).map((r) => ({ kind: 'sequence' as const, V, L, seed, r })),
    );
}

/** Any of the three policy kinds. */
export function policyDescription(): fc.Arbitrary<PolicyDescription> {
  return fc.oneof(bernoulliPolicy(), softmaxPolicy(), sequencePolicy());
}
