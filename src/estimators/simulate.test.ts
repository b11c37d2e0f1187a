import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { StoppedRun } from './checkpointed-run.ts';
import { simulate } from './simulate.ts';

// The entry point `simulate`, called as a library user calls it (no CLI): a run stopped through
// its signal keeps its chunks in the checkpoint, and resuming gives the bits of an uninterrupted
// run. Numbers from fixed seeds are compared and no verdict is asserted: no false-fail rate.
// In this thread only: no worker is started.

const root = mkdtempSync(join(tmpdir(), 'rl-objective-simulate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// 10 chunks of 2000 groups.
const INPUT = {
  scheme: 'grpo:std=sample',
  M: 8,
  policy: 'bernoulli:p=0.3',
  groups: 20_000,
  chunkGroups: 2_000,
  seed: 11,
} as const;

describe('simulate', () => {
  const reference = simulate(INPUT);

  it('stops through its signal with its completed chunks kept, and resumes to the same bits', async () => {
    const checkpoint = join(root, 'resumed');
    const controller = new AbortController();
    const stopped = await simulate({
      ...INPUT,
      checkpoint,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.chunksDone === 4) controller.abort(new Error('stop'));
      },
    }).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(StoppedRun);
    expect(stopped).toMatchObject({ reason: 'interrupted', kept: 4, chunks: 10, checkpoint });
    expect(readdirSync(checkpoint).filter((f) => f.startsWith('chunk-'))).toHaveLength(4);
    // A fresh run over the kept chunks is refused; a resumed one completes and removes them.
    await expect(simulate({ ...INPUT, checkpoint })).rejects.toThrow(/add --resume/);
    const resumed = await simulate({ ...INPUT, checkpoint, resume: true });
    const whole = await reference;
    expect(resumed.accumulator).toEqual(whole.accumulator);
    expect(resumed.estimate).toEqual(whole.estimate);
    expect(existsSync(checkpoint)).toBe(false);
  });

  it('without a checkpoint, a stopped run says that nothing was kept', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const stopped = await simulate({ ...INPUT, signal: controller.signal }).catch((e) => e);
    expect(stopped).toMatchObject({ reason: 'interrupted', kept: 0, checkpoint: undefined });
  });

  it('rejects bad input before it takes the checkpoint directory', async () => {
    const checkpoint = join(root, 'bad-input');
    await expect(simulate({ ...INPUT, M: 0, checkpoint })).rejects.toThrow(InputError);
    await expect(simulate({ ...INPUT, estimator: 'nope', checkpoint })).rejects.toThrow(
      /estimator 'nope' is unknown/,
    );
    expect(existsSync(checkpoint)).toBe(false);
  });
});
