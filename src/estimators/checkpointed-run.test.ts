import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../checkpoint/directory-lock.ts';
import { runIdentity } from '../checkpoint/index.ts';
import { checkpointedRun, StoppedRun, withRunLock } from './checkpointed-run.ts';
import { ChunkFailure } from './run-chunks.ts';

// A checkpointed run's contract, on a run of 5 trivial chunks: chunks are recorded and the
// checkpoint discarded on success; a cancelled run or a chunk that failed twice becomes a
// StoppedRun saying what is kept; any other error passes through. Deterministic: no false-fail rate.

const root = mkdtempSync(join(tmpdir(), 'rl-objective-checkpointed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const identity = runIdentity({ kind: 'test', config: { a: 1 }, seed: 1, chunks: 5 });
const checkpoint = (name: string, resume = false) => ({ dir: join(root, name), identity, resume });

describe('checkpointedRun', () => {
  it('records every chunk, then discards the checkpoint once the work is done', async () => {
    const spec = checkpoint('done');
    const result = await checkpointedRun(spec, undefined, async (work) => {
      for (let i = 0; i < 5; i++) work.onChunk(i, { i });
      expect(readdirSync(spec.dir).filter((f) => f.startsWith('chunk-'))).toHaveLength(5);
      return 'result';
    });
    expect(result).toBe('result');
    expect(existsSync(spec.dir)).toBe(false);
  });

  it('turns a cancellation into a StoppedRun that counts the kept chunks, resumed ones too', async () => {
    const spec = checkpoint('interrupted');
    const controller = new AbortController();
    const first = await checkpointedRun(spec, controller.signal, async (work) => {
      work.onChunk(0, { i: 0 });
      work.onChunk(3, { i: 3 });
      controller.abort(new Error('stop'));
      throw controller.signal.reason;
    }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(StoppedRun);
    expect(first).toMatchObject({
      reason: 'interrupted',
      kept: 2,
      chunks: 5,
      checkpoint: spec.dir,
    });
    const again = new AbortController();
    const second = await checkpointedRun({ ...spec, resume: true }, again.signal, async (work) => {
      expect([...work.completed.keys()].sort()).toEqual([0, 3]);
      work.onChunk(1, { i: 1 });
      again.abort(new Error('stop'));
      throw again.signal.reason;
    }).catch((e: unknown) => e);
    expect(second).toMatchObject({ reason: 'interrupted', kept: 3 });
  });

  it('turns a chunk that failed twice into a StoppedRun with its message, and lets other errors through', async () => {
    const failure = new ChunkFailure(2, 'chunk 2', new Error('boom'));
    const failed = await checkpointedRun(checkpoint('failed'), undefined, async () => {
      throw failure;
    }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ reason: 'failed', kept: 0, message: failure.message });
    expect((failed as StoppedRun).cause).toBe(failure);
    const other = new Error('a bug');
    await expect(
      checkpointedRun(undefined, undefined, async () => {
        throw other;
      }),
    ).rejects.toBe(other);
  });

  it('withRunLock holds the lock while the work runs and releases it however the work ends', async () => {
    const dir = join(root, 'locked');
    await expect(
      withRunLock(dir, {}, async () => {
        expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
        await expect(withRunLock(dir, {}, async () => 1)).rejects.toThrow(/lock/);
        throw new Error('done');
      }),
    ).rejects.toThrow('done');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
