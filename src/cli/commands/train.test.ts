import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { interruptAtChunk, runCliAsync } from '../../../test/support/cli/run-cli-async.ts';

// `train` as a user runs it. Every comparison is of numbers from fixed seeds, and no verdict is
// asserted (an agreement is checked against its exit status, not required), so no false-fail
// rate. Only the --threads 2 case starts a worker thread (one beside this thread, for about a second).

const root = mkdtempSync(join(tmpdir(), 'rl-objective-train-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SMALL =
  'train --scheme reinforce --scheme grpo --corpus tabular:prompts=40,alpha=0.5,beta=2 --lr 16 --steps 30 --batch 8 --record 10 --seed 3'.split(
    ' ',
  );

describe('rl-objective train', () => {
  it('prints exactly the documented --json document, and exits 3 with too few seeds', async () => {
    const run = await runCliAsync([...SMALL, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['config', 'steps', 'schemes']);
    expect(json.steps).toEqual([0, 10, 20, 30]);
    expect(json.config.schemes).toEqual(['reinforce', 'grpo:std=population,eps=1e-8,eps-at=std']);
    for (const s of json.schemes) {
      expect(Object.keys(s)).toEqual('scheme meanP passAtK hardest meanField check'.split(' '));
      expect(Object.keys(s.meanP)).toEqual(['mean', 'stderr']);
      expect(Object.keys(s.passAtK)).toEqual(['1', '8']);
      expect(Object.keys(s.meanField)).toEqual(['meanP', 'passAtK']);
      expect(Object.keys(s.check)).toEqual(['z', 'threshold', 'resolution', 'agree']);
      expect(s.check.agree).toBeNull();
      expect(s.check.z).toHaveLength(3);
      expect(s.meanP.mean).toHaveLength(4);
      // pass@1 = 1 - (1 - p)^1, computed as -expm1(log1p(-p)): p to a few ulps.
      s.meanP.mean.forEach((p: number, i: number) => {
        expect(Math.abs(s.passAtK['1'].mean[i] - p)).toBeLessThanOrEqual(4 * Number.EPSILON * p);
      });
    }
  });

  it('gives a verdict with enough seeds, and its exit status follows it', async () => {
    const run = await runCliAsync(
      'train --scheme grpo --corpus tabular:prompts=20,alpha=1,beta=2 --lr 8 --steps 40 --batch 8 --seeds 4000 --record 40 --json'.split(
        ' ',
      ),
    );
    const { agree } = JSON.parse(run.stdout).schemes[0].check;
    expect(typeof agree).toBe('boolean');
    expect(run.status).toBe(agree ? 0 : 1);
  });

  it('has the same bits with 2 threads, and writes its report with --out', async () => {
    const out = join(root, 'report');
    const [one, two] = await Promise.all([
      runCliAsync([...SMALL, '--json', '--out', out]),
      runCliAsync([...SMALL, '--json', '--threads', '2']),
    ]);
    expect(two.stdout).toBe(one.stdout);
    for (const file of ['train.json', 'train.md', 'index.html', 'figures/learning-curves.svg']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="http/);
    expect(readFileSync(join(out, 'train.md'), 'utf8')).toMatch(/Steps to reach/);
  });

  it('resumes an interrupted run from its checkpoint with the same numbers', async () => {
    // One seed per chunk (a shared corpus's per-step work is counted per prompt): 2 schemes x
    // 5 seeds = 10 chunks.
    const args =
      'train --scheme rs --scheme passk:k=4 --corpus shared:prompts=5000,dim=1,alpha=0.5,beta=2 --lr 0.5 --steps 100 --batch 4 --seeds 5 --json'.split(
        ' ',
      );
    const reference = await runCliAsync(args);
    const dir = join(root, 'checkpoint');
    const interrupted = await interruptAtChunk([...args, '--checkpoint', dir], dir, (n) =>
      Math.floor(n / 2),
    );
    expect(interrupted.status).toBe(130);
    expect(interrupted.stderr).toMatch(/train interrupted; \d+ of 10 chunks are kept/);
    const again = await runCliAsync([...args, '--checkpoint', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/add --resume/);
    const resumed = await runCliAsync([...args, '--checkpoint', dir, '--resume']);
    expect(resumed.stdout).toBe(reference.stdout);
    expect(existsSync(dir)).toBe(false);
  });

  it('rejects bad input with one line and exit 2', async () => {
    const base = ['train', '--scheme', 'grpo', '--corpus', 'tabular:prompts=10', '--lr', '1'];
    for (const [extra, message] of [
      [['--lr', '0'], /lr must be a finite number > 0/],
      [['--steps', '0'], /steps must be a positive integer/],
      [['--batch', '-3'], /batch must be a positive integer/],
      [['--seeds', '1'], /seeds must be at least 2/],
      [['--corpus', 'tabular:prompts=10,alpha=0'], /alpha must be a finite number > 0/],
      [['--corpus', 'tabular:prompts=10,size=3'], /no key 'size'/],
      [['--scheme', 'nope'], /unknown scheme 'nope'/],
      [['--k', '1,x'], /--k must be a number/],
      [['--threads', '0'], /threads/],
      [['--resume'], /--resume needs --checkpoint/],
      [['--force-unlock'], /--force-unlock needs --checkpoint/],
    ] as const) {
      const run = await runCliAsync([...base, ...extra]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    const none = await runCliAsync(['train', '--corpus', 'tabular:prompts=10', '--lr', '1']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/at least one --scheme/);
  });
});
