import { substream } from '../../src/rng/substream.ts';

/**
 * Groups of binary rewards as a trainer sees them (docs/theory.md §1, Algorithm 1 steps 1–3): for each of
 * `count` prompts a success probability `t ~ U(0, 1)`, then `M` independent Bernoulli(t) rewards.
 * Reproducible from `seed` through `substream`.
 */
export function sampleGroups(M: number, count: number, seed: string | number): number[][] {
  const uniform = substream(seed, 'sample-groups', M);
  const groups: number[][] = [];
  for (let n = 0; n < count; n++) {
    const t = uniform();
    groups.push(Array.from({ length: M }, () => (uniform() < t ? 1 : 0)));
  }
  return groups;
}
