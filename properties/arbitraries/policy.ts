import fc from 'fast-check';
import type { PolicyDescription, SinglePolicyDescription } from '../../src/policies/index.ts';

/**
 * A probability of a correct answer in `[min, max]`, bounded away from 0 and 1 by default so
 * that a Monte Carlo run of tens of thousands of groups sees both outcomes often (which keeps the
 * normal approximation behind the z-tests honest).
 */
export function probability(min = 0.05, max = 0.95): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(0.5, min, max), fc.double({ min, max, noNaN: true }));
}

/** A Bernoulli-logistic policy (docs/theory.md §5) with `p` in `[min, max]`. */
export function bernoulliPolicy(min = 0.05, max = 0.95): fc.Arbitrary<SinglePolicyDescription> {
  return probability(min, max).map((p) => ({ kind: 'bernoulli' as const, p }));
}

/**
 * A tabular softmax policy (docs/theory.md §5) over `K` in `[2, maxK]` responses: logits in [-1.5, 1.5]
 * and a correct subset that is neither empty nor everything, so `p` is in about [0.03, 0.97]
 * and `grad p` is not zero.
 */
export function softmaxPolicy(maxK = 6): fc.Arbitrary<SinglePolicyDescription> {
  return fc
    .integer({ min: 2, max: maxK })
    .chain((K) =>
      fc
        .tuple(
          fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: K, maxLength: K }),
          fc.shuffledSubarray([...Array(K).keys()], { minLength: 1, maxLength: K - 1 }),
        )
        .map(([logits, correct]) => ({ kind: 'softmax' as const, logits, correct })),
    );
}

/**
 * The autoregressive toy model (docs/theory.md §5): vocabulary `V` and length `L` with `V^L` between 4
 * and 81, the verifier `sum_l y_l mod V == r`, and parameters drawn from a fast-check seed
 * (not shrunk: a different seed is a different policy, not a simpler one).
 */
export function sequencePolicy(): fc.Arbitrary<SinglePolicyDescription> {
  return fc
    .tuple(
      fc.integer({ min: 2, max: 3 }),
      fc.integer({ min: 2, max: 4 }),
      fc.noShrink(fc.integer()),
    )
    .chain(([V, L, seed]) =>
      fc
        .integer({ min: 0, max: V - 1 })
        .map((r) => ({ kind: 'sequence' as const, V, L, r, seed, scale: 1 })),
    );
}

/** A corpus (docs/theory.md §5) of 2 or 3 prompts with weights Q summing to 1, each a small policy. */
export function corpusPolicy(): fc.Arbitrary<PolicyDescription> {
  const prompt = fc.oneof(bernoulliPolicy(0.1, 0.9), softmaxPolicy(4));
  return fc
    .array(fc.tuple(fc.integer({ min: 1, max: 4 }), prompt), { minLength: 2, maxLength: 3 })
    .map((parts) => {
      const total = parts.reduce((s, [w]) => s + w, 0);
      // Quarters, thirds, ... of small integers: the weights sum to 1 within rounding, and the last
      // one absorbs the remainder so the sum is 1 exactly as the schema requires.
      const Q = parts.map(([w]) => w / total);
      Q[Q.length - 1] = 1 - Q.slice(0, -1).reduce((s, q) => s + q, 0);
      return {
        kind: 'corpus' as const,
        prompts: parts.map(([, policy], i) => ({ Q: Q[i]!, policy })),
      };
    });
}

/** A policy whose gradient is a vector: softmax, sequence or corpus. */
export function vectorPolicy(): fc.Arbitrary<PolicyDescription> {
  return fc.oneof(softmaxPolicy(), sequencePolicy(), corpusPolicy());
}
