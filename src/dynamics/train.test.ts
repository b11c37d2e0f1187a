import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoppedRun } from '../estimators/index.ts';
import { type TrainOptions, train, trainJson, trainReportFiles } from './index.ts';

// The entry point `train`, called as a library user calls it (no CLI): checkpoint, resume and
// report. Bits from fixed seeds are compared and no verdict is asserted: no false-fail rate.
// In this thread only: no worker is started.

const root = mkdtempSync(join(tmpdir(), 'rl-objective-train-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// 2 schemes of 5 chunks of 2 seeds.
const OPTIONS: TrainOptions = {
  schemes: ['reinforce', 'grpo'],
  M: 4,
  corpus: 'tabular:prompts=12,alpha=0.5,beta=2',
  steps: 12,
  batch: 4,
  lr: 2,
  seeds: 10,
  seedsPerChunk: 2,
};

describe('train', () => {
  it('fills its defaults from TRAIN_DEFAULTS', async () => {
    const { M: _, steps: __, ...rest } = OPTIONS;
    const result = await train({ ...rest, steps: 3 });
    expect(result.config.M).toBe(8);
    expect(result.config.k).toEqual([1, 8]);
  });

  it('stops through its signal keeping its chunks, resumes to the same bits, and writes its report', async () => {
    const checkpoint = join(root, 'checkpoint');
    const out = join(root, 'report');
    const controller = new AbortController();
    const stopped = await train({
      ...OPTIONS,
      checkpoint,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.chunksDone === 3) controller.abort(new Error('stop'));
      },
    }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(StoppedRun);
    expect(stopped).toMatchObject({ reason: 'interrupted', kept: 3, chunks: 10 });
    expect(existsSync(trainReportFiles(out).json)).toBe(false);
    const resumed = await train({ ...OPTIONS, checkpoint, resume: true, out, command: 'c' });
    const whole = await train(OPTIONS);
    expect(JSON.stringify(trainJson(resumed))).toBe(JSON.stringify(trainJson(whole)));
    expect(existsSync(checkpoint)).toBe(false);
    const written = JSON.parse(readFileSync(trainReportFiles(out).json, 'utf8'));
    expect(written.command).toBe('c');
    expect(written.schemes).toEqual(JSON.parse(JSON.stringify(trainJson(whole).schemes)));
  });
});
