// Fuzzing of the CLI (hardening): bad argv for every command must end with exit 2, exactly one
// line on stderr, and no stack trace. The property runs the CLI in this process
// (runCliInProcess), the fixed cases through a child process, as a user runs it; every generated
// argv is invalid before any work starts, so no run simulates anything. Deterministic seed from
// ../setup.ts: false-fail rate 0.
import '../setup.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { CLI_NODE_ARGS, type CliRun, runCli } from '../../test/support/cli/run-cli.ts';
import { runCliInProcess } from '../../test/support/cli/run-cli-in-process.ts';

const HANG = 60_000;
const root = mkdtempSync(join(tmpdir(), 'rl-objective-cli-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const fifo = join(root, 'fifo');
execFileSync('mkfifo', [fifo]);

/** Characters that would break a one-line message if echoed raw (argv cannot hold NUL). */
const breaking = fc.constantFrom(
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u001b[2J',
  '\t',
);

/** A value that is never a number: starts with a letter. */
const notANumber = fc
  .string({ unit: fc.constantFrom(...'xq!%,;: '), minLength: 1, maxLength: 6 })
  .map((s) => `x${s}`);
/** A scheme, target or policy spec that is never valid: an unknown name. */
const unknownName = fc.stringMatching(/^zz[a-z]{0,5}(:[a-z]=[0-9])?$/);

/** Bad argv, one per command, each failing validation before any work. */
const badArgv: fc.Arbitrary<readonly string[]> = fc.oneof(
  notANumber.map((M) => ['objective', '--scheme', 'grpo', '--M', M]),
  unknownName.map((s) => ['objective', '--scheme', s, '--M', '4']),
  unknownName.map((t) => ['design', '--target', t, '--M', '4']),
  notANumber.map((g) => [
    'simulate',
    '--scheme',
    'rloo',
    '--M',
    '2',
    '--policy',
    'bernoulli:p=0.5',
    '--groups',
    g,
  ]),
  unknownName.map((p) => [
    'simulate',
    '--scheme',
    'rloo',
    '--M',
    '2',
    '--policy',
    p,
    '--groups',
    '10',
  ]),
  fc
    .double({ min: 1, max: 1e6, noNaN: true })
    .map((a) => ['verify', '--quick', '--alpha', String(a)]),
  fc.stringMatching(/^[a-z]{1,8}\.jsonl$/).map((f) => ['audit', '--traces', `/nonexistent/${f}`]),
  fc
    .stringMatching(/^--[a-y]{3,8}$/)
    .map((flag) => ['objective', '--scheme', 'rloo', '--M', '2', `${flag}z`]),
  breaking.map((c) => ['objective', '--scheme', `grpo:eps=1${c}x`, '--M', '4']),
  breaking.map((c) => ['objective', '--scheme', `zz${c}grpo`, '--M', '4']),
  breaking.map((c) => ['design', '--target', 'log', '--M', `4${c}x`]),
  breaking.map((c) => [`objectiv${c}`]),
  breaking.map((c) => ['audit', '--traces', `/nonexistent/${c}.jsonl`]),
  fc
    .constantFrom('/dev/zero', fifo, root, '/nonexistent')
    .chain((path) =>
      fc.constantFrom(
        ['audit', '--traces', path],
        ['audit', '--module', path, '--M', '4'],
        ['simulate', '--scheme', 'rloo', '--M', '2', '--policy', `@${path}`, '--groups', '10'],
      ),
    ),
);

/** Runs argv, expects exit 2 and exactly one line on stderr, and returns that line. */
function expectOneLineError(argv: readonly string[], run: CliRun = runCli(argv)): string {
  expect(run.status, `exit status of ${JSON.stringify(argv)}: ${run.stderr}`).toBe(2);
  expect(run.stderr, `stderr of ${JSON.stringify(argv)}`).toMatch(
    /^rl-objective: \S[^\p{Cc}\u2028\u2029]*\n$/u,
  );
  expect(run.stdout).toBe('');
  return run.stderr;
}

describe('the CLI on bad input', () => {
  // Besides the random runs, one example of each regression: echoed control characters, and
  // each reader given a device, a FIFO or a directory (these used to hang or fill memory).
  const examples: [readonly string[]][] = [
    [['objectiv\r']],
    [['objective', '--scheme', 'grpo:eps=1\nx', '--M', '4']],
    [['audit', '--traces', '/dev/zero']],
    [['audit', '--module', fifo, '--M', '4']],
    [['simulate', '--scheme', 'rloo', '--M', '2', '--policy', `@${root}`, '--groups', '10']],
  ];
  it.prop([badArgv], { numRuns: 40, examples })(
    'exits 2 with one line on stderr and no stack trace',
    async (argv) => {
      expectOneLineError(argv, await runCliInProcess(argv));
    },
    HANG,
  );

  // Regression: commander's suggestion for a mistyped command or option came on a second
  // stderr line (rl-objective objectiv -> "...unknown command 'objectiv'\n(Did you mean ...").
  it(
    'a mistyped command or option gets its suggestion on the same line',
    () => {
      expect(expectOneLineError(['objectiv'])).toBe(
        "rl-objective: unknown command 'objectiv' (Did you mean objective?)\n",
      );
      expect(expectOneLineError(['objective', '--scheme', 'grpo', '--M', '4', '--shceme'])).toBe(
        "rl-objective: unknown option '--shceme' (Did you mean --scheme?)\n",
      );
    },
    HANG,
  );

  it(
    '--help still prints the usual help on stdout and exits 0',
    () => {
      const run = runCli(['--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: rl-objective \[options\] \[command\]\n/);
      expect(run.stdout).toContain('\n  objective [options]');
      expect(run.stderr).toBe('');
    },
    HANG,
  );

  it(
    'audit --table refuses a FIFO',
    () => {
      expect(expectOneLineError(['audit', '--table', fifo])).toBe(
        `rl-objective: table file '${fifo}': not a regular file (a FIFO)\n`,
      );
    },
    HANG,
  );

  // The child is killed after 5 s, so a reader that blocks on the FIFO fails instead of hanging.
  it(
    '--scheme table:file= refuses a FIFO',
    () => {
      const argv = ['objective', '--scheme', `table:file=${fifo}`, '--M', '2'];
      const run = spawnSync(process.execPath, [...CLI_NODE_ARGS, ...argv], {
        encoding: 'utf8',
        timeout: 5_000,
        killSignal: 'SIGKILL',
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/not a regular file \(a FIFO\)\n$/);
    },
    HANG,
  );
});
