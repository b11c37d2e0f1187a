import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtureTraces } from '../../test/fixtures/audit/fixture-traces.ts';
import { CLI_NODE_ARGS } from '../../test/support/cli/run-cli.ts';
import { runCliInProcess } from '../../test/support/cli/run-cli-in-process.ts';
import { testDir } from '../../test/support/files/test-dir.ts';

// `rl-objective audit` through a child process, as a user or CI runs it: exit codes
// (0 count form / expectation met, 1 not count form / expectation failed, 2 bad input),
// one line on stderr for bad input, and the exact JSON shape.

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('../../test/fixtures/audit/', import.meta.url));
const dir = testDir('rl-objective-cli-');

async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [...CLI_NODE_ARGS, 'audit', ...args],
      { cwd: root },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function expectInputError(result: { code: number; stderr: string }, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('rl-objective audit', () => {
  it('--expect arcsin:0.05 passes for verl-grpo at M = 64 (exit 0), with the exact JSON shape', async () => {
    const { code, stdout } = await audit(
      '--module',
      `${fixtures}verl-grpo.ts`,
      '--M',
      '64',
      '--expect',
      'arcsin:0.05',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['countForm', 'violations', 'bySize', 'expectation']);
    const [size] = json.bySize;
    expect(Object.keys(size)).toEqual([
      'M',
      'a',
      'b',
      'coverage',
      'nearest',
      'distances',
      'aliases',
      'fit',
      'fitReason',
      'points',
    ]);
    expect(Object.keys(size.points[0])).toEqual(['t', 'h', 'dh', 'hNormalized']);
    expect(size.nearest.name).toBe('arcsin');
    expect(json.expectation).toMatchObject({ target: 'arcsin', tol: 0.05, met: true });
  });

  it('--expect arcsin:0.05 fails for reinforce at M = 64 (exit 1, JS module, async export)', async () => {
    const { code, stdout } = await audit(
      '--module',
      `${fixtures}reinforce.mjs`,
      '--M',
      '64',
      '--expect',
      'arcsin:0.05',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/expect arcsin within 0\.05: NOT MET/);
    expect(stdout).toMatch(/nearest named: identity/);
  });

  it('not count form exits 1, lists the violations and reports no h', async () => {
    const { code, stdout } = await audit('--traces', `${fixtures}reinforce-pp-m8.jsonl`, '--json');
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['countForm', 'violations', 'bySize']);
    expect(json.countForm).toBe(false);
    expect(Object.keys(json.violations[0])).toEqual(['line', 'M', 'K', 'R', 'values', 'reason']);
    expect(json.bySize[0]).toMatchObject({ a: null, b: null, nearest: null, points: [] });
  });

  it('a count-form trace and a table exit 0', async () => {
    const traces = await audit('--traces', `${fixtures}trl-grpo-m8.jsonl`);
    expect(traces.code).toBe(0);
    expect(traces.stdout).toMatch(/^count form: yes/);
    const table = await audit('--table', `${fixtures}verl-grpo-m4.json`, '--json');
    expect(table.code).toBe(0);
    expect(JSON.parse(table.stdout).bySize[0].coverage).toEqual({
      observed: 8,
      total: 8,
      missing: [],
    });
  });

  it('--out writes the audit report (JSON, Markdown, HTML, one SVG per size)', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const out = join(dir, 'report');
    const { code, stdout } = await audit('--table', `${fixtures}verl-grpo-m4.json`, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`report: ${join(out, 'index.html')}`);
    expect(readFileSync(join(out, 'agreement.md'), 'utf8')).toMatch(/^\*\*1\/1 checks agree/);
    expect(existsSync(join(out, 'figures', 'induced-objective-M4.svg'))).toBe(true);
  });

  it('the committed example traces are what fixtureTraces() writes', async () => {
    const { readFileSync } = await import('node:fs');
    for (const [name, text] of Object.entries(fixtureTraces())) {
      expect(readFileSync(`${fixtures}${name}`, 'utf8')).toBe(text);
    }
  });

  it.each([
    ['a bad JSON line', '{"rewards":[1],"advantages":[1]}\nnot json\n', /line 2: not valid JSON/],
    ['rewards not 0 or 1', '{"rewards":[2],"advantages":[1]}\n', /line 1: rewards\[0\] is 2/],
    [
      'a length mismatch',
      '{"rewards":[1,0],"advantages":[1]}\n',
      /line 1: 2 rewards but 1 advantages/,
    ],
    ['an empty file', '', /line 1: empty file/],
  ])('traces with %s exit 2 with one line naming the line', async (_what, text, message) => {
    expectInputError(await audit('--traces', file(`bad${text.length}.jsonl`, text)), message);
  });

  it.each([
    [['--traces', 'missing.jsonl'], /traces 'missing\.jsonl': file not found/],
    [
      ['--module', 'FIX/no-export.ts', '--M', '4'],
      /does not export a function advantages.*it exports weights/,
    ],
    [
      ['--module', 'FIX/throws.ts', '--M', '4'],
      /advantages threw on pattern 0000 \(M=4\): std is zero/,
    ],
    [['--module', 'FIX/verl-grpo.ts'], /--module needs --M/],
    [['--module', 'FIX/verl-grpo.ts', '--M', '0'], /--M must be a positive integer/],
    // Every flag is checked before the module loads: its own error would otherwise come first.
    [
      ['--module', 'FIX/no-export.ts', '--M', '4', '--samples', '0'],
      /^rl-objective: --samples must be a positive integer, got 0\n$/,
    ],
    [
      ['--module', 'FIX/no-export.ts', '--M', '4', '--expect', 'arcsin:x'],
      /^rl-objective: --expect 'arcsin:x': tolerance must be a number, got 'x'\n$/,
    ],
    [['--traces', '/dev/zero'], /traces '\/dev\/zero': not a regular file \(a character device\)/],
    [['--table', '/dev/zero'], /table file '\/dev\/zero': not a regular file/],
    [['--module', 'FIX/verl-grpo.ts', '--M', '4', '--expect', 'sine'], /unknown target 'sine'/],
    [['--table', 'FIX/verl-grpo-m4.json', '--traces', 'x.jsonl'], /exactly one of --module/],
    [
      ['--traces', 'FIX/trl-grpo-m8.jsonl', '--rel-tol', '-1'],
      /--rel-tol must be a finite number >= 0/,
    ],
  ])('%j exits 2 with one line on stderr', async (args, message) => {
    const resolved = args.map((a) => a.replace('FIX/', fixtures));
    expectInputError(await audit(...resolved), message);
  });
});

