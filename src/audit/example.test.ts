// The example of docs/audit.md, kept here so that it is run: copy it into your own test suite.
// Inside this repository `rl-objective` resolves to the package itself (package.json "exports").

import { expectObjective, inducedObjective } from 'rl-objective';
import { describe, expect, it } from 'vitest';

// Your trainer's advantage code, or a port of it: here GRPO with verl's conventions.
function advantages(rewards: number[]): number[] {
  const M = rewards.length;
  const mean = rewards.reduce((sum, r) => sum + r, 0) / M;
  const std = Math.sqrt(rewards.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (M - 1));
  return rewards.map((r) => (r - mean) / (std + 1e-6));
}

describe('my advantages', () => {
  it('is count form and optimizes 2 arcsin(sqrt t) at M = 64', async () => {
    await expectObjective(advantages, { M: 64, target: 'arcsin', tol: 0.05 });
  });

  it('optimizes p itself at M = 2', async () => {
    const objective = await inducedObjective(advantages, { M: 2 });
    expect(objective.countForm).toBe(true);
    expect(objective.nearest?.name).toBe('identity');
  });

  it('is not an arcsin optimizer at M = 64 once the std is dropped', async () => {
    const centred = (rewards: number[]) => {
      const mean = rewards.reduce((sum, r) => sum + r, 0) / rewards.length;
      return rewards.map((r) => r - mean);
    };
    await expect(expectObjective(centred, { M: 64, target: 'arcsin', tol: 0.05 })).rejects.toThrow(
      /distance to arcsin is 0\.0\d+ > 0\.05; nearest is identity/,
    );
  });
});
