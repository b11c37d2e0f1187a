import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../../../test/support/cli/run-cli-async.ts';

// The compiled CLI in a child process, which starts one worker thread (simulate --threads 2
// computes in its main thread and on one worker). Deterministic: no false-fail rate.

const RUN = 'simulate --scheme grpo --M 8 --policy bernoulli:p=0.3 --groups 2e5 --json'.split(' ');

describe('simulate --threads 2 (its worker started before the simulator loads)', () => {
  it('gives the bits of one thread', async () => {
    const [one, two] = await Promise.all(
      ['1', '2'].map((threads) => runCliAsync([...RUN, '--threads', threads])),
    );
    expect(one!.status, one!.stderr).toBe(0);
    expect(two!.status, two!.stderr).toBe(0);
    const [a, b] = [one, two].map((r) => JSON.parse(r!.stdout));
    expect(b.estimate).toEqual(a.estimate);
    expect(b.stderr).toEqual(a.stderr);
  });

  it.each([
    ['an unknown scheme', ['--scheme', 'nope'], /^rl-objective: unknown scheme 'nope'/],
    [
      'too many threads',
      ['--threads', '1000'],
      /^rl-objective: threads must be an integer in 1\.\.\d+, got 1000$/,
    ],
  ])('refuses %s in one line, exit 2, its worker stopped', async (_, flags, message) => {
    const run = await runCliAsync([...RUN, '--threads', '2', ...flags]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });
});
