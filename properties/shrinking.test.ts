// Shrinking and replay: one deliberately broken scheme, injected through the public API, fails a
// law, and fast-check shrinks the failure to a minimal counterexample that replays from the
// printed seed and path. Deterministic: false-fail rate 0.
import './setup.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceHPrime, h, hPrime } from '../src/objective/index.ts';
import { countFormTables, type Scheme, scheme } from '../src/schemes/index.ts';
import type { CountFormTables } from './arbitraries/count-form-tables.ts';
import { tableScheme } from './helpers/table-scheme.ts';
import { schemeLaws } from './laws/scheme-laws.ts';
import { PROPERTY_SEED } from './setup.ts';

/**
 * The mutant "S_i counts the response itself": a right answer is weighted `b[min(K, M-1)]`
 * instead of `b[K-1]`. Built from a real `table:file=...` scheme of the public API, with only its
 * native formula replaced; its tables are the true ones.
 */
function selfCounting(s: Scheme): Scheme {
  return {
    ...s,
    advantages(rewards) {
      const K = rewards.reduce((k, r) => k + r, 0);
      return rewards.map((r) => (r === 1 ? s.b[Math.min(K, s.M - 1)]! : s.a[K]!));
    },
  };
}

const law = schemeLaws({
  scheme,
  tableScheme: (t) => selfCounting(tableScheme(t)),
  bruteForceHPrime,
  countFormTables,
  h,
  hPrime,
}).find((l) => l.name.startsWith('tables: brute-force'))!;

const property = fc.property(law.arbitrary, (value) => {
  law.check(value);
});

describe('shrinking', () => {
  it('a self-counting table scheme fails and shrinks to M = 2, one row nonzero, |entries| <= 1', () => {
    const result = fc.check(property, { numRuns: 200 });
    expect(result.failed).toBe(true);
    const [tables] = result.counterexample![0] as [CountFormTables, number];
    // M = 1 cannot fail (min(K, 0) = K - 1 when K = 1): the smallest failing M is 2.
    expect(tables.M).toBe(2);
    // Entries shrink to 0 where they can, and the entries that make it fail to magnitude <= 1:
    // to +-1 from an integer (and, by cross-shrinking, from most doubles), otherwise to the
    // smallest double the law still detects (4 of 60 seeds tried: about 1e-321).
    const entries = [...tables.a, ...tables.b];
    expect(entries.every((x) => Math.abs(x) <= 1)).toBe(true);
    expect(entries.filter((x) => x !== 0).length).toBeLessThanOrEqual(2);
    expect(result.seed).toBe(PROPERTY_SEED);

    // Replay: the printed seed and path give the same shrunk counterexample at once.
    const replay = fc.check(property, {
      seed: result.seed,
      path: result.counterexamplePath!,
      numRuns: 200,
    });
    expect(replay.failed).toBe(true);
    expect(replay.counterexample).toEqual(result.counterexample);
  });

  it('the same law passes on the unbroken scheme (the failure is the mutant, not the law)', () => {
    const healthy = schemeLaws({
      scheme,
      tableScheme,
      bruteForceHPrime,
      countFormTables,
      h,
      hPrime,
    }).find((l) => l.name === law.name)!;
    const result = fc.check(
      // The scheme laws are synchronous: check returns undefined, never a promise.
      fc.property(healthy.arbitrary, (v) => {
        healthy.check(v);
      }),
      { numRuns: 200 },
    );
    expect(result.failed).toBe(false);
  });
});
