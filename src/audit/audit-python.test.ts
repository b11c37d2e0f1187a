import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../test/support/cli/run-cli.ts';
import { runCliAsync } from '../../test/support/cli/run-cli-async.ts';
import { testDir } from '../../test/support/files/test-dir.ts';
import { groupMembers, isRunning } from '../../test/support/process/process-state.ts';
import { InputError } from '../errors/input-error.ts';
import { scheme } from '../schemes/scheme.ts';
import { audit } from './audit.ts';
import { auditPython, pythonInterpreter } from './audit-python.ts';
import { parsePythonTarget } from './python-bridge.ts';
import type { AuditReport } from './types.ts';

// The Python bridge with a real interpreter: the only tests of the suite that run Python. They
// need `python3` (or $PYTHON) with numpy; `.ci/run` installs both, so in CI a missing Python is a
// failure, and elsewhere these tests are skipped with the reason below.

const PYTHON = process.env.PYTHON ?? 'python3';
const HAS_NUMPY = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
const SKIP = !HAS_NUMPY && process.env.CI === undefined;
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/audit/python/', import.meta.url));
const dir = testDir('rl-objective-python-');
const DOCS = fileURLToPath(new URL('../../docs/audit.md', import.meta.url));

/**
 * The Python files documented in docs/audit.md, written to `dir`: every ```python block whose
 * first line is `# NAME.py: ...`. Returns the paths by file name.
 */
function documentedPython(): Map<string, string> {
  const text = readFileSync(DOCS, 'utf8');
  const files = new Map<string, string>();
  for (const [, code] of text.matchAll(/^```python\n([\s\S]*?)^```$/gm)) {
    const name = /^# (\w+\.py): /.exec(code!)?.[1];
    if (name === undefined) continue;
    const path = join(dir, name);
    writeFileSync(path, code!);
    files.set(name, path);
  }
  return files;
}

/** max |recovered - preset| over a and b, relative to the preset's largest |entry|. */
function relativeError(report: AuditReport, spec: string): number {
  let worst = 0;
  for (const size of report.bySize) {
    const preset = scheme(spec, size.M);
    const scale = Math.max(...preset.a.map(Math.abs), ...preset.b.map(Math.abs));
    for (const [got, want] of [
      [size.a!, preset.a],
      [size.b!, preset.b],
    ] as const) {
      want.forEach((w, s) => {
        worst = Math.max(worst, Math.abs((got[s] ?? Number.NaN) - w) / scale);
      });
    }
  }
  return worst;
}

function expectOneLine(run: { status: number | null; stderr: string }, message: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/Traceback|\n\s+at /);
}

