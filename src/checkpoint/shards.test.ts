import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { mergeParts } from './merge-parts.ts';
import { type PartialResult, readPartial, writePartial } from './partial.ts';
import { type RunIdentity, runIdentity } from './run-identity.ts';
import { parseShard, shardChunks } from './shard.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rl-objective-shards-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const identity = (seed: string | number = 3, chunks = 10): RunIdentity =>
  runIdentity({ kind: 'verify', config: { budget: 'full', alpha: 1e-6 }, seed, chunks });
const result = (index: number) => ({ index, gradient: { n: 100, mean: [index / 3] } });

/** The part shard i/n of `id` computes (results are a pure function of the chunk index). */
function part(id: RunIdentity, i: number, n: number, source?: string): PartialResult {
  const chunks: Record<string, unknown> = {};
  for (const index of shardChunks(id.chunks, i, n)) chunks[index] = result(index);
  return { identity: id, shard: { i, n }, chunks, ...(source ? { source } : {}) };
}

describe('parseShard', () => {
  it.each([
    ['0/1', 0, 1],
    ['2/3', 2, 3],
    [' 6 / 7 ', 6, 7],
  ])('reads %j', (text, i, n) => {
    expect(parseShard(text)).toEqual({ i, n });
  });

  it.each(['3/3', '1/0', '0/0', '-1/2', '1.5/2', 'a/b', '1', '1/2/3', '', '0x1/2', '1e1/20'])(
    'refuses %j in one line',
    (text) => {
      expect(() => parseShard(text)).toThrow(
        new InputError(`--shard must be i/n with integers 0 <= i < n, e.g. 0/4; got '${text}'`),
      );
    },
  );
});

describe('shardChunks', () => {
  it('is round-robin', () => {
    expect(shardChunks(10, 0, 3)).toEqual([0, 3, 6, 9]);
    expect(shardChunks(10, 2, 3)).toEqual([2, 5, 8]);
    expect(shardChunks(2, 4, 7)).toEqual([]);
    expect(shardChunks(0, 0, 1)).toEqual([]);
  });

  it.each([1, 2, 3, 7, 13])('partitions 0..49 over n = %i shards', (n) => {
    const all = Array.from({ length: n }, (_, i) => shardChunks(50, i, n)).flat();
    expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, k) => k));
  });

  it.each([
    [10, 3, 3],
    [10, -1, 3],
    [10, 0, 0],
    [-1, 0, 1],
    [1.5, 0, 1],
    [10, 0.5, 2],
  ])('refuses total %d, shard %d/%d', (total, i, n) => {
    expect(() => shardChunks(total, i, n)).toThrow(InputError);
  });
});

describe('writePartial and readPartial', () => {
  it('round-trips a complete shard through partial.json', () => {
    const id = identity();
    const path = writePartial(join(root, 'part-1'), part(id, 1, 3));
    expect(path).toBe(join(root, 'part-1', 'partial.json'));
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('{"chunks":{"1":')).toBe(true);
    const back = readPartial(join(root, 'part-1'));
    expect(back).toEqual(part(id, 1, 3, join(root, 'part-1')));
    expect(readPartial(path).source).toBe(path);
  });

  it('refuses to write an incomplete shard or a chunk of another shard', () => {
    const id = identity();
    const incomplete = part(id, 0, 3);
    const { 3: _dropped, ...rest } = incomplete.chunks;
    expect(() => writePartial(join(root, 'p'), { ...incomplete, chunks: rest })).toThrow(
      `partial result for '${join(root, 'p')}': shard 0/3 is incomplete (3 of 4 chunks, chunk 3 missing)`,
    );
    expect(() =>
      writePartial(join(root, 'p'), { ...incomplete, chunks: { ...incomplete.chunks, 1: 1 } }),
    ).toThrow('chunk 1 does not belong to shard 0/3');
    expect(() =>
      writePartial(join(root, 'p'), { ...incomplete, chunks: { ...incomplete.chunks, 10: 1 } }),
    ).toThrow("chunk key '10' is not a chunk index in 0..9");
  });

  it.each<[string, string]>([
    ['{', 'not valid JSON'],
    ['[]', 'expected object'],
    ['{"format":"rl-objective-checkpoint"}', 'format'],
  ])('refuses a malformed part %j', (text, message) => {
    const file = join(root, 'partial.json');
    writeFileSync(file, text);
    expect(() => readPartial(file)).toThrow(InputError);
    expect(() => readPartial(file)).toThrow(message);
  });

  it('refuses a missing part, a tampered identity and a bad chunk key', () => {
    expect(() => readPartial(join(root, 'nowhere'))).toThrow(
      `part '${join(root, 'nowhere')}': file not found`,
    );
    const path = writePartial(join(root, 'p'), part(identity(), 0, 2));
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...stored, identity: { ...stored.identity, seed: 4 } }));
    expect(() => readPartial(path)).toThrow('corrupt (its fingerprint is not the hash');
    writeFileSync(path, JSON.stringify({ ...stored, chunks: { ...stored.chunks, '02': 1 } }));
    expect(() => readPartial(path)).toThrow("chunk key '02' is not a chunk index");
    writeFileSync(path, JSON.stringify({ ...stored, shard: { i: 2, n: 2 } }));
    expect(() => readPartial(path)).toThrow('shard must be i/n with 0 <= i < n, got 2/2');
  });
});

