import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors/input-error.ts';
import { simulate } from '../src/estimators/simulate.ts';
import { buildSimulation, type SimulationInput } from '../src/estimators/simulation-input.ts';
import { registerAlpha } from '../test/support/budget/false-fail.ts';
import { CLI_NODE_ARGS } from '../test/support/cli/run-cli.ts';

// Bad input: a one-line InputError from the library, and from the CLI one line on
// stderr with exit 2. One Monte Carlo assertion: the run that must agree, at alpha 1e-9
// (registered).

const base = { scheme: 'grpo', M: 8, policy: 'bernoulli:p=0.3', groups: 10 };
const bad: [string, SimulationInput, RegExp][] = [
  ['p outside [0, 1]', { ...base, policy: 'bernoulli:p=1.5' }, /p: Too big/],
  [
    'p = 0 for pure-rs',
    { estimator: 'pure-rs', B: 1, policy: 'bernoulli:p=0', groups: 10 },
    /p > 0/,
  ],
  ['malformed policy JSON', { ...base, policy: '{"kind":"bernoulli",' }, /policy JSON/],
  [
    'softmax K beyond the limit',
    { ...base, policy: `{"kind":"softmax","logits":[${'0,'.repeat(100_000)}0],"correct":[0]}` },
    /enumeration limit/,
  ],
  ['V^L beyond the limit', { ...base, policy: 'sequence:V=10,L=6,seed=1' }, /enumeration limit/],
  ['groups not a positive integer', { ...base, groups: 2.5 }, /groups must be a positive integer/],
  ['groups zero', { ...base, groups: 0 }, /groups must be a positive integer/],
  ['an unknown estimator', { ...base, estimator: 'ppo' }, /estimator 'ppo' is unknown/],
  [
    'a draw cap below 20 B/p',
    { estimator: 'pure-rs', B: 1, policy: 'bernoulli:p=0.001', groups: 10, maxDraws: 1000 },
    /draw cap/,
  ],
  [
    'pure-rs with a scheme',
    { estimator: 'pure-rs', B: 1, scheme: 'grpo', policy: 'bernoulli:p=0.5', groups: 10 },
    /no scheme/,
  ],
  [
    'algorithm1 without M',
    { scheme: 'grpo', policy: 'bernoulli:p=0.5', groups: 10 },
    /needs a group size/,
  ],
];

describe('bad input is a one-line InputError', () => {
  it.each(bad)('%s', (_, input, message) => {
    let error: unknown;
    try {
      buildSimulation(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a pure-rs run that hits the draw cap stops with a clear error', async () => {
    // B = 400 correct answers at p = 0.5 need about 800 draws; the cap of 20·B/p = 16000 is
    // met, so force a tiny cap through chunk-level config instead: 799 draws < B/p.
    const config = {
      ...buildSimulation({ estimator: 'pure-rs', B: 400, policy: 'bernoulli:p=0.5', groups: 10 })
        .config,
      maxDraws: 500,
    };
    await expect(simulate(config)).rejects.toThrow(InputError);
  });
});

const cli = (args: string[]) =>
  spawnSync(process.execPath, [...CLI_NODE_ARGS, 'simulate', ...args], { encoding: 'utf8' });

describe('rl-objective simulate', () => {
  it('prints the documented JSON and exits 0 when it agrees', () => {
    const alpha = registerAlpha(1e-9);
    const run = cli(
      `--scheme grpo --M 8 --policy bernoulli:p=0.3 --groups 1e5 --alpha ${alpha} --json`.split(
        ' ',
      ),
    );
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(
      'estimate stderr closedForm z resolution agree outcome groupsNeeded groups responses seconds responsesPerSecond'.split(
        ' ',
      ),
    );
    expect(out.groups).toBe(100_000);
    expect(out.responses).toBe(800_000);
    const rs = JSON.parse(
      cli('--estimator pure-rs --B 2 --policy bernoulli:p=0.5 --groups 1000 --json'.split(' '))
        .stdout,
    );
    expect(rs.meanDraws).toBeGreaterThan(0);
  });

  it.each([
    [['--scheme', 'grpo', '--M', '8', '--policy', 'bernoulli:p=1.5', '--groups', '10']],
    [['--estimator', 'pure-rs', '--B', '1', '--policy', 'bernoulli:p=0', '--groups', '10']],
    [['--scheme', 'grpo', '--M', '8', '--policy', '{"kind":', '--groups', '10']],
    [['--scheme', 'grpo', '--M', '8', '--policy', 'sequence:V=10,L=6,seed=1', '--groups', '10']],
    [['--scheme', 'grpo', '--M', '8', '--policy', 'bernoulli:p=0.3', '--groups', 'ten']],
    [['--estimator', 'ppo', '--policy', 'bernoulli:p=0.3', '--groups', '10']],
  ])('%j: one line on stderr, exit 2', (args) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});
