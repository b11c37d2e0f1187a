import type { SampledPolicy } from '../policies/index.ts';
import type { VectorSink } from '../stats/index.ts';

/**
 * Where each prompt's block of parameters starts, in prompt order (they are contiguous), and
 * the policy's number of parameters after the last: prompt `x`'s block is `[blocks[x],
 * blocks[x + 1])`.
 */
export function promptBlocks(policy: SampledPolicy): Int32Array {
  const blocks = new Int32Array(policy.prompts.length + 1);
  policy.prompts.forEach(({ offset }, x) => {
    blocks[x] = offset;
  });
  blocks[policy.prompts.length] = policy.dim;
  return blocks;
}

/**
 * Sends 0 for every component of the vector `out` has started outside prompt `x`'s block: a
 * group's update on a corpus is 0 in the other prompts' parameters (nothing for one prompt).
 */
export function putZeros(out: VectorSink, blocks: Int32Array, x: number, dim: number): void {
  out.zeros(0, blocks[x]!);
  out.zeros(blocks[x + 1]!, dim);
}