describe.skipIf(SKIP)(`auditPython with ${PYTHON} and numpy`, () => {
  afterEach(() => {
    delete process.env.PID_LOG;
  });

  it('recovers a numpy verl-style GRPO to 1e-12 at M = 8 and 64, nearest arcsin at 64', async () => {
    const report = await auditPython(`${FIXTURES}grpo_numpy.py:advantages`, { M: [8, 64] });
    expect(report.countForm).toBe(true);
    expect(report.bySize.map((s) => s.M)).toEqual([8, 64]);
    expect(report.bySize.map((s) => s.nearest?.name)).toEqual(['identity', 'arcsin']);
    expect(report.bySize.every((s) => s.coverage.missing.length === 0)).toBe(true);
    expect(relativeError(report, 'verl-grpo')).toBeLessThanOrEqual(1e-12);
  });

  it('reads the large-M limit through the same process: verl-style GRPO tends to arcsin', async () => {
    const result = await audit(
      { python: `${FIXTURES}grpo_numpy.py:advantages` },
      { M: 8, limit: true, limitM: 10000 },
    );
    expect(result.limit).toMatchObject({ M: 10000, kind: 'bounded', nearest: { name: 'arcsin' } });
    expect(result.limit!.nearest!.distance).toBeLessThan(1e-3);
  });

  it('the comparison can fail: the same tables are far from the population-std grpo', async () => {
    const report = await auditPython(`${FIXTURES}grpo_numpy.py`, { M: 8 });
    expect(relativeError(report, 'grpo:eps=1e-6')).toBeGreaterThan(1e-3);
  });

  it('calls the function in one Python process for the whole audit, batch after batch', async () => {
    process.env.PID_LOG = join(dir, 'pids.log');
    // M = 20: (M + 1) x 200 = 4200 patterns of 20 rewards, sent in two batches of 2^16 rewards.
    const report = await auditPython(`${FIXTURES}grpo_numpy.py:record_pid`, {
      M: [3, 5, 20],
      samples: 200,
    });
    const pids = readFileSync(process.env.PID_LOG, 'utf8').trim().split('\n');
    expect(pids).toHaveLength(2 ** 3 + 2 ** 5 + 21 * 200);
    expect(new Set(pids).size).toBe(1);
    expect(relativeError(report, 'verl-grpo')).toBeLessThanOrEqual(1e-12);
  });

  it('gives a list with --python-array list; what the function prints does not disturb the audit', async () => {
    const report = await auditPython(`${FIXTURES}grpo_numpy.py:centred`, {
      M: [2, 7],
      array: 'list',
    });
    expect(relativeError(report, 'dr-grpo')).toBeLessThanOrEqual(1e-12);
  });

  it('takes a dotted name (a static method) and an async function', async () => {
    for (const func of ['Wrapper.advantages', 'asynchronous']) {
      const report = await auditPython({ file: `${FIXTURES}grpo_numpy.py`, func }, { M: 5 });
      expect(relativeError(report, 'verl-grpo')).toBeLessThanOrEqual(1e-12);
    }
  });

  it.each([
    ['raises', /raised ValueError on pattern 0000 \(M=4\): std is zero: cannot normalise$/],
    ['short', /:short on pattern 0000 \(M=4\): returned 3 values, expected 4$/],
    ['nan', /:nan on pattern 0000 \(M=4\): value 0 is nan; weights must be finite numbers$/],
    ['text', /:text on pattern 0000 \(M=4\): value 0 is str \('a'\), not a number$/],
    ['nested', /:nested on pattern 0000 \(M=4\): value 0 is list \(.*\), not a number$/],
    ['exits', /^python exited with status 3 while running '.*faulty\.py':exits on pattern 0000/],
    ['not_a_function', /'not_a_function' is not callable; it defines exits, hangs, nan, nested/],
    ['missing', /has no function 'missing'; it defines exits, hangs, nan, nested, raises/],
  ])('faulty.py:%s is bad input with one line naming the cause', async (func, message) => {
    const audit = auditPython(`${FIXTURES}faulty.py:${func}`, { M: 4 });
    await expect(audit).rejects.toThrow(InputError);
    await expect(audit).rejects.toThrow(message);
    await audit.catch((error: Error) => expect(error.message).not.toContain('\n'));
  });

  it('names the import error of a module that cannot be imported', async () => {
    await expect(auditPython(`${FIXTURES}broken_import.py`, { M: 2 })).rejects.toThrow(
      /^python file '.*broken_import\.py' failed to import: ModuleNotFoundError: No module named 'verl_that_is_not_installed'$/,
    );
  });

  it('flags a position-dependent function: exit 1, not count form, the pattern named', () => {
    const run = runCli(['audit', '--python', `${FIXTURES}position.py`, '--M', '8,64', '--json']);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.countForm).toBe(false);
    expect(json.violations[0]).toMatchObject({ pattern: '10000000', M: 8, K: 1, R: 0 });
    expect(json.violations[0].reason).toContain('position in the group');
    expect(json.bySize.map((s: { a: unknown }) => s.a)).toEqual([null, null]);
  });

  it('exits 2 with one line naming the exception of a raising function', () => {
    const run = runCli(['audit', '--python', `${FIXTURES}faulty.py:raises`, '--M', '8,64']);
    expectOneLine(
      run,
      /^rl-objective: python '.*faulty\.py':raises raised ValueError on pattern 00000000 \(M=8\): std is zero: cannot normalise\n$/,
    );
  });

  it('stops a function that hangs after --timeout seconds (exit 2, the process is gone)', async () => {
    const pidFile = join(dir, 'hang.pid');
    const run = await runCliAsync(
      ['audit', '--python', `${FIXTURES}faulty.py:hangs`, '--M', '4', '--timeout', '2'],
      { env: { HANG_PID_FILE: pidFile } },
    );
    expectOneLine(
      run,
      /:hangs did not return within 2 s on pattern 1000 \(M=4\) and was stopped; raise --timeout if it is only slow\n$/,
    );
    expect(existsSync(pidFile)).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});

describe.skipIf(SKIP)('processes that the audited function starts', () => {
  // Every child here runs for ever (CHILD_SECONDS=forever): an audit that waited for it, or for
  // the pipes it inherited, would never end, and this file would time out.
  let runs = 0;
  /**
   * Audits FUNC of children.py at M = 4 (SIGINT once its first child has started, with
   * `interrupt`); the fixture writes each child's `PID PGID` to `file`.
   */
  function audit(func: string, extra: string[] = [], interrupt = false) {
    const file = join(dir, `children-${runs++}.txt`);
    const run = runCliAsync(
      [
        'audit',
        '--python',
        `${FIXTURES}children.py:${func}`,
        '--M',
        '4',
        '--python-array',
        'list',
        ...extra,
      ],
      {
        env: { CHILD_SECONDS: 'forever', CHILD_PID_FILE: file },
        onStart: (kill) => {
          if (interrupt) void waitFor(file).then(() => kill('SIGINT'));
        },
      },
    );
    return { file, run };
  }
  /** Polls every 20 ms until `path` exists. */
  async function waitFor(path: string): Promise<void> {
    while (!existsSync(path)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  /**
   * The function started a child, and nothing of the Python process's group is left running. A
   * SIGKILL sent to the group takes effect when each member is next scheduled, which on a busy
   * machine can be after the audit has exited (it does not wait for the deaths on its way out by a
   * signal), so the group is given up to 10 s to be gone.
   */
  async function expectGroupGone(file: string): Promise<void> {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const members = lines.map((line) => line.split(' ').map(Number) as [number, number]);
    const alive = () =>
      members.some(([pid, pgid]) => isRunning(pid) || groupMembers(pgid).length > 0);
    for (let waited = 0; alive() && waited < 10_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const [pid, pgid] of members) {
      expect(isRunning(pid), `child ${pid}`).toBe(false);
      expect(groupMembers(pgid), `group ${pgid}`).toEqual([]);
    }
  }

  it('a child left running: the audit ends with its result, and the group is killed', async () => {
    const { file, run } = audit('leaves_child', ['--json']);
    const done = await run;
    expect(done.status, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout).countForm).toBe(true);
    await expectGroupGone(file);
  });

  it('a function that hangs with a child: stopped at --timeout, one line, the group killed', async () => {
    const { file, run } = audit('hangs_with_child', ['--timeout', '1']);
    expectOneLine(await run, /:hangs_with_child did not return within 1 s on pattern 0000 \(M=4\)/);
    await expectGroupGone(file);
  });

  it('a function that raises after starting a child: one line, exit 2, the group killed', async () => {
    const { file, run } = audit('raises_with_child');
    expectOneLine(
      await run,
      /:raises_with_child raised RuntimeError on pattern 0000 \(M=4\): the data loader failed\n$/,
    );
    await expectGroupGone(file);
  });

  it('SIGINT while the function runs: the audit ends by the signal, and the group is killed', async () => {
    const { file, run } = audit('hangs_with_child', [], true);
    const done = await run;
    expect(done.status).toBeNull();
    await expectGroupGone(file);
  });

  it('a function that writes to the reply channel is bad input: one line, exit 2', async () => {
    const { run } = audit('writes_reply_pipe');
    expectOneLine(
      await run,
      /^rl-objective: python '.*children\.py':writes_reply_pipe wrote "not a reply" to the audit's reply channel on pattern 0000 \(M=4\); print to stdout or stderr instead\n$/,
    );
  });
});

describe.skipIf(SKIP)('the Python examples and recipes of docs/audit.md', () => {
  const files = documentedPython();
  const ports = `${FIXTURES}upstream`;
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.PYTHONPATH;
    process.env.PYTHONPATH = ports;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.PYTHONPATH;
    else process.env.PYTHONPATH = saved;
  });

  it('documents the example and the three recipes', () => {
    expect([...files.keys()].sort()).toEqual([
      'my_advantages.py',
      'openrlhf_advantages.py',
      'trl_advantages.py',
      'verl_advantages.py',
    ]);
  });

  it('my_advantages.py optimizes arcsin at M = 64 (within 0.05), as the example says', async () => {
    const report = await auditPython(`${files.get('my_advantages.py')}:advantages`, {
      M: [8, 64],
    });
    expect(report.bySize[1]!.nearest).toMatchObject({ name: 'arcsin' });
    expect(report.bySize[1]!.nearest!.distance).toBeLessThan(0.05);
    expect(relativeError(report, 'verl-grpo')).toBeLessThanOrEqual(1e-12);
  });

  // Each recipe against the numpy port of the upstream function: count form, and the preset of
  // the same convention to 1e-12 (1e-6 for verl's float32 group statistics).
  it.each([
    ['verl_advantages.py:grpo', 'verl-grpo', 1e-12],
    ['verl_advantages.py:grpo_unscaled', 'verl-grpo:norm-by-std=false', 1e-12],
    ['verl_advantages.py:grpo_vectorized', 'verl-grpo-vectorized', 1e-6],
    ['verl_advantages.py:grpo_passk', 'verl-grpo-passk', 1e-12],
    ['verl_advantages.py:rloo', 'rloo', 1e-12],
    ['verl_advantages.py:rloo_vectorized', 'rloo', 1e-12],
    ['trl_advantages.py:grpo', 'trl-grpo', 1e-12],
    ['trl_advantages.py:grpo_unscaled', 'trl-grpo:scale-rewards=none', 1e-12],
    ['trl_advantages.py:rloo', 'trl-rloo', 1e-12],
    ['openrlhf_advantages.py:group_norm', 'openrlhf-group-norm', 1e-12],
    ['openrlhf_advantages.py:rloo', 'rloo', 1e-12],
    ['openrlhf_advantages.py:dr_grpo', 'dr-grpo', 1e-12],
  ] as const)('%s matches %s', async (target, preset, tol) => {
    const [name, func] = target.split(':') as [string, string];
    const report = await auditPython({ file: files.get(name)!, func }, { M: [2, 5, 8] });
    expect(report.countForm).toBe(true);
    expect(relativeError(report, preset)).toBeLessThanOrEqual(tol);
  });

  it('the recipe check can fail: verl grpo_vectorized is not exact in float32', async () => {
    const report = await auditPython(
      { file: files.get('verl_advantages.py')!, func: 'grpo_vectorized' },
      { M: 5 },
    );
    expect(relativeError(report, 'verl-grpo-vectorized')).toBeGreaterThan(1e-12);
  });
});

