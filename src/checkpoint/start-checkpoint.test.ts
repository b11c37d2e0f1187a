import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCheckpoint } from './open-checkpoint.ts';
import { recordChunk } from './record-chunk.ts';
import { runIdentity } from './run-identity.ts';
import { startCheckpoint } from './start-checkpoint.ts';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rl-objective-start-'));
  dir = join(root, 'checkpoint');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const identity = (seed = 7) =>
  runIdentity({ kind: 'simulate', config: { groups: 10 }, seed, chunks: 4 });

describe('startCheckpoint', () => {
  it('--resume without a checkpoint starts afresh', () => {
    const started = startCheckpoint(dir, identity(), true);
    expect(started.chunks.size).toBe(0);
    expect(existsSync(join(dir, 'run.json'))).toBe(true);
  });

  it('--resume continues from the completed chunks', () => {
    openCheckpoint(dir, identity());
    recordChunk(dir, 2, { v: 2 });
    expect([...startCheckpoint(dir, identity(), true).chunks]).toEqual([[2, { v: 2 }]]);
  });

  it('a fresh run reuses a checkpoint with no chunk, and refuses one with chunks, naming --resume', () => {
    openCheckpoint(dir, identity());
    expect(startCheckpoint(dir, identity(), false).chunks.size).toBe(0);
    recordChunk(dir, 1, { v: 1 });
    expect(() => startCheckpoint(dir, identity(), false)).toThrow(
      `checkpoint '${dir}' already holds 1 of 4 chunks of this run: add --resume to continue it, or delete '${dir}' to start over`,
    );
  });

  it.each([true, false])('refuses a checkpoint of another run (resume %s)', (resume) => {
    openCheckpoint(dir, identity(7));
    expect(() => startCheckpoint(dir, identity(8), resume)).toThrow(
      `checkpoint '${dir}' is from a different run: seed differs (checkpoint 7, this run 8)`,
    );
  });
});
