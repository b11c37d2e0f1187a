import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { parseChunkResult } from './chunk-result.ts';
import { runChunk } from './chunk-task.ts';
import { buildSimulation } from './simulation-input.ts';

const simulation = buildSimulation({
  estimator: 'pure-rs',
  B: 2,
  policy: 'bernoulli:p=0.4',
  groups: 300,
  chunkGroups: 100,
});

describe('parseChunkResult', () => {
  it('reads a chunk back from its JSON, bit for bit', () => {
    const chunk = runChunk(simulation, 1);
    const stored: unknown = JSON.parse(JSON.stringify(chunk));
    expect(parseChunkResult(stored, 1, 'chunk 1')).toEqual(chunk);
  });

  it.each<[string, unknown, RegExp]>([
    ['another chunk', JSON.parse(JSON.stringify(runChunk(simulation, 2))), /holds chunks 2\.\.2/],
    ['a merged range', { ...runChunk(simulation, 1), last: 2 }, /holds chunks 1\.\.2/],
    ['a missing field', { ...runChunk(simulation, 1), capped: undefined }, /capped/],
    ['a bad float', { ...runChunk(simulation, 1), draws: { n: 1, mean: ['x'], m2: [0] } }, /draws/],
    ['not an object', [1, 2], /not a chunk result/],
  ])('refuses %s with one line naming it', (_, value, message) => {
    expect(() => parseChunkResult(value, 1, "checkpoint 'c': chunk 1")).toThrow(InputError);
    expect(() => parseChunkResult(value, 1, "checkpoint 'c': chunk 1")).toThrow(message);
  });
});