describe('auditPython: input checked before (or without) running Python', () => {
  it('parses FILE.py:FUNC, FUNC defaulting to advantages', () => {
    expect(parsePythonTarget('my.py:f')).toEqual({ file: 'my.py', func: 'f' });
    expect(parsePythonTarget('dir/my.py:Wrapper.f')).toEqual({
      file: 'dir/my.py',
      func: 'Wrapper.f',
    });
    expect(parsePythonTarget('my.py')).toEqual({ file: 'my.py', func: 'advantages' });
    expect(() => parsePythonTarget('my.py:1f')).toThrow(/expected FILE\.py:FUNC/);
    expect(() => parsePythonTarget(':f')).toThrow(/expected FILE\.py:FUNC/);
  });

  it('a missing file, an interpreter that does not exist, a bad timeout', async () => {
    await expect(auditPython('no-such-file.py:f', { M: 4 })).rejects.toThrow(
      "python file 'no-such-file.py': file not found",
    );
    await expect(
      auditPython(`${FIXTURES}position.py`, { M: 4, python: 'no-such-python3' }),
    ).rejects.toThrow(
      "python: cannot start 'no-such-python3' (not found); install Python 3, or name the interpreter with --python-bin or $PYTHON",
    );
    await expect(auditPython(`${FIXTURES}position.py`, { M: 4, timeout: 0 })).rejects.toThrow(
      'timeout must be a number of seconds > 0, got 0',
    );
    // A bad option is reported before the interpreter is started (here it would not start).
    await expect(
      auditPython(`${FIXTURES}position.py`, { M: 20, samples: 0, python: 'no-such-python3' }),
    ).rejects.toThrow('samples must be a positive integer, got 0');
  });

  it.each([
    [['--python', 'x.py'], /^rl-objective: --python needs --M N/],
    [['--python', 'x.py:1f', '--M', '4'], /expected FILE\.py:FUNC with FUNC a Python name/],
    [
      ['--python', 'x.py', '--M', '4', '--python-array', 'jax'],
      /--python-array must be one of list, numpy, torch; got 'jax'/,
    ],
    [
      ['--python', 'x.py', '--M', '4', '--timeout', '0'],
      /--timeout must be a number of seconds > 0, got 0/,
    ],
    [['--table', 'x.json', '--python-bin', 'python3'], /--python-bin applies to --python only/],
    [
      ['--python', 'x.py', '--module', 'y.ts', '--M', '4'],
      /exactly one of --module FILE, --python FILE\.py:FUNC/,
    ],
  ])('%j exits 2 with one line', (args, message) => {
    expectOneLine(runCli(['audit', ...args]), message);
  });
});

