// Policies shared by the simulation tests: one of each kind (docs/theory.md §5).
export const POLICIES = {
  bernoulli: 'bernoulli:p=0.3',
  softmax: 'softmax:logits=0.1;-0.4;0.3;0.0;0.8,correct=0;2',
  sequence: 'sequence:V=2,L=6,r=1,seed=7',
  corpus: JSON.stringify({
    kind: 'corpus',
    prompts: [
      { Q: 0.5, policy: { kind: 'bernoulli', p: 0.4 } },
      { Q: 0.3, policy: { kind: 'softmax', logits: [0.5, -0.2, 0.1, 0.3], correct: [1, 3] } },
      { Q: 0.2, policy: { kind: 'sequence', V: 2, L: 3, r: 1, seed: 3 } },
    ],
  }),
};

/**
 * A corpus whose update is not skewed (no rare response or prompt): the normal approximation
 * holds for it at M = 8 and 64 with a few times the groups of the sweep, so its agreement is a
 * verdict, where POLICIES.corpus (a rare-token sequence prompt) is mostly insufficient.
 */
export const BALANCED_CORPUS = JSON.stringify({
  kind: 'corpus',
  prompts: [
    { Q: 0.5, policy: { kind: 'bernoulli', p: 0.4 } },
    { Q: 0.5, policy: { kind: 'softmax', logits: [0.5, -0.2, 0.1, 0.3], correct: [1, 3] } },
  ],
});
