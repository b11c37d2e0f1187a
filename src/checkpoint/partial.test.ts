import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePartial, writtenPartial } from './partial.ts';
import { runIdentity } from './run-identity.ts';
import { shardChunks } from './shard.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rl-objective-written-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const identity = (seed = 3) =>
  runIdentity({ kind: 'verify', config: { budget: 'full' }, seed, chunks: 7 });
const chunks = (i: number, n: number) =>
  Object.fromEntries(shardChunks(7, i, n).map((index) => [index, { index }]));

describe('writtenPartial', () => {
  it('finds the complete part of the same run and shard', () => {
    writePartial(dir, { identity: identity(), shard: { i: 1, n: 3 }, chunks: chunks(1, 3) });
    expect(writtenPartial(dir, identity(), { i: 1, n: 3 })?.chunks).toEqual(chunks(1, 3));
  });

  it('finds nothing where there is no part, or one of another run or shard, or a broken one', () => {
    expect(writtenPartial(join(dir, 'absent'), identity(), { i: 1, n: 3 })).toBeUndefined();
    writePartial(dir, { identity: identity(), shard: { i: 1, n: 3 }, chunks: chunks(1, 3) });
    expect(writtenPartial(dir, identity(4), { i: 1, n: 3 })).toBeUndefined();
    expect(writtenPartial(dir, identity(), { i: 0, n: 3 })).toBeUndefined();
    expect(writtenPartial(dir, identity(), { i: 1, n: 2 })).toBeUndefined();
    writeFileSync(join(dir, 'partial.json'), '{');
    expect(writtenPartial(dir, identity(), { i: 1, n: 3 })).toBeUndefined();
  });
});