describe('pythonInterpreter', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  it('takes the name given, else $PYTHON, else python3; an empty or blank name counts as none', () => {
    vi.stubEnv('PYTHON', '');
    expect(pythonInterpreter(undefined)).toBe('python3');
    expect(pythonInterpreter('')).toBe('python3');
    expect(pythonInterpreter('.venv/bin/python')).toBe('.venv/bin/python');
    vi.stubEnv('PYTHON', ' ');
    expect(pythonInterpreter('')).toBe('python3');
    vi.stubEnv('PYTHON', 'python3.12');
    expect(pythonInterpreter('')).toBe('python3.12');
    expect(pythonInterpreter('py')).toBe('py');
  });
});

describe.skipIf(SKIP)(`auditClasses with ${PYTHON}: graded levels and M x d reward rows`, () => {
  const GDPO = fileURLToPath(new URL('../../test/fixtures/graded-audit/gdpo.py', import.meta.url));

  it.each(['numpy', 'list'] as const)(
    'a GDPO function given an M x 2 %s: closed and separable, as the TypeScript module',
    async (array) => {
      const { auditClasses } = await import('./class-audit.ts');
      const result = await auditClasses(
        { python: GDPO },
        { rewardFunctions: 2, M: 4, array, python: PYTHON },
      );
      expect(result.countForm).toBe(true);
      const field = result.bySize[0]!.field!;
      expect(field.closed).toBe(true);
      expect(field.objective?.form).toBe('separable');
      const module = await auditClasses(
        {
          module: fileURLToPath(
            new URL('../../test/fixtures/graded-audit/gdpo.ts', import.meta.url),
          ),
        },
        { rewardFunctions: 2, M: 4 },
      );
      expect(field.points.map((p) => p.W)).toEqual(module.bySize[0]!.field!.points.map((p) => p.W));
    },
  );

  it('the rows are a 2-D numpy array; graded levels a 1-D one (GRPO on levels: not closed)', async () => {
    const shape = join(dir, 'shape.py');
    writeFileSync(
      shape,
      'def advantages(rewards):\n    assert rewards.ndim == 2 and rewards.shape[1] == 3, rewards.shape\n    return [0.0] * rewards.shape[0]\n',
    );
    const { auditClasses } = await import('./class-audit.ts');
    const rows = await auditClasses(
      { python: shape },
      { rewardFunctions: 3, M: 2, python: PYTHON, array: 'numpy' },
    );
    expect(rows.countForm).toBe(true);
    const run = runCli([
      'audit',
      '--python',
      `${GDPO}:grpo_levels`,
      '--levels',
      '0,0.5,1',
      '--M',
      '5',
      '--expect',
      'closed',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/count form: yes/);
    expect(run.stdout).toMatch(/not closed/);
  });
});
