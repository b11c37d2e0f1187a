import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { interruptAtChunk, runCliAsync } from '../../../test/support/cli/run-cli-async.ts';
import { runFingerprint, shardChunks } from '../../checkpoint/index.ts';
import { substream } from '../../rng/index.ts';

// `verify --quick` and `merge` as a user runs them: SIGINT at a completed chunk chosen
// from a seed, then the printed resume command; 3 shards merged; merge refusing bad parts; a
// chunk failing twice. Every run uses seed 3 and one thread, and the assertions compare numbers
// between runs (and exit statuses), never a verdict, so no false-fail rate. The reference run's
// own verdicts are the battery's (alpha 1e-6), asserted nowhere here.

const root = mkdtempSync(join(tmpdir(), 'rl-objective-verify-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ARGS = ['verify', '--quick', '--seed', '3', '--threads', '1'];
/** The report without what differs between runs of the same numbers: timings, command line. */
const numbers = (stdout: string) => {
  const report = JSON.parse(stdout);
  return {
    ...report,
    command: null,
    summary: { ...report.summary, seconds: null },
    checks: report.checks.map((row: { seconds: number }) => ({ ...row, seconds: null })),
  };
};
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;
const reference = await runCliAsync([...ARGS, '--out', join(root, 'reference'), '--json']);

describe('verify: interrupt and resume', () => {
  it('SIGINT at a chosen chunk keeps the chunks; the printed command resumes to the same report', async () => {
    expect([0, 1]).toContain(reference.status);
    const out = join(root, 'interrupted');
    const dir = join(out, 'checkpoint');
    const u = substream(2026, 'verify-interrupt');
    const run = await interruptAtChunk([...ARGS, '--out', out, '--json'], dir, (total) =>
      Math.max(1, Math.floor(u() * (total - 5))),
    );
    expect(run.status, run.stderr).toBe(130);
    expect(run.recorded).toBeGreaterThanOrEqual(run.target);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const message =
      /^rl-objective: verify interrupted; (\d+) of (\d+) chunks are kept in '(.+)'; resume with: (rl-objective .+ --resume)$/.exec(
        lastLine(run.stderr),
      );
    expect(message, run.stderr).not.toBeNull();
    expect(Number(message![1])).toBeGreaterThanOrEqual(run.recorded);
    expect(Number(message![1])).toBeLessThan(run.total);
    expect(message![3]).toBe(dir);
    expect(existsSync(join(out, 'agreement.json'))).toBe(false);

    const fresh = await runCliAsync([...ARGS, '--out', out]);
    expect(fresh.status).toBe(2);
    expect(lastLine(fresh.stderr)).toMatch(
      /already holds \d+ of \d+ chunks of this run: add --resume/,
    );

    const resumed = await runCliAsync({ shell: message![4]!.replace(/^rl-objective /, '') });
    expect(resumed.status).toBe(reference.status);
    expect(numbers(resumed.stdout)).toEqual(numbers(reference.stdout));
    expect(existsSync(dir)).toBe(false);
  });
});

describe('verify: killed (SIGKILL) and resumed', () => {
  it('--resume takes over the lock of the dead run and gives the report of a clean run, bit for bit', async () => {
    const out = join(root, 'killed');
    const dir = join(out, 'checkpoint');
    const u = substream(2026, 'verify-kill');
    const args = [...ARGS, '--out', out, '--json'];
    const run = await interruptAtChunk(
      args,
      dir,
      (total) => Math.max(1, Math.floor(u() * (total - 5))),
      'SIGKILL',
    );
    expect(run.status).toBeNull();
    expect(existsSync(join(out, 'agreement.json'))).toBe(false);
    const resumed = await runCliAsync([...args, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(reference.status);
    expect(resumed.stderr).toMatch(/took over the lock of .* which is no longer running/);
    expect(numbers(resumed.stdout)).toEqual(numbers(reference.stdout));
    expect(existsSync(dir)).toBe(false);
  });
});

describe('verify --shard and merge', () => {
  const parts = [0, 1, 2].map((i) => join(root, 'parts', `part-${i}`));
  const shards = Promise.all(
    parts.map((out, i) => runCliAsync([...ARGS, '--shard', `${i}/3`, '--out', out])),
  );

  it('3 shards merged give the report of the single run, bit for bit', async () => {
    for (const [i, run] of (await shards).entries()) {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(`^shard ${i}/3: \\d+ of \\d+ chunks written to ${parts[i]}/partial.json;`),
      );
    }
    const out = join(root, 'merged');
    const merged = await runCliAsync(['merge', ...parts, '--out', out, '--json']);
    expect(merged.status, merged.stderr).toBe(reference.status);
    expect(numbers(merged.stdout)).toEqual(numbers(reference.stdout));
    expect(JSON.parse(readFileSync(join(out, 'agreement.json'), 'utf8'))).toEqual(
      JSON.parse(merged.stdout),
    );
    // A retried task (--resume) whose part is already written has nothing left to do.
    const written = statSync(join(parts[1]!, 'partial.json')).mtimeMs;
    const retried = await runCliAsync([...ARGS, '--shard', '1/3', '--out', parts[1]!, '--resume']);
    expect(retried.status, retried.stderr).toBe(0);
    expect(retried.stdout).toBe((await shards)[1]!.stdout);
    expect(statSync(join(parts[1]!, 'partial.json')).mtimeMs).toBe(written);
  });

  it('merge refuses missing, duplicated and mismatched parts: one line, exit 2, nothing written', async () => {
    await shards;
    // A part of another run (seed 4), consistent in itself: its fingerprint is recomputed.
    const forged = join(root, 'parts', 'forged-1');
    const part = JSON.parse(readFileSync(join(parts[1]!, 'partial.json'), 'utf8'));
    part.identity.seed = 4;
    part.fingerprint = runFingerprint(part.identity);
    mkdirSync(forged, { recursive: true });
    writeFileSync(join(forged, 'partial.json'), JSON.stringify(part));
    const out = join(root, 'refused');
    const cases: [string[], RegExp][] = [
      [
        [parts[0]!, parts[2]!],
        /^rl-objective: \d+ of \d+ chunks are missing \(1, 4, 7, .*\); no part for shard 1\/3$/,
      ],
      [
        [...parts, parts[1]!],
        /^rl-objective: shard 1\/3 is given twice: '.+part-1' and '.+part-1'$/,
      ],
      [
        [parts[0]!, forged, parts[2]!],
        /^rl-objective: '.+forged-1' is from a different run than '.+part-0': seed differs \('.+part-0' 3, '.+forged-1' 4\)$/,
      ],
    ];
    for (const [sources, message] of cases) {
      const run = await runCliAsync(['merge', ...sources, '--out', out]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('verify: worker faults (test hook RL_OBJECTIVE_TEST_FAULT)', () => {
  it('a chunk that fails twice ends the run with one line naming the check and the chunk, exit 70', async () => {
    const out = join(root, 'failing');
    const run = await runCliAsync([...ARGS, '--out', out], {
      env: { RL_OBJECTIVE_TEST_FAULT: 'throw:5:2' },
    });
    expect(run.status).toBe(70);
    expect(run.stdout).toBe('');
    expect(lastLine(run.stderr)).toMatch(
      /^rl-objective: verify: chunk 5 \(check '[^']+', its chunk \d+\) failed twice: injected fault; 5 of \d+ chunks are kept in '.+'; resume with: rl-objective .* --resume$/,
    );
    expect(existsSync(join(out, 'agreement.json'))).toBe(false);
  });

  it("a shard's message counts the shard's own chunks, not the whole run's", async () => {
    const fault = { env: { RL_OBJECTIVE_TEST_FAULT: 'throw:5:2' } };
    const whole = await runCliAsync([...ARGS, '--out', join(root, 'failing-whole')], fault);
    const total = Number(/ of (\d+) chunks are kept/.exec(lastLine(whole.stderr))![1]);
    const part = await runCliAsync(
      [...ARGS, '--shard', '1/2', '--out', join(root, 'failing-shard')],
      fault,
    );
    expect(part.status).toBe(70);
    expect(lastLine(part.stderr)).toMatch(
      new RegExp(`; \\d+ of ${shardChunks(total, 1, 2).length} chunks are kept in `),
    );
  });
});

describe('verify --budget', () => {
  it.each([
    [['--budget', 'fast'], "--budget must be quick, default or full, got 'fast'"],
    [['--budget', 'full', '--quick'], '--budget full contradicts --quick'],
    [['--budget', 'quick', '--full'], '--budget quick contradicts --full'],
  ])('refuses %j with one line, before any work', async (args, message) => {
    const out = join(root, 'budget-refused');
    const run = await runCliAsync(['verify', ...args, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`rl-objective: ${message}\n`);
    expect(existsSync(out)).toBe(false);
  });
});
