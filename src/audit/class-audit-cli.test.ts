import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../test/support/cli/run-cli-in-process.ts';
import { testDir } from '../../test/support/files/test-dir.ts';

// `rl-objective audit` on reward classes (docs/theory.md §10) through the command: the verdict
// lines, `--expect closed` and its exit codes (0 closed, 1 not closed or not count form, 3 no
// field verdict), the JSON fields, and bad input refused in one line with exit 2 before any work.

const FIX = fileURLToPath(new URL('../../test/fixtures/graded-audit/', import.meta.url));
const dir = testDir('rl-objective-class-cli-');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const audit = (...args: string[]) => runCliInProcess(['audit', ...args]);

describe('rl-objective audit on reward classes', () => {
  it('graded GRPO traces: count form, not closed; --expect closed exits 1', async () => {
    const plain = await audit('--traces', `${FIX}grpo-levels-m8.jsonl`);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(
      /^classes: levels=0,0\.5,1 \(0, 0\.5, 1\), inferred from the trace/,
    );
    expect(plain.stdout).toMatch(/\ncount form: yes/);
    expect(plain.stdout).toMatch(
      /\n {2}not closed \(largest curl .*ascends no objective; large M: .*step 1\/sigma\(q\) per prompt\n/,
    );
    expect(plain.stdout).not.toMatch(/ J /);
    const expectClosed = await audit(
      '--traces',
      `${FIX}grpo-levels-m8.jsonl`,
      '--expect',
      'closed',
    );
    expect(expectClosed.status).toBe(1);
    expect(expectClosed.stdout).toMatch(/expect closed: NOT MET\n$/);
  });

  it('Dr. GRPO traces: closed, J = 0.875 E[r]; --expect closed exits 0; JSON has the field verdict', async () => {
    const run = await audit(
      '--traces',
      `${FIX}dr-grpo-levels-m8.jsonl`,
      '--expect',
      'closed',
      '--json',
    );
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      countForm: true,
      closed: true,
      expectation: { expect: 'closed', met: true },
    });
    const { field } = json.bySize[0];
    expect(field).toMatchObject({ closed: true, objective: { form: 'mean-reward' } });
    expect(field.tolerance).toBeGreaterThan(0);
    expect(field.objective.text).toMatch(/^J = 0\.875 E\[r\]/);
    expect(field.points[0]).toHaveProperty('kappa');
    expect(field.points[0]).toHaveProperty('J');
  });

  it('batch-standardized normalize_then_sum: count form up to one positive factor per batch, closed, separable', async () => {
    const run = await audit('--traces', `${FIX}gdpo-batch-std-m4.jsonl`, '--expect', 'closed');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /\ncount form: up to one positive factor per batch — within each of the 40 batches .* the same objective, with a step size that varies by batch\n/,
    );
    expect(run.stdout).toMatch(/J = f_1\(P_1\) \+ f_2\(P_2\) \(separable/);
    expect(run.stdout).toMatch(/\n {2}f_1: binary h of c = .*; nearest identity/);
  });

  it('a GDPO module with --reward-functions 2: closed and separable; sum_then_normalize: not closed, exit 1 with --expect closed', async () => {
    const gdpo = await audit(
      '--module',
      `${FIX}gdpo.ts`,
      '--reward-functions',
      '2',
      '--M',
      '4',
      '--expect',
      'closed',
    );
    expect(gdpo.status).toBe(0);
    expect(gdpo.stdout).toMatch(/closed \(.*separable/);
    const sum = await audit(
      '--module',
      `${FIX}trl-sum-then-normalize.ts`,
      '--reward-functions',
      '2',
      '--M',
      '4',
      '--expect',
      'closed',
    );
    expect(sum.status).toBe(1);
    expect(sum.stdout).toMatch(/not closed/);
  });

  it('not count form exits 1 with the violation; cells never observed with --expect closed exit 3', async () => {
    const mutant = await audit(
      '--module',
      `${FIX}position-weighted.ts`,
      '--levels',
      '0,0.5,1',
      '--M',
      '3',
    );
    expect(mutant.status).toBe(1);
    expect(mutant.stdout).toMatch(/\ncount form: NO — \d+ cell\(s\)/);
    const short = file('short.jsonl', '{"rewards": [0, 0.5, 1], "advantages": [-0.5, 0, 0.5]}\n');
    const none = await audit('--traces', short, '--expect', 'closed');
    expect(none.status).toBe(3);
    expect(none.stdout).toMatch(/no field verdict: \d+ of the 18 cells were never observed/);
  });

  it.each([
    [
      'a trace mixing scalars and vectors in a line',
      '{"rewards":[0,[0,1]],"advantages":[1,2]}\n',
      [],
      /line 1: rewards\[1\] is a vector but rewards\[0\] is a scalar/,
    ],
    [
      'a trace mixing scalars and vectors across lines',
      '{"rewards":[0,0.5],"advantages":[1,2]}\n{"rewards":[[0,1],[1,1]],"advantages":[1,2]}\n',
      [],
      /line 2: rewards are vectors of 2 but line 1 has scalars/,
    ],
    [
      'ragged vectors',
      '{"rewards":[[0,1],[1]],"advantages":[1,2]}\n',
      [],
      /line 1: rewards\[1\] has 1 entry but rewards\[0\] has 2 entries/,
    ],
    [
      'an empty reward vector',
      '{"rewards":[[],[]],"advantages":[1,2]}\n',
      [],
      /line 1: rewards\[0\] is an empty vector/,
    ],
    [
      'a vector entry other than 0 or 1',
      '{"rewards":[[0,0.5],[1,1]],"advantages":[1,2]}\n',
      [],
      /rewards\[0\]\[1\] is 0\.5/,
    ],
    [
      'a reward outside the declared levels',
      '{"rewards":[0,0.7,1],"advantages":[1,2,3]}\n',
      ['--levels', '0,0.5,1'],
      /line 1: rewards\[1\] is 0\.7, not one of the declared classes 0, 0\.5, 1/,
    ],
    [
      '--levels with --reward-functions',
      '{"rewards":[0,1],"advantages":[1,2]}\n',
      ['--levels', '0,1', '--reward-functions', '1'],
      /give either --levels or --reward-functions, not both/,
    ],
    [
      'more than 64 distinct rewards',
      `${JSON.stringify({ rewards: Array.from({ length: 65 }, (_, i) => i / 100), advantages: Array(65).fill(0) })}\n`,
      [],
      /rewards\[64\] is the 65th distinct reward; at most 64 classes/,
    ],
    [
      'more than 64 classes of reward functions',
      '{"rewards":[0,1],"advantages":[1,2]}\n',
      ['--reward-functions', '7'],
      /2\^7 = 128 classes; at most 64/,
    ],
    [
      'levels not increasing',
      '{"rewards":[0,1],"advantages":[1,2]}\n',
      ['--levels', '0,1,0.5'],
      /levels must be strictly increasing/,
    ],
    [
      'a repeated level',
      '{"rewards":[0,1],"advantages":[1,2]}\n',
      ['--levels', '0,0.5,0.5'],
      /level 2 repeats level 1/,
    ],
    [
      'a level that is not finite',
      '{"rewards":[0,1],"advantages":[1,2]}\n',
      ['--levels', '0,1e999'],
      /level 1 must be a finite number/,
    ],
    [
      'a batch on some lines only',
      '{"rewards":[0,0.5],"advantages":[1,2],"batch":1}\n{"rewards":[0,0.5],"advantages":[1,2]}\n',
      [],
      /line 2: no "batch" but line 1 has one/,
    ],
    [
      '--expect other than closed',
      '{"rewards":[0,0.5],"advantages":[1,2]}\n',
      ['--levels', '0,0.5', '--expect', 'arcsin'],
      /--expect takes only closed/,
    ],
  ])('%s: one line, exit 2', async (_what, text, flags, message) => {
    const run = await audit(
      '--traces',
      file(`bad-${text.length}-${flags.length}.jsonl`, text),
      ...(flags as string[]),
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('refuses classes with a table, --limit or --out, and a bad level before the module loads', async () => {
    const cases: [string[], RegExp][] = [
      [['--table', 'x.json', '--levels', '0,1'], /a --table is binary/],
      [
        ['--module', `${FIX}gdpo.ts`, '--M', '4', '--reward-functions', '2', '--limit'],
        /--limit applies to binary rewards/,
      ],
      [
        ['--module', `${FIX}no-such.ts`, '--M', '4', '--levels', '1,0'],
        /levels must be strictly increasing/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await audit(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});
