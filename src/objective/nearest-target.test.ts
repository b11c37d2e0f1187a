import { describe, expect, it } from 'vitest';
import { grid } from '../math/grid.ts';
import { scheme } from '../schemes/scheme.ts';
import { compareTargets, namedTargetSpecs } from './nearest-target.ts';
import { sampledObjective } from './objective-points.ts';
import { sampled } from './sup-distance.ts';

const GRID = grid(0, 1, 101);

describe('compareTargets', () => {
  it('reports one objective under two names once, with its aliases, whatever the rounding', () => {
    // rloo and reinforce both induce h = t, by different rounding routes (verl's rloo and
    // rloo_vectorized differ the same way): the nearest is identity, with passk:k=1 as alias.
    for (const spec of ['reinforce', 'rloo', 'dr-grpo']) {
      const { nearest, distances, aliases } = compareTargets(
        sampledObjective(scheme(spec, 16).c, GRID),
        namedTargetSpecs(16),
      );
      expect(nearest).toMatchObject({ name: 'identity', aliases: ['passk:k=1'] });
      expect(nearest!.distance).toBeLessThan(1e-14);
      expect(distances).not.toHaveProperty('passk:k=1');
      expect(aliases).toEqual({ identity: ['passk:k=1'] });
    }
    const members = compareTargets(
      sampled(GRID, (t) => t),
      ['passk:k=1', 'beta:a=1,b=1', 'power:q=1', 'identity', 'arcsin', 'beta:a=0.5,b=0.5'],
    );
    expect(Object.keys(members.distances)).toEqual(['passk:k=1', 'arcsin']);
    expect(members.distances['passk:k=1']).toBeLessThan(1e-15);
    expect(members.aliases).toEqual({
      'passk:k=1': ['beta:a=1,b=1', 'power:q=1', 'identity'],
      arcsin: ['beta:a=0.5,b=0.5'],
    });
  });

  it('a tie within 1e-12 goes to the earlier target; a real gap does not', () => {
    // t^2 as a member and as a formula: one function that no key joins, equal to rounding.
    const f = sampled(GRID, (t) => t * t);
    expect(compareTargets(f, ['power:q=2', 'expr:t^2']).nearest!.name).toBe('power:q=2');
    expect(compareTargets(f, ['expr:t^2', 'power:q=2']).nearest!.name).toBe('expr:t^2');
    // A member 1e-6 away is farther by more than a tie: the exact one wins from either place.
    expect(compareTargets(f, ['beta:a=2.000001,b=1', 'power:q=2']).nearest!.name).toBe('power:q=2');
  });

  it('names log for a log-shaped objective, anchored at the first grid point', () => {
    const { nearest, distances } = compareTargets(
      sampled(GRID, (t) => 3 * Math.log(t) + 1),
      namedTargetSpecs(4),
    );
    expect(nearest!.name).toBe('log');
    expect(distances.log).toBeLessThan(1e-15);
    expect(Object.keys(distances)).toEqual([
      'identity',
      'log',
      'logit',
      'arcsin',
      'passk:k=2',
      'passk:k=3',
      'passk:k=4',
    ]);
  });

  it('has no nearest when the objective does not increase', () => {
    const flat = compareTargets(sampledObjective([0, 0, 0], GRID), namedTargetSpecs(3));
    expect(flat.nearest).toBeNull();
    expect(Object.values(flat.distances).every(Number.isNaN)).toBe(true);
  });
});
