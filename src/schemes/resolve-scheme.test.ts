import { describe, expect, it } from 'vitest';
import { normalizedSupDistance } from '../objective/large-m-limit.ts';
import { target } from '../targets/targets.ts';
import { CATALOGUE_SPECS, schemeCatalogue } from './catalogue.ts';
import { schemeLimit } from './resolve-scheme.ts';
import { scheme } from './scheme.ts';

const GRID = Array.from({ length: 201 }, (_, j) => (j === 200 ? 1 : j / 200));
const distance = (spec: string, M: number) =>
  normalizedSupDistance(scheme(spec, M).c, GRID, target(schemeLimit(spec)!.target).h);

describe('the limits the catalogue states (docs/theory.md §9)', () => {
  it('are stated for the schemes the issue names, and in the help line', () => {
    const stated = schemeCatalogue.filter((k) => k.limit !== undefined).map((k) => k.name);
    // Exactly the catalogue of docs/theory.md §3 (and F-GRPO, §9) states a limit.
    expect([...stated].sort()).toEqual(CATALOGUE_SPECS.map((spec) => spec.split(':')[0]).sort());
    expect(schemeLimit('passk:k=4')!.target).toBe('beta:a=1,b=4');
    expect(schemeLimit('f-grpo:gamma=2,std=sample')!.target).toBe('beta:a=0.5,b=2.5');
    expect(schemeLimit('rs')!.target).toBe('log');
    expect(schemeLimit('chen-passk:k=2')).toBeUndefined();
    expect(schemeLimit('grpo:filter=range,lo=0.2,hi=0.8')).toBeUndefined();
    expect(schemeLimit('grpo:filter=range')!.target).toBe('beta:a=0.5,b=0.5');
    expect(schemeLimit('grpo:filter=dapo')!.target).toBe('beta:a=0.5,b=0.5');
  });

  it('are exact at every M where the catalogue says so (identity, pass@k)', () => {
    for (const spec of ['reinforce', 'rloo', 'dr-grpo', 'passk:k=3', 'passk:k=3,filter=dapo']) {
      const exact = !spec.includes('dapo');
      for (const M of [4, 16, 64]) {
        const d = distance(spec, M);
        if (exact) expect(d, `${spec} ${M}`).toBeLessThan(1e-13);
        else expect(d, `${spec} ${M}`).toBeLessThan(2 / M);
      }
    }
  });

  it('are approached by grpo and f-grpo as M grows, and a wrong statement is not', () => {
    for (const spec of ['grpo', 'grpo:std=sample', 'f-grpo:gamma=1', 'f-grpo:gamma=3']) {
      expect(distance(spec, 1024), spec).toBeLessThan(distance(spec, 64));
      expect(distance(spec, 1024), spec).toBeLessThan(0.05);
    }
    // The same ladder against I_t(1/2, 1/2) for f-grpo:gamma=1 (its limit is I_t(1/2, 3/2)).
    const wrong = (M: number) =>
      normalizedSupDistance(scheme('f-grpo:gamma=1', M).c, GRID, target('beta:a=0.5,b=0.5').h);
    expect(wrong(1024)).toBeGreaterThan(0.1);
  });
});
