import { CATALOGUE_SPECS } from '../../../src/schemes/index.ts';

/**
 * The schemes the agreement sweeps simulate: the catalogue of docs/theory.md §3, then every preset once
 * and a few more parameters (the exhaustive parameter lists are in
 * `test/support/schemes/representative-specs.ts`; simulating all of them would cost minutes).
 */
export const TEST_SCHEMES: readonly string[] = [
  ...CATALOGUE_SPECS,
  'grpo:std=sample',
  'grpo:eps=0.1,eps-at=var',
  'design:target=log',
  'design:target=logit',
  'design:target=arcsin',
  'verl-grpo',
  'verl-grpo-passk',
  'trl-grpo',
  'openrlhf-group-norm',
  'pkpo:k=2',
  'chen-passk:k=2',
  'reinforce:filter=dapo',
];
