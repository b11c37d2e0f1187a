// Random argv for every command, run in this process (runCliInProcess: a run costs
// milliseconds, not the second a child process under tsx costs): whatever the arguments, the
// CLI ends within 10 s of work with an exit status of its contract (0, 1, 2, 3, or 130 once
// interrupted), bad input is one line on stderr, and no stack trace is printed. The 10 s are
// CPU seconds, since on a shared machine wall-clock time measures the load; a run that waits on
// nothing forever meets the test's timeout instead. The flags are
// every command's own, read from the program, so a new flag is fuzzed as soon as it exists; the
// values mix valid ones (small sizes, so a valid run is short), edge cases and junk. A run still
// going after 1 s gets SIGINT, as Ctrl-C would (a valid verify starts its battery).
// Deterministic seed from ../setup.ts: false-fail rate 0.
import '../setup.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { program } from '../../src/cli/program.ts';
import { runCliInProcess } from '../../test/support/cli/run-cli-in-process.ts';

const root = mkdtempSync(join(tmpdir(), 'rl-objective-argv-fuzz-'));
const cwd = process.cwd();
afterAll(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});
const fixtures = fileURLToPath(new URL('../../test/fixtures/audit/', import.meta.url));
const file = (name: string, text: string) => {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
};
mkdirSync(join(root, 'dir'));

const numbers = [
  ...['0', '-1', '1', '2', '4', '2.5', '1e20', '1e-400', '0.5', '100001', '9007199254740993'],
  ...['0x10', '0b11', 'NaN', 'Infinity', '', ' ', '4,8', '8,4', '1e6'],
];
const specs = [
  ...['grpo', 'rloo', 'grpo:STD=sample', 'reinforce:filter=range,lo=-1,hi=2', 'zz', 'grpo:eps=0x1'],
  ...['bernoulli:p=0.3', 'passk:k=4', 'arcsin:0.05', 'log', 'beta:a=0.5,b=0.5', 'quick', 'a,b'],
  ...['0/2', '1/2', '0,0.5,1', '2', 'numpy', 'python3', 'expr:log(1+t)', 'end', '{}'],
];
const exits = file('exits.mjs', 'export function advantages(r) { process.exit(0); }\n');
const prints = file(
  'prints.mjs',
  'console.log("{"); export function advantages(r) { return r; }\n',
);
const paths = [
  ...['/dev/null', '/proc/nope', join(root, 'dir'), join(root, 'new', 'sub'), '/nonexistent/x'],
  file('file.txt', 'not json\n'),
  file('identity.mjs', 'export function advantages(r) { return r; }\n'),
  exits,
  prints,
  `${fixtures}reinforce-pp-m8.jsonl`,
  `${fixtures}verl-grpo-m4.json`,
  `@${fixtures}verl-grpo-m4.json`,
];
const junk = ['--', '-', '-x', '--help', '--nope', 'objective', '\n', '\u001b[2J', 'é'];

/** Every command with its options as commander has them. */
const commands = program().commands.map((command) => ({
  name: command.name(),
  options: command.options.map((o) => ({ flag: o.long!, takesValue: o.required || o.optional })),
}));

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...numbers) },
  { weight: 2, arbitrary: fc.constantFrom(...specs) },
  { weight: 2, arbitrary: fc.constantFrom(...paths) },
  { weight: 1, arbitrary: fc.constantFrom(...junk) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/**
 * A short valid run of each command, as flag and value pairs (a value of `''` for a flag that
 * takes none; a flag of `''` for a positional argument): the fuzz starts from it, so that a
 * mutation reaches the checks behind the required options.
 */
const BASE: Record<string, readonly (readonly [string, string])[]> = {
  objective: [
    ['--scheme', 'grpo'],
    ['--M', '4'],
    ['--grid', '5'],
  ],
  design: [
    ['--target', 'log'],
    ['--M', '4'],
  ],
  simulate: [
    ['--scheme', 'rloo'],
    ['--M', '2'],
    ['--policy', 'bernoulli:p=0.5'],
    ['--groups', '100'],
    ['--threads', '1'],
  ],
  train: [
    ['--scheme', 'grpo'],
    ['--corpus', 'tabular:prompts=10'],
    ['--lr', '1'],
    ['--steps', '4'],
    ['--threads', '1'],
  ],
  audit: [['--table', `${fixtures}verl-grpo-m4.json`]],
  verify: [['--quick', '']],
  merge: [['', join(root, 'dir')]],
};

/**
 * A command's short valid run with some of its values replaced (each with probability 1/4) and
 * zero to three of the command's flags added, with values from the pools where they take one,
 * now and then a stray token.
 */
const argv: fc.Arbitrary<string[]> = fc.constantFrom(...commands).chain((command) => {
  const base = BASE[command.name] ?? [];
  const kept = fc.tuple(
    ...base.map(([flag, given]) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constant([flag, given] as const) },
        { weight: 1, arbitrary: value.map((v) => [flag, given === '' ? '' : v] as const) },
      ),
    ),
  );
  const added = fc.array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .constantFrom(...command.options)
          .chain((o) => (o.takesValue ? value : fc.constant('')).map((v) => [o.flag, v] as const)),
      },
      { weight: 1, arbitrary: value.map((v) => ['', v] as const) },
    ),
    { maxLength: 3 },
  );
  return fc
    .tuple(kept, added)
    .map(([pairs, extra]) => [
      command.name,
      ...[...pairs, ...extra].flatMap(([flag, v]) =>
        flag === '' ? [v] : v === '' ? [flag] : [flag, v],
      ),
    ]);
});

const CONTRACT = [0, 1, 2, 3, 130];

describe('rl-objective on random argv', () => {
  it.prop([argv], {
    numRuns: 50,
    examples: [
      [['audit', '--module', exits, '--M', '4', '--expect', 'arcsin:0.5']],
      [['audit', '--module', prints, '--M', '4', '--json']],
      [['train', '--out', '/dev/null']],
      [['verify', '--out', '/proc/nope']],
    ],
  })(
    'ends within 10 s with an exit status of the contract and no stack trace',
    async (args) => {
      const dir = mkdtempSync(join(root, 'run-'));
      process.chdir(dir);
      const run = await runCliInProcess(args, { interruptAfter: 1 });
      process.chdir(cwd);
      const shown = `${JSON.stringify(args)} -> ${run.status}: ${run.stderr}`;
      expect(CONTRACT, shown).toContain(run.status);
      expect(run.cpuSeconds, shown).toBeLessThan(10);
      expect(`${run.stdout}${run.stderr}`, shown).not.toMatch(/\n\s+at \S/);
      expect(run.stderr, shown).not.toMatch(/internal error/);
      if (run.status === 2) expect(run.stderr, shown).toMatch(/^rl-objective: [^\n]*\n$/);
      if (run.status === 130) expect(run.interrupted, shown).toBe(true);
      // What a user module prints never reaches stdout: --json output stays one JSON document.
      if (args.includes('--json') && [0, 1, 3].includes(run.status)) {
        expect(() => JSON.parse(run.stdout), shown).not.toThrow();
      }
    },
    120_000,
  );
});
