import { bruteForceHPrime, hPrime } from '../../objective/index.ts';
import { catalogueAt, scheme } from '../../schemes/index.ts';
import type { Budget } from '../budget.ts';
import { type DeterministicCheck, worstOver } from '../check.ts';

const TS = [0.05, 0.3, 0.5, 0.8, 0.97];

/**
 * `weighted-gradient`, exact half (docs/theory.md §2, "Brute force, with no formula"): the expected
 * update of Algorithm 1 computed with no formula, by enumerating `K ~ Binomial(M, t)` and applying
 * each catalogue scheme's native group formula, equals `h_M'(t) ∇p` from the count-form tables.
 * Tolerance `1e-10 · max(1, max|c|)`: the enumeration divides by `t(1-t)` ≥ 0.029.
 */
export function bruteForceChecks(budget: Budget): DeterministicCheck[] {
  return budget.groupSizes.flatMap((M) =>
    catalogueAt(M).map((spec) => {
      const s = scheme(spec, M);
      return {
        kind: 'deterministic' as const,
        id: `weighted-gradient/${s.spec}/M=${M}/enumeration`,
        theorem: 'weighted-gradient' as const,
        scheme: s.spec,
        M,
        policy: 'bernoulli (exact enumeration)',
        tolerance: 1e-10 * Math.max(1, ...s.c.map(Math.abs)),
        detail: `max over t in {${TS.join(', ')}} of |h_M′(t) − E[update]/(t(1−t))|, K enumerated`,
        evaluate: () =>
          worstOver(TS, (t) => ({ closedForm: hPrime(s.c, t), estimate: bruteForceHPrime(s, t) })),
      };
    }),
  );
}
