import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../test/support/cli/run-cli-in-process.ts';
import { testDir } from '../../test/support/files/test-dir.ts';

// Every --out and --checkpoint of every command, given a directory it cannot use, is refused
// in one line with exit 2 before any work: nothing on stdout, and no CPU time to speak of (a
// verify or a simulation would otherwise have started). Runs in this process; no command here
// gets as far as its work, so no Monte Carlo assertion and no false-fail rate.

const root = testDir('rl-objective-directory-flags-');
const fixtures = fileURLToPath(new URL('../../test/fixtures/audit/', import.meta.url));
const regular = join(root, 'file');
writeFileSync(regular, 'x');
mkdirSync(join(root, 'part'));

const COMMANDS: readonly (readonly [string, string])[] = [
  ['verify --quick', '--out'],
  ['audit --table FIX/verl-grpo-m4.json', '--out'],
  ['train --scheme grpo --corpus tabular:prompts=10 --lr 1', '--out'],
  ['train --scheme grpo --corpus tabular:prompts=10 --lr 1', '--checkpoint'],
  ['simulate --scheme rloo --M 2 --policy bernoulli:p=0.5 --groups 1e6', '--checkpoint'],
  [`merge ${join(root, 'part')}`, '--out'],
];

const UNUSABLE: readonly (readonly [string, RegExp])[] = [
  [regular, /not a directory \(a regular file\)/],
  ['/dev/null', /not a directory \(a character device\)/],
  ['/proc/nope', /cannot create it/],
  [join(regular, 'below'), /not a directory/],
];

describe('a directory flag that cannot be used', () => {
  it.each(
    COMMANDS.flatMap(([command, flag]) =>
      UNUSABLE.map(([path, why]) => [command, flag, path, why] as const),
    ),
  )('%s %s %s: one line, exit 2, before any work', async (command, flag, path, why) => {
    const args = [...command.replace('FIX/', fixtures).split(' '), flag, path];
    const run = await runCliInProcess(args);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^rl-objective: ${flag} '[^\\n]*\\n$`));
    expect(run.stderr).toMatch(why);
    expect(run.cpuSeconds).toBeLessThan(1);
  });
});
