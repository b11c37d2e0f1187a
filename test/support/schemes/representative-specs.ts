import { catalogueAt } from '../../../src/schemes/index.ts';

/**
 * Every catalogue scheme and preset with representative parameters, as the spec to use at group
 * size `M` (`undefined` where the scheme does not exist at that `M`): the catalogue of docs/theory.md §3
 * defined at `M` (`catalogueAt`), then more parameters and the trainer presets of §7. Tests
 * iterate over these.
 */
export function representativeSpecs(M: number): string[] {
  const half = Math.max(1, M >> 1);
  const specs: (string | undefined)[] = [
    ...catalogueAt(M),
    'grpo:std=sample',
    'grpo:eps=0',
    'grpo:eps=0.001,eps-at=var',
    'grpo:std=sample,eps=0,eps-at=var',
    'f-grpo:gamma=0',
    'f-grpo:gamma=0.5,std=sample,eps=1e-6',
    'f-grpo:gamma=2,eps=0.1,eps-at=var',
    'passk:k=1',
    M >= 3 ? 'passk:k=3' : undefined,
    `passk:k=${half}`,
    `passk:k=${M}`,
    'verl-grpo',
    'verl-grpo:norm-by-std=false',
    'verl-grpo-vectorized',
    'verl-grpo-vectorized:norm-by-std=false',
    M >= 2 ? 'verl-grpo-passk' : undefined,
    M >= 2 ? 'verl-grpo-passk:norm-by-std=false' : undefined,
    M >= 2 ? 'trl-grpo' : undefined,
    M >= 2 ? 'trl-grpo:scale-rewards=none' : undefined,
    M >= 2 ? 'trl-grpo:scale-rewards=false' : undefined,
    M >= 2 ? 'trl-rloo' : undefined,
    M >= 2 ? 'openrlhf-group-norm' : undefined,
    M >= 2 ? `pkpo:k=${Math.max(2, half)}` : undefined,
    'pkpo:k=1,estimator=s',
    `pkpo:k=${M},estimator=s`,
    M >= 2 ? 'pkpo:k=1,estimator=s-loo' : undefined,
    M >= 3 ? `pkpo:k=${M - 1},estimator=s-loo` : undefined,
    'chen-passk:k=1',
    M >= 4 ? 'chen-passk:k=4' : undefined,
    `chen-passk:k=${half}`,
    'design:target=identity,split=a',
    'design:target=log',
    'design:target=logit,nodes=midpoint',
    'design:target=arcsin,split=half',
    'design:target=power,q=0.5',
    'design:target=power,q=3,nodes=endpoint',
    `design:target=passk,k=${half}`,
    'reinforce:filter=dapo',
    'grpo:std=sample,filter=dapo',
    'f-grpo:gamma=1,filter=dapo',
    `passk:k=${half},filter=dapo`,
    'verl-grpo:filter=dapo',
    M >= 2 ? 'reinforce:filter=range' : undefined,
    M >= 2 ? 'openrlhf-group-norm:filter=range,lo=0.2,hi=0.8' : undefined,
    M >= 2 ? 'rloo:filter=range,lo=0,hi=0.5' : undefined,
  ];
  return [...new Set(specs.filter((s): s is string => s !== undefined))];
}