// A user module that misbehaves, through the whole command (in this process: each case costs
// the module's worker thread, not a child process too). Whatever it does, the audit ends with
// one line and exit 2, never exit 0, even where --expect would pass; what it prints never
// reaches stdout.
describe('rl-objective audit --module, a module that misbehaves', () => {
  const module = (name: string, source: string) => file(name, source);
  it.each([
    [
      'calls process.exit(0)',
      'process.exit(0);',
      /advantages called process\.exit\(0\) on pattern/,
    ],
    [
      'returns a Promise that never settles',
      'return new Promise(() => {});',
      /advantages returned a Promise that never settles on pattern/,
    ],
    [
      'hangs (a synchronous loop), stopped by --timeout',
      'for (;;) {}',
      /advantages did not return within 1 s on pattern .* and was stopped; raise --timeout/,
    ],
    [
      'crashes outside the call (an uncaught exception in a timer)',
      'setTimeout(() => { throw new Error("late"); }); return new Promise((ok) => setTimeout(() => ok(r), 5000));',
      /advantages on pattern .* crashed: late$/,
    ],
  ])('%s: one line, exit 2', async (_, body, message) => {
    const path = module(
      `bad-${body.length}.mjs`,
      `console.log("{"); export function advantages(r) { console.log("noise"); ${body} }\n`,
    );
    const run = await runCliInProcess(
      `audit --module ${path} --M 4 --expect identity:1 --timeout 1 --json`.split(' '),
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^rl-objective: module '[^\n]*\n$/);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it("keeps the module's console output off stdout: --json stays one JSON document", async () => {
    const path = module(
      'loud.mjs',
      'console.log("{"); export function advantages(r) { console.log("called"); process.stdout.write("raw"); return r.map((x) => x - 0.5); }\n',
    );
    const run = await runCliInProcess(`audit --module ${path} --M 4 --json`.split(' '));
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.status);
    expect(Object.keys(JSON.parse(run.stdout))).toContain('countForm');
  });
});
