/**
 * Every catalogue scheme and preset with representative parameters, as the spec to use at group
 * size `M` (`undefined` where the scheme does not exist at that `M`). Tests iterate over these.
 */
export function representativeSpecs(M: number): string[] {
  const half = Math.max(1, M >> 1);
  const specs: (string | undefined)[] = [
    'reinforce',
    M >= 2 ? 'rloo' : undefined,
    'dr-grpo',
    'rs',
    'grpo',
    'grpo:std=sample',
    'grpo:eps=0',
    'grpo:eps=0.001,eps-at=var',
    'grpo:std=sample,eps=0,eps-at=var',
    'passk:k=1',
    M >= 3 ? 'passk:k=3' : undefined,
    `passk:k=${half}`,
    `passk:k=${M}`,
    'verl-grpo',
    'verl-grpo:norm-by-std=false',
    M >= 2 ? 'verl-grpo-passk' : undefined,
    M >= 2 ? 'verl-grpo-passk:norm-by-std=false' : undefined,
    M >= 2 ? 'trl-grpo' : undefined,
    M >= 2 ? 'trl-grpo:scale-rewards=none' : undefined,
    M >= 2 ? 'openrlhf-group-norm' : undefined,
    `pkpo:k=${half}`,
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
    `passk:k=${half},filter=dapo`,
  ];
  return [...new Set(specs.filter((s): s is string => s !== undefined))];
}
