import { scheme } from '../../../src/schemes/index.ts';

/**
 * The schemes the agreement sweeps simulate: every catalogue scheme and preset once, with one
 * representative parameter each (the exhaustive parameter lists are in
 * `test/support/schemes/representative-specs.ts`; simulating all of them would cost minutes).
 */
export const TEST_SCHEMES = [
  'reinforce',
  'rloo',
  'dr-grpo',
  'rs',
  'grpo',
  'grpo:std=sample',
  'grpo:eps=0.1,eps-at=var',
  'f-grpo:gamma=1',
  'passk:k=2',
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
] as const;

/** Whether `spec` exists at group size `M` (rloo and friends need M >= 2, passk:k=2 too, ...). */
export function definedAt(spec: string, M: number): boolean {
  try {
    scheme(spec, M);
    return true;
  } catch {
    return false;
  }
}
