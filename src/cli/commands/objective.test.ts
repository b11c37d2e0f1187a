import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli/run-cli.ts';

describe('rl-objective objective', () => {
  it('prints exactly the documented JSON, with h = 1 - (1-t)^k for passk', () => {
    const run = runCli(
      'objective --scheme passk:k=4 --M 8 --t 0,0.25,0.5,0.75,1 --json'.split(' '),
    );
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    // Three points inside (0, 1) are too few for a fit: fit is null and fitReason says why.
    expect(Object.keys(out)).toEqual(['scheme', 'M', 'a', 'b', 'fit', 'fitReason', 'points']);
    expect(out.fit).toBeNull();
    expect(out.fitReason).toMatch(/^a fit needs at least 7 points inside \(0, 1\), got 3/);
    expect(out.scheme).toBe('passk:k=4');
    expect(out.a).toHaveLength(8);
    expect(out.points.map((p: { t: number }) => p.t)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const { t, h, dh } of out.points) {
      // h and dh are Bernstein sums of a few terms: a few ulps of 1.
      expect(Math.abs(h - (1 - (1 - t) ** 4))).toBeLessThan(16 * Number.EPSILON);
      expect(Math.abs(dh - 4 * (1 - t) ** 3)).toBeLessThan(64 * Number.EPSILON);
    }
  });

  it('adds hNormalized with --normalize: h/h(1) by default, h - (H_M - 1) with harmonic', () => {
    const end = JSON.parse(
      runCli(['objective', '--scheme', 'grpo', '--M', '16', '--grid', '3', '--normalize', '--json'])
        .stdout,
    );
    expect(end.points.at(-1).hNormalized).toBe(1);
    const harmonic = JSON.parse(
      runCli('objective --scheme rs --M 2 --t 1 --normalize harmonic --json'.split(' ')).stdout,
    );
    // rs at t = 1: h = H_M, so h - (H_M - 1) = 1 up to rounding.
    expect(Math.abs(harmonic.points[0].hNormalized - 1)).toBeLessThan(4 * Number.EPSILON);
  });

  it('prints a table by default', () => {
    const run = runCli(['objective', '--scheme', 'reinforce', '--M', '4', '--grid', '3']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('scheme reinforce, M = 4');
    expect(run.stdout).toMatch(/0\.5\s+0\.5\s+1/);
  });

  it.each([
    [['--scheme', 'grpo', '--M', '3.5'], 'M must be a positive integer'],
    [['--scheme', 'grpo', '--M', '0'], 'M must be a positive integer'],
    [['--scheme', 'grpo', '--M', '4', '--t', '1.5'], 'must be a number in [0, 1]'],
    [['--scheme', 'grpo', '--M', '4', '--t', 'abc'], "--t must be a number, got 'abc'"],
    [['--scheme', 'grpo', '--M', '4', '--t', '0.5\n0.6'], "--t must be a number, got '0.5\\n0.6'"],
    [['--scheme', 'grpo:eps=-1', '--M', '4'], 'eps must be a finite number >= 0'],
    [['--scheme', 'passk:k=9', '--M', '4'], 'k must be <= M'],
    [['--scheme', 'passk:k=0', '--M', '4'], 'k'],
    [['--scheme', 'rloo', '--M', '1'], "scheme 'rloo' needs M >= 2"],
    [['--scheme', 'nope', '--M', '4'], "unknown scheme 'nope'; allowed: reinforce"],
    [['--scheme', 'grpo:x=1', '--M', '4'], "has no key 'x'; allowed keys: std"],
    [['--scheme', 'design:target=nope', '--M', '4'], "unknown design target 'nope'"],
    [['--scheme', 'grpo', '--M', '4', '--t', '0.5', '--grid', '3'], 'either --t or --grid'],
  ])('rejects %j with one line on stderr and exit 2', (args, message) => {
    const run = runCli(['objective', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('rl-objective objective with reward classes (docs/theory.md §10)', () => {
  it('prints the documented JSON: GRPO on three levels is not closed and has no J', () => {
    const run = runCli(
      'objective --levels 0,0.5,1 --scheme grpo:eps=1e-6 --M 8 --q 0.5,0.2,0.3 --q 0.3,0.3,0.4 --json'.split(
        ' ',
      ),
    );
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ closed: false, classes: 'levels=0,0.5,1', M: 8 });
    for (const key of ['tolerance', 'circulation', 'curl', 'verdict', 'reading']) {
      expect(out).toHaveProperty(key);
    }
    expect(out.points).toHaveLength(2);
    expect(Object.keys(out.points[0])).toEqual(['q', 'W', 'dD', 'curl', 'kappa']);
    // §10: kappa = 2.2746 at (0.5, 0.2, 0.3), with the sign of d_1 D_2 - d_2 D_1.
    expect(out.points[0].kappa).toBeCloseTo(2.2745860854567748, 12);
  });

  it('prints the verdict and a table: normalize_then_sum is closed, with J', () => {
    const run = runCli(
      'objective --reward-functions 2 --scheme trl-grpo:aggregation=normalize_then_sum --M 6 --q 0.25,0.2,0.3,0.25'.split(
        ' ',
      ),
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('reward-functions=2 (classes 0/0, 0/1, 1/0, 1/1)');
    expect(run.stdout).toMatch(/\nclosed \(largest curl .*\): J = f_1\(P_1\) \+ f_2\(P_2\)/);
    expect(run.stdout).toMatch(/1\.76590364279\n$/);
  });

  it.each([
    ['--levels 0,1,0.5', 'levels must be strictly increasing: level 1 is 1, level 2 is 0.5'],
    ['--levels 0,0.5,0.5', 'levels: level 2 repeats level 1 (0.5); levels must not repeat'],
    // Refused as a literal on the command line; the library's own check is reward-classes.test.ts's.
    [
      '--levels 0,Infinity',
      "--levels must be a decimal or exponent literal such as 16, 0.5 or 1e6, got 'Infinity'",
    ],
    ['--levels 0,x', "--levels must be a number, got 'x'"],
    [
      `--levels ${Array.from({ length: 65 }, (_, j) => j).join(',')}`,
      'at most 64 classes are allowed, got 65 levels',
    ],
    [
      '--reward-functions 7',
      'reward-functions 7 gives 2^7 = 128 classes; at most 64 are allowed (d <= 6)',
    ],
    [
      '--levels 0,0.5,1 --q 0.5,0.2,0.2',
      "q '0.5,0.2,0.2' is not on the simplex: its entries sum to 0.8999999999999999, not 1",
    ],
    ['--levels 0,0.5,1 --q 0.5,0.5', "q '0.5,0.5' has 2 entries; levels=0,0.5,1 has 3 classes"],
    ['--levels 0,1 --reward-functions 2', 'give either --levels or --reward-functions, not both'],
    ['--levels 0,1 --t 0.5', '--t applies to binary rewards; with --levels use --q or --grid'],
    ['--q 0.5,0.5', '--q needs --levels or --reward-functions'],
  ])('rejects %s with one line on stderr and exit 2', (args, message) => {
    const run = runCli(['objective', '--scheme', 'grpo', '--M', '8', ...args.split(' ')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('rl-objective design', () => {
  it('designs exact pass@k weights (distance at rounding level) and prints JSON', () => {
    const run = runCli(['design', '--target', 'passk:k=3', '--M', '8', '--json']);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.scheme).toBe('design:target=passk,k=3,nodes=interior,split=b');
    expect(out.distance.distance).toBeLessThan(1e-12);
  });

  it('reports a distance that falls as M doubles for logit', () => {
    const d = (M: number) =>
      JSON.parse(runCli(['design', '--target', 'logit', '--M', String(M), '--json']).stdout)
        .distance.distance;
    expect(d(32)).toBeLessThan(d(16));
  });

  it('rejects an unknown target with one line and exit 2', () => {
    const run = runCli(['design', '--target', 'banana', '--M', '4']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "rl-objective: unknown target 'banana'; allowed: identity, log, logit, arcsin, power, passk, beta, or expr:FORMULA, dexpr:FORMULA\n",
    );
  });
});
