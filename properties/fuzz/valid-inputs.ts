import { CATALOGUE_SPECS } from '../../src/schemes/index.ts';

/**
 * Valid inputs of each parser, the seeds of the near-miss generators (`nearMiss`,
 * `jsonNearMiss`). Paths are relative to the repository root, where vitest runs.
 */
export const VALID = {
  schemes: [
    ...CATALOGUE_SPECS,
    'grpo:std=sample,eps=1e-6,eps-at=var',
    'design:target=logit,nodes=interior,split=b',
    'table:file=test/fixtures/audit/verl-grpo-m4.json',
    'verl-grpo',
    'verl-grpo-passk:norm-by-std=true',
    'verl-grpo-vectorized:norm-by-std=false',
    'trl-grpo:scale-rewards=group',
    'trl-grpo:scale-rewards=false',
    'trl-rloo',
    'openrlhf-group-norm',
    'pkpo:k=2',
    'pkpo:k=1,estimator=s-loo',
    'chen-passk:k=2',
    'grpo:filter=dapo',
    'openrlhf-group-norm:filter=range,lo=0.2,hi=0.8',
  ],
  targets: ['identity', 'log', 'logit', 'arcsin', 'power:q=0.5', 'passk:k=4'],
  expectations: ['arcsin:0.05', 'identity', 'passk:k=4:0.02', 'power:q=2'],
  policies: [
    'bernoulli:p=0.3',
    'bernoulli:theta=-0.5',
    'softmax:logits=0.1;-0.4;0.3;0,correct=0;2',
    'sequence:V=4,L=3,r=1,seed=7',
    '{"kind":"bernoulli","p":0.3}',
    '{"kind":"softmax","logits":[0.1,-0.4,0.3,0],"correct":[0,2]}',
    '{"kind":"corpus","prompts":[{"Q":0.5,"policy":{"kind":"bernoulli","p":0.2}},{"Q":0.5,"policy":{"kind":"sequence","V":2,"L":2,"r":1,"seed":3}}]}',
  ],
  policyJson: [
    { kind: 'bernoulli', p: 0.3 },
    { kind: 'softmax', logits: [0.1, -0.4, 0.3, 0], correct: [0, 2] },
    { kind: 'sequence', V: 4, L: 3, r: 1, seed: 7, scale: 1 },
    {
      kind: 'corpus',
      prompts: [
        { Q: 0.5, policy: { kind: 'bernoulli', p: 0.2 } },
        { Q: 0.5, policy: { kind: 'softmax', logits: [0, 1], correct: [1] } },
      ],
    },
  ],
  traceGroups: [
    { rewards: [0, 1], advantages: [-1, 1] },
    { rewards: [1, 1, 0, 0], advantages: [0.5, 0.5, -0.5, -0.5], prompt: 'p1' },
  ],
  tables: [
    { M: 2, a: [0, -1], b: [1, 0] },
    { M: 3, a: [0, 0, 0], b: [3, 1.5, 1] },
  ],
  shards: ['0/1', '2/3', '6/7'],
} as const;
