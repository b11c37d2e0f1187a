// Fuzzing of the CLI through a child process, as a user runs it (issue 7, hardening): bad argv
// for every command must end with exit 2, exactly one line on stderr, and no stack trace. Each
// spawn costs about a second (tsx start-up), so the property takes few runs; every generated
// argv is invalid before any work starts, so no run simulates anything. Deterministic seed from
// ../setup.ts: false-fail rate 0.
import '../setup.ts';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runCli } from '../../src/cli/testing/run-cli.ts';

const HANG = 60_000;

/** A value that is never a number: starts with a letter. */
const notANumber = fc
  .string({ unit: fc.constantFrom(...'xq!%,;: '), minLength: 1, maxLength: 6 })
  .map((s) => `x${s}`);
/** A scheme, target or policy spec that is never valid: an unknown name. */
const unknownName = fc.stringMatching(/^zz[a-z]{0,5}(:[a-z]=[0-9])?$/);

/** Bad argv, one per command, each failing validation before any work. */
const badArgv: fc.Arbitrary<string[]> = fc.oneof(
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
);

function expectOneLineError(argv: readonly string[]): void {
  const run = runCli(argv);
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(run.status, `exit status of ${JSON.stringify(argv)}: ${run.stderr}`).toBe(2);
  expect(lines, `stderr of ${JSON.stringify(argv)}`).toHaveLength(1);
  expect(lines[0]).toMatch(/^rl-objective: \S/);
  expect(run.stderr).not.toMatch(/^ {4}at /m);
  expect(run.stdout).toBe('');
}

describe('the CLI on bad input', () => {
  it.prop([badArgv], { numRuns: 6 })(
    'exits 2 with one line on stderr and no stack trace',
    (argv) => expectOneLineError(argv),
    HANG,
  );

  // Known defect (src/cli/program.ts, others' code): commander's suggestion for a mistyped
  // command comes on a second stderr line. Minimal counterexample:
  //   rl-objective objectiv  ->  "rl-objective: unknown command 'objectiv'\n(Did you mean objective?)"
  // `it.fails` turns red once fixed, as a reminder to drop `.fails`.
  it.fails(
    'a mistyped command gets its suggestion on the same line',
    () => expectOneLineError(['objectiv']),
    HANG,
  );
});
