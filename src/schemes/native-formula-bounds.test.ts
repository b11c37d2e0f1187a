import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { schemeCatalogue } from './catalogue.ts';
import { resolveScheme, schemeDefinedAt } from './resolve-scheme.ts';

/** Every catalogue entry that needs no file, at its defaults (with k = 2 where k is required). */
function catalogueSpecs(): string[] {
  const specs: string[] = [];
  for (const kind of schemeCatalogue) {
    for (const spec of [kind.name, `${kind.name}:k=2`]) {
      try {
        resolveScheme(spec);
        specs.push(spec);
        break;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
  }
  return [
    ...specs,
    'pkpo:k=2,estimator=s',
    'pkpo:k=2,estimator=s-loo',
    'verl-grpo-passk:norm-by-std=false',
    'grpo:filter=dapo',
    // Not in the catalogue, but simulated and with loops of their own.
    'mean-scaled:offset=0.5',
    'f-grpo:gamma=1.5',
    // The count-form tables' lookup (table reads a file; design builds its tables).
    'design:target=log',
  ];
}

const SENTINEL = 7.5;

describe('native formulas read rewards[0..M-1] and write out[0..M-1] only (SchemeFormulas)', () => {
  // A simulator keeps many groups in one array and reuses its buffers: a formula that read the
  // next group's rewards or wrote past its own M weights would corrupt its neighbours silently.
  it('with a neighbouring group after the rewards and room after out, every weight is the same', () => {
    const specs = catalogueSpecs();
    expect(specs.length).toBeGreaterThanOrEqual(15);
    for (const spec of specs) {
      const sizes = [2, 3, 5].filter((M) => schemeDefinedAt(spec, M));
      expect(sizes.length, spec).toBeGreaterThanOrEqual(2);
      for (const M of sizes) {
        const formulas = resolveScheme(spec).bind(M);
        for (let pattern = 0; pattern < 2 ** M; pattern++) {
          const rewards = Array.from({ length: M }, (_, i) => (pattern >> i) & 1);
          const alone = new Float64Array(M);
          formulas.advantagesInto(rewards, alone);
          for (const neighbour of [
            [1, 1],
            [0, 0],
          ]) {
            const out = new Float64Array(M + 2).fill(SENTINEL);
            formulas.advantagesInto([...rewards, ...neighbour], out);
            const where = `${spec} M=${M} rewards=${rewards} then ${neighbour}`;
            expect(Array.from(out.subarray(0, M)), where).toEqual(Array.from(alone));
            expect(Array.from(out.subarray(M)), where).toEqual([SENTINEL, SENTINEL]);
          }
        }
      }
    }
  });

  it('the check can fail: a formula that also writes out[M] is caught', () => {
    const formulas = resolveScheme('passk:k=2').bind(3);
    const out = new Float64Array(5).fill(SENTINEL);
    formulas.advantagesInto([1, 0, 1, 1, 1], out);
    out[3] = 0; // what a loop to i <= M would add
    expect(Array.from(out.subarray(3))).not.toEqual([SENTINEL, SENTINEL]);
  });
});
