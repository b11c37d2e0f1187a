import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAlpha, registerFalseFail } from '../../test/support/budget/false-fail.ts';
import { runCliAsync } from '../../test/support/cli/run-cli-async.ts';
import { LOCK_FILE } from '../checkpoint/directory-lock.ts';

// One writer per output directory, as a user meets it: the lock is released on every exit path
// of `simulate --checkpoint` and `verify`, and a second run on a locked directory exits 2 at
// once with one line. Every run has a fixed seed and one thread. The runs whose exit status is
// a verdict are registered with the false-fail registry: agreement at ALPHA, and the
// disagreement forced by an alpha next to 1.

const root = mkdtempSync(join(tmpdir(), 'rl-objective-output-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The family-wise false-fail rate of the runs whose agreement (exit 0) is asserted. */
const ALPHA = 1e-9;
/**
 * An alpha next to 1 puts the threshold at |z| = 1.25e-12: a run agrees only if its z, about
 * N(0, 1) with a density below 0.4 (0.6 with the precondition's factor 1.5), falls within it.
 */
const NEAR_ONE = 0.999_999_999_999;
const NEAR_ONE_MISS = 0.6 * 2 * 1.25e-12;
const SIMULATE =
  `simulate --scheme grpo --M 8 --policy bernoulli:p=0.3 --chunk-groups 1e5 --seed 5 --alpha ${ALPHA}`.split(
    ' ',
  );
const lines = (text: string) => text.trimEnd().split('\n');
/** Waits until `path` exists (a run has taken its lock), polling every 10 ms. */
async function until(path: string): Promise<void> {
  while (!existsSync(path)) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('simulate --checkpoint releases the lock on every exit path', () => {
  it.each<[string, string[], Record<string, string>, number]>([
    ['agreement', ['--groups', '1e6'], {}, 0],
    ['disagreement', ['--groups', '1e6', '--alpha', String(NEAR_ONE)], {}, 1],
    ['no verdict', ['--groups', '10'], {}, 3],
    [
      'a chunk that failed twice',
      ['--groups', '1e6'],
      { RL_OBJECTIVE_TEST_FAULT: 'throw:3:2' },
      70,
    ],
  ])('%s', async (_, args, env, status) => {
    const dir = join(root, `simulate-${status}`);
    if (status === 0) registerAlpha(ALPHA);
    if (status === 1) registerFalseFail(NEAR_ONE_MISS);
    const run = await runCliAsync([...SIMULATE, ...args, '--checkpoint', dir], { env });
    expect(run.status, run.stderr).toBe(status);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('bad input found under the lock (a checkpoint of another run)', async () => {
    const dir = join(root, 'simulate-other-run');
    const kept = await runCliAsync([...SIMULATE, '--groups', '1e6', '--checkpoint', dir], {
      env: { RL_OBJECTIVE_TEST_FAULT: 'throw:3:2' },
    });
    expect(kept.status).toBe(70);
    const other = await runCliAsync([...SIMULATE, '--groups', '2e6', '--checkpoint', dir]);
    expect(other.status).toBe(2);
    expect(lines(other.stderr)).toEqual([expect.stringContaining('is from a different run')]);
    expect(readdirSync(dir)).not.toContain(LOCK_FILE);
  });

  it('an interruption, and the second run refused while the first holds the lock', async () => {
    const dir = join(root, 'simulate-interrupted');
    let stop: (signal: NodeJS.Signals) => void = () => {};
    const first = runCliAsync([...SIMULATE, '--groups', '1e9', '--checkpoint', dir], {
      onStart: (kill) => {
        stop = kill;
      },
    });
    await until(join(dir, 'chunk-000000.json'));
    const second = await runCliAsync([...SIMULATE, '--groups', '1e9', '--checkpoint', dir]);
    stop('SIGTERM');
    const interrupted = await first;
    expect(second.status).toBe(2);
    expect(second.stdout).toBe('');
    expect(lines(second.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^rl-objective: directory '${dir}' is in use by another run \\(pid \\d+ on host '${hostname()}', since [^)]+\\): wait for it to end, or stop it, before starting another run there$`,
        ),
      ),
    ]);
    expect(interrupted.status, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toMatch(/^rl-objective: simulate interrupted; \d+ of 10000 chunks/);
    expect(readdirSync(dir)).not.toContain(LOCK_FILE);
  });

  it('--force-unlock takes over a lock of another host, with a warning; it needs --checkpoint', async () => {
    const dir = join(root, 'simulate-foreign');
    mkdirSync(dir);
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        format: 'rl-objective-lock',
        pid: 4242,
        host: 'node-7',
        since: '2026-01-01T00:00:00.000Z',
        command: 'rl-objective simulate',
        token: 'foreign',
      }),
    );
    const refused = await runCliAsync([...SIMULATE, '--groups', '1e6', '--checkpoint', dir]);
    expect(refused.status).toBe(2);
    expect(lines(refused.stderr)).toEqual([
      expect.stringContaining(`if that run is gone, rerun with --force-unlock`),
    ]);
    registerAlpha(ALPHA);
    const forced = await runCliAsync([
      ...SIMULATE,
      '--groups',
      '1e6',
      '--checkpoint',
      dir,
      '--force-unlock',
    ]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(lines(forced.stderr)).toEqual([
      `rl-objective: warning: took over the lock of '${dir}' from pid 4242 on host 'node-7', since 2026-01-01T00:00:00.000Z, by --force-unlock`,
    ]);
    expect(existsSync(dir)).toBe(false);
    const alone = await runCliAsync([...SIMULATE, '--groups', '1e6', '--force-unlock']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe(
      'rl-objective: --force-unlock needs --checkpoint DIR, the directory it unlocks\n',
    );
  });
});

describe('verify --out', () => {
  it('a second run on the output directory of a running one exits 2 at once', async () => {
    const out = join(root, 'verify');
    const args = ['verify', '--quick', '--seed', '3', '--threads', '1', '--out', out];
    let stop: (signal: NodeJS.Signals) => void = () => {};
    const first = runCliAsync(args, {
      onStart: (kill) => {
        stop = kill;
      },
    });
    await until(join(out, 'checkpoint', 'chunk-000000.json'));
    const second = await runCliAsync([...args, '--resume']);
    stop('SIGINT');
    expect(second.status).toBe(2);
    expect(lines(second.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^rl-objective: directory '${out}' is in use by another run \\(pid \\d+ on host`,
        ),
      ),
    ]);
    expect((await first).status).toBe(130);
    expect(readdirSync(out)).toEqual(['checkpoint']);
  });
});
