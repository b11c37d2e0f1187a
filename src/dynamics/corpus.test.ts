import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { buildCorpus, parseCorpus } from './corpus.ts';

// Deterministic: false-fail rate 0.
describe('corpus models (docs/theory.md §8)', () => {
  it('initial p are the Beta quantiles at (x + 1/2)/N, to 1e-13 relative of scipy', () => {
    // scipy.stats.beta.ppf((x + 0.5)/N, alpha, beta) at x = 0, N/2, N - 1, computed offline.
    const scipy: [string, number[]][] = [
      [
        'tabular:prompts=10,alpha=0.5,beta=2',
        [0.0011119352249856379, 0.14884862181004285, 0.6583721538643488],
      ],
      [
        'tabular:prompts=1000,alpha=0.5,beta=2',
        [1.111111193415649e-7, 0.12087822882140416, 0.9637085788025481],
      ],
      [
        'shared:prompts=7,dim=2,alpha=2,beta=5',
        [0.07654395516992679, 0.26444998329566005, 0.5467410519083544],
      ],
      ['tabular:prompts=100000', [5e-6, 0.500005, 0.999995]],
    ];
    for (const [spec, expected] of scipy) {
      const corpus = buildCorpus(parseCorpus(spec), 0);
      const N = corpus.N;
      [0, Math.floor(N / 2), N - 1].forEach((x, i) => {
        expect(Math.abs(corpus.q[x]! - expected[i]!) / expected[i]!).toBeLessThan(1e-13);
      });
      for (let x = 1; x < N; x++) expect(corpus.q[x]!).toBeGreaterThan(corpus.q[x - 1]!);
    }
  });

  it('fills defaults into a canonical spec and builds deterministic shared features', () => {
    expect(parseCorpus('tabular:prompts=5').spec).toBe('tabular:prompts=5,alpha=1,beta=1');
    expect(parseCorpus('shared:prompts=5').spec).toBe('shared:prompts=5,dim=4,alpha=1,beta=1');
    const a = buildCorpus(parseCorpus('shared:prompts=50,dim=3'), 7);
    const b = buildCorpus(parseCorpus('shared:prompts=50,dim=3'), 7);
    const c = buildCorpus(parseCorpus('shared:prompts=50,dim=3'), 8);
    expect(a.features).toEqual(b.features);
    expect(a.features).not.toEqual(c.features);
    for (let x = 0; x < 50; x++) expect(a.features![x * 3]).toBe(1);
    expect(a.dim).toBe(3);
    expect(Array.from(a.decileSize)).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(Array.from(buildCorpus(parseCorpus('tabular:prompts=3'), 0).decileSize)).toEqual([
      1, 0, 0, 1, 0, 0, 1, 0, 0, 0,
    ]);
  });

  it('rejects bad specs with one line', () => {
    for (const [spec, message] of [
      ['tabular', /needs prompts/],
      ['tabular:prompts=0', /positive integer/],
      ['tabular:prompts=10,alpha=0', /alpha must be a finite number > 0/],
      ['tabular:prompts=10,beta=-1', /beta must be a finite number > 0/],
      ['tabular:prompts=10,dim=3', /no key 'dim'/],
      ['tabular:prompts=10,gamma=1', /no key 'gamma'/],
      ['cubic:prompts=10', /unknown corpus 'cubic'; allowed: tabular, shared/],
      ['tabular:prompts=2000000', /at most 1000000/],
      ['shared:prompts=1000000,dim=64', /prompts · dim must be at most/],
      ['tabular:prompts=100,alpha=0.001', /rounds to 0/],
    ] as const) {
      expect(() => parseCorpus(spec)).toThrow(InputError);
      expect(() => parseCorpus(spec)).toThrow(message);
    }
  });
});