describe('mergeParts', () => {
  it.each([1, 3, 7])('gathers shards 0..n-1 (n = %i), in any order, into chunk order', (n) => {
    const id = identity();
    const parts = Array.from({ length: n }, (_, i) => part(id, i, n)).reverse();
    const merged = mergeParts(parts);
    expect(merged.identity).toEqual(id);
    expect(merged.results).toEqual(Array.from({ length: 10 }, (_, k) => result(k)));
  });

  it('merges parts read back from disk to the same results', () => {
    const id = identity();
    const dirs = [0, 1, 2].map((i) => {
      const dir = join(root, `part-${i}`);
      writePartial(dir, part(id, i, 3));
      return dir;
    });
    expect(mergeParts(dirs.map(readPartial)).results).toEqual(
      mergeParts([0, 1, 2].map((i) => part(id, i, 3))).results,
    );
  });

  it('accepts parts cut with different n when they still cover every chunk once', () => {
    const id = identity(3, 4);
    const half: PartialResult = {
      identity: id,
      shard: { i: 0, n: 2 },
      chunks: { 0: result(0), 2: result(2) },
    };
    const quarter1: PartialResult = {
      identity: id,
      shard: { i: 1, n: 4 },
      chunks: { 1: result(1) },
    };
    const quarter3: PartialResult = {
      identity: id,
      shard: { i: 3, n: 4 },
      chunks: { 3: result(3) },
    };
    expect(mergeParts([quarter3, half, quarter1]).results).toEqual([0, 1, 2, 3].map(result));
  });

  it('refuses no parts', () => {
    expect(() => mergeParts([])).toThrow(new InputError('merge needs at least one part'));
  });

  it('refuses missing parts, naming the chunks and the shards', () => {
    const id = identity();
    expect(() => mergeParts([part(id, 0, 3, 'a'), part(id, 2, 3, 'c')])).toThrow(
      new InputError('3 of 10 chunks are missing (1, 4, 7); no part for shard 1/3'),
    );
    const many = identity(3, 40);
    expect(() => mergeParts([part(many, 0, 20)])).toThrow(
      new InputError(
        '38 of 40 chunks are missing (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …); no part for shard 1/20, 2/20, 3/20, 4/20, 5/20, 6/20, 7/20, 8/20, 9/20, 10/20, …',
      ),
    );
  });

  it('refuses a duplicated part, naming both', () => {
    const id = identity();
    const parts = [
      part(id, 0, 3, 'out/part-0'),
      part(id, 1, 3, 'out/part-1'),
      part(id, 1, 3, 'copy/part-1'),
    ];
    expect(() => mergeParts(parts)).toThrow(
      new InputError("shard 1/3 is given twice: 'out/part-1' and 'copy/part-1'"),
    );
    const overlapping = [part(id, 0, 2, 'x'), part(id, 0, 4, 'y')];
    expect(() => mergeParts(overlapping)).toThrow(
      new InputError("chunk 0 is in both 'x' (shard 0/2) and 'y' (shard 0/4)"),
    );
  });

  it.each<[string, RunIdentity, string]>([
    ['seed', identity(4), 'seed differs (part 1 3, part 2 4)'],
    ['chunks', identity(3, 11), 'chunks differ (part 1 10, part 2 11)'],
    [
      'config',
      runIdentity({
        kind: 'verify',
        config: { budget: 'quick', alpha: 1e-6 },
        seed: 3,
        chunks: 10,
      }),
      'config.budget differs (part 1 "full", part 2 "quick")',
    ],
    [
      'version',
      { ...identity(), version: { package: '0.0.1', format: 1 } },
      `version differs (part 1 rl-objective ${identity().version.package} format ${identity().version.format}, part 2 rl-objective 0.0.1 format 1)`,
    ],
  ])('refuses a part of a run with another %s', (_, other, why) => {
    const parts = [part(identity(), 0, 2), part(other, 1, 2)];
    expect(() => mergeParts(parts)).toThrow(
      new InputError(`part 2 is from a different run than part 1: ${why}`),
    );
  });
});

describe('readPartial of something that is not a file', () => {
  it('refuses a device instead of reading it forever', () => {
    expect(() => readPartial('/dev/zero')).toThrow(
      new InputError("part '/dev/zero': not a regular file (a character device)"),
    );
  });
});
