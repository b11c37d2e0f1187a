import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAlpha } from '../../../test/support/budget/false-fail.ts';
import { interruptAtChunk, runCliAsync } from '../../../test/support/cli/run-cli-async.ts';
import { substream } from '../../rng/index.ts';

// `simulate` as a user runs it: SIGINT at a completed chunk chosen from a seed, then
// the printed command that resumes gives the JSON of an uninterrupted run; worker faults. The
// runs of ARGS are decided at ALPHA: the reference run's agreement (exit 0) is registered, and
// every other run of ARGS is asserted to give its numbers, hence its verdict.
// In-process runs (--threads 1): this file starts no worker thread.

const root = mkdtempSync(join(tmpdir(), 'rl-objective-simulate-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The family-wise false-fail rate of the runs whose agreement (exit 0) is asserted. */
const ALPHA = 1e-9;
// 40 chunks of 2e5 groups, about 1 s in all.
const ARGS =
  `simulate --scheme grpo:std=sample --M 8 --policy bernoulli:p=0.3 --groups 8e6 --chunk-groups 2e5 --seed 11 --alpha ${ALPHA} --json`.split(
    ' ',
  );
/** The JSON output without its timings. */
const numbers = (stdout: string) => {
  const { seconds: _, responsesPerSecond: __, ...rest } = JSON.parse(stdout);
  return rest;
};
const lines = (text: string) => text.trimEnd().split('\n');
const reference = await runCliAsync(ARGS);

describe('simulate --checkpoint: interrupt and resume', () => {
  it('the uninterrupted reference run succeeds', () => {
    registerAlpha(ALPHA);
    expect(reference.status, reference.stderr).toBe(0);
    expect(numbers(reference.stdout).groups).toBe(8e6);
  });

  it('SIGINT at a chosen chunk keeps the chunks; the printed command resumes to the same numbers', async () => {
    const dir = join(root, 'interrupted');
    const u = substream(2026, 'simulate-interrupt');
    // A chunk in 1..total-5, so that the run is still going when the signal arrives.
    const run = await interruptAtChunk([...ARGS, '--checkpoint', dir], dir, (total) =>
      Math.max(1, Math.floor(u() * (total - 5))),
    );
    expect(run.status, run.stderr).toBe(130);
    expect(run.recorded).toBeGreaterThanOrEqual(run.target);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    const message =
      /^rl-objective: simulate interrupted; (\d+) of 40 chunks are kept in '(.+)'; resume with: (rl-objective .+ --resume)$/.exec(
        run.stderr.trimEnd(),
      );
    expect(message, run.stderr).not.toBeNull();
    const kept = Number(message![1]);
    expect(kept).toBeGreaterThanOrEqual(run.recorded);
    expect(kept).toBeLessThan(40);

    // A fresh run over the checkpoint is refused, naming --resume; another seed is refused.
    const fresh = await runCliAsync([...ARGS, '--checkpoint', dir]);
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toBe(
      `rl-objective: checkpoint '${dir}' already holds ${kept} of 40 chunks of this run: add --resume to continue it, or delete '${dir}' to start over\n`,
    );
    const other = await runCliAsync([...ARGS, '--seed', '12', '--checkpoint', dir, '--resume']);
    expect(other.status).toBe(2);
    expect(lines(other.stderr)).toEqual([
      expect.stringContaining(
        `checkpoint '${dir}' is from a different run: seed differs (checkpoint "11", this run "12")`,
      ),
    ]);

    const resumed = await runCliAsync({ shell: message![3]!.replace(/^rl-objective /, '') });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(numbers(resumed.stdout)).toEqual(numbers(reference.stdout));
    // A completed run leaves no checkpoint behind.
    expect(existsSync(dir)).toBe(false);
  });

  it('SIGKILL at a chosen chunk: --resume takes over the lock of the dead run, with the same numbers', async () => {
    const dir = join(root, 'killed');
    const u = substream(2026, 'simulate-kill');
    const run = await interruptAtChunk(
      [...ARGS, '--checkpoint', dir],
      dir,
      (total) => Math.max(1, Math.floor(u() * (total - 5))),
      'SIGKILL',
    );
    expect(run.status).toBeNull();
    expect(run.stdout).toBe('');
    const resumed = await runCliAsync([...ARGS, '--checkpoint', dir, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(lines(resumed.stderr)).toEqual([
      expect.stringMatching(
        /^rl-objective: warning: took over the lock of .* which is no longer running$/,
      ),
    ]);
    expect(numbers(resumed.stdout)).toEqual(numbers(reference.stdout));
    expect(existsSync(dir)).toBe(false);
  });

  it('--resume with no checkpoint starts afresh; --resume needs --checkpoint', async () => {
    const dir = join(root, 'absent');
    const run = await runCliAsync([...ARGS, '--checkpoint', dir, '--resume']);
    expect(run.status, run.stderr).toBe(0);
    expect(numbers(run.stdout)).toEqual(numbers(reference.stdout));
    const alone = await runCliAsync([...ARGS, '--resume']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe(
      'rl-objective: --resume needs --checkpoint DIR, the directory of the checkpoint\n',
    );
  });
});

describe('simulate: worker faults (test hook RL_OBJECTIVE_TEST_FAULT)', () => {
  it('a chunk that throws once is retried, with the same numbers', async () => {
    const run = await runCliAsync(ARGS, { env: { RL_OBJECTIVE_TEST_FAULT: 'throw:7' } });
    expect(run.status, run.stderr).toBe(0);
    expect(numbers(run.stdout)).toEqual(numbers(reference.stdout));
    expect(lines(run.stderr)).toEqual([
      'rl-objective: warning: chunk 7 failed (injected fault); running it once more',
    ]);
  });

  it('a chunk that fails twice ends the run with one line naming it, exit 70, no output', async () => {
    const dir = join(root, 'failing');
    const run = await runCliAsync([...ARGS, '--checkpoint', dir], {
      env: { RL_OBJECTIVE_TEST_FAULT: 'throw:7:2' },
    });
    expect(run.status).toBe(70);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(2);
    expect(lines(run.stderr)[1]).toBe(
      `rl-objective: simulate: chunk 7 failed twice: injected fault; 7 of 40 chunks are kept in '${dir}'; resume with: rl-objective ${[...ARGS, '--checkpoint', dir].join(' ')} --resume`,
    );
  });
});

describe('simulate: too few groups for a verdict', () => {
  // verl-grpo-passk weights only a lone correct answer: P(K = 1) = 3e-5 at p = 0.95, so 20 000
  // groups mostly see none. The precondition depends on the configuration only, so the outcome
  // is 'insufficient' whatever the draws: false-fail rate 0.
  const RARE = 'simulate --scheme verl-grpo-passk --M 5 --policy bernoulli:p=0.95'.split(' ');

  it('exits 3 and says how many groups would do', async () => {
    const run = await runCliAsync([...RARE, '--groups', '20000']);
    expect(run.status, run.stderr).toBe(3);
    expect(run.stdout).toMatch(/NO VERDICT: 20000 groups are too few .* --groups (\d+) or more/);
  });

  it('--json gives the outcome and groupsNeeded', async () => {
    const run = await runCliAsync([...RARE, '--groups', '20000', '--json']);
    expect(run.status, run.stderr).toBe(3);
    const json = JSON.parse(run.stdout);
    expect(json.outcome).toBe('insufficient');
    expect(json.agree).toBe(false);
    expect(json.groupsNeeded).toBeGreaterThan(1e8);
  });

  it('a run with enough groups gets a verdict (exit 0, outcome agree)', async () => {
    const alpha = registerAlpha(ALPHA);
    const run = await runCliAsync(
      `simulate --scheme grpo --M 8 --policy bernoulli:p=0.3 --groups 1e5 --alpha ${alpha} --json`.split(
        ' ',
      ),
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'agree', agree: true });
  });
});
