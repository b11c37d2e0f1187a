import { describe, expect, it } from 'vitest';
import { registerAlpha } from '../../../test/support/budget/false-fail.ts';
import { runCliAsync } from '../../../test/support/cli/run-cli-async.ts';

// `simulate` with graded rewards as a user runs it (docs/simulate.md): the field agrees, the
// two-path test, and bad input refused in one line with exit 2 before any work. In-process
// runs (--threads 1): this file starts no worker thread.

/** The family-wise false-fail rate of each run whose agreement (exit 0) is asserted. */
const ALPHA = 1e-9;
const LEVELS = '--levels 0,0.5,1 --M 8 --seed 3'.split(' ');
const POLICY = ['--policy', 'softmax:logits=0.3;-0.2;0.9,rewards=0;0.5;1'];

describe('simulate --levels / --reward-functions', () => {
  it('GRPO on three levels agrees with sum_j W_j grad q_j, and says which classes ran', async () => {
    registerAlpha(ALPHA);
    const args = ['simulate', ...LEVELS, '--scheme', 'grpo', ...POLICY, '--groups', '3e5'];
    const run = await runCliAsync([...args, '--alpha', String(ALPHA), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.estimate).toHaveLength(3);
    expect(out.closedForm).toHaveLength(3);
    expect(out.stderr).toHaveLength(3);
    const text = await runCliAsync([...args, '--alpha', String(ALPHA)]);
    expect(text.stdout).toMatch(
      /^algorithm1, scheme grpo:std=population.*, M = 8, levels 0,0.5,1, /,
    );
  });

  it('two reward functions under normalize_then_sum agree', async () => {
    registerAlpha(ALPHA);
    const run = await runCliAsync([
      ...'simulate --reward-functions 2 --scheme trl-grpo:aggregation=normalize_then_sum --M 6 --groups 2e5 --json --alpha'.split(
        ' ',
      ),
      String(ALPHA),
      '--policy',
      'softmax:logits=0.3;-0.2;0.9;0,rewards=0/0;0/1;1/0;1/1',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).estimate).toHaveLength(4);
  });

  it('--two-path: GRPO agrees with its exact circulation and its paths differ', async () => {
    registerAlpha(ALPHA);
    // At M = 4 the precondition at alpha 1e-9 needs about 5.4e4 groups per node.
    const run = await runCliAsync([
      'simulate',
      ...'--levels 0,0.5,1 --M 4 --seed 3'.split(' '),
      '--scheme',
      'grpo',
      '--policy',
      'softmax:logits=0;0;0,rewards=0;0.5;1',
      '--two-path',
      '1:2,2:2',
      '--groups',
      '6e4',
      '--alpha',
      String(ALPHA),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/the paths DIFFER \(z = \d+/);
  });

  it.each([
    [
      '--levels 0,0.5,1 --reward-functions 2',
      POLICY,
      'give either --levels or --reward-functions, not both',
    ],
    [
      '--levels 0,0.5,1',
      ['--policy', 'softmax:logits=0;0;0,rewards=0;0.7;1'],
      'softmax policy: the reward of answer 1 is 0.7, not one of the classes of levels=0,0.5,1 (0, 0.5, 1)',
    ],
    ['--levels 0,1,1', POLICY, 'levels: level 2 repeats level 1 (1); levels must not repeat'],
    [
      '--levels 0,0.5,1',
      ['--policy', 'softmax:logits=0;0;0,correct=1'],
      'levels=0,0.5,1: the policy must be a softmax with a reward for each answer, e.g. softmax:logits=0;0.5;1,rewards=0;0.5;1',
    ],
    [
      '--levels 0,0.5,1 --two-path 1:1',
      POLICY,
      "--two-path needs two moves Y1:D1,Y2:D2 (answer:logit change), got '1:1'",
    ],
    [
      '--levels 0,0.5,1 --two-path 1:1,1:2',
      POLICY,
      'two-path: answers 1 and 1 are both of class 0.5; move answers of different classes, else both paths run along one segment',
    ],
  ])('%s is refused in one line, exit 2', async (flags, policy, message) => {
    const run = await runCliAsync([
      'simulate',
      ...flags.split(' '),
      '--scheme',
      'grpo',
      '--M',
      '8',
      '--groups',
      '1e9',
      ...policy,
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`rl-objective: ${message}\n`);
  });
});
