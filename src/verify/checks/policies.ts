/**
 * The policies of the battery, one per kind of MATH.md §5, as `simulate` reads them: a Bernoulli
 * logistic, a tabular softmax with K = 4, a sequence model with V^L = 64, and a corpus of three
 * prompts mixing kinds.
 */
export const POLICIES: readonly string[] = [
  'bernoulli:p=0.3',
  'softmax:logits=0.1;-0.4;0.3;0,correct=0;2',
  'sequence:V=4,L=3,r=1,seed=7',
  JSON.stringify({
    kind: 'corpus',
    prompts: [
      { Q: 0.5, policy: { kind: 'bernoulli', p: 0.2 } },
      { Q: 0.3, policy: { kind: 'softmax', logits: [0.1, -0.4, 0.3, 0], correct: [0, 2] } },
      { Q: 0.2, policy: { kind: 'bernoulli', p: 0.7 } },
    ],
  }),
];
