import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isRoot,
  runWithoutPermissionOverride,
} from '../../test/support/process/without-permission-override.ts';
import { InputError } from './input-error.ts';
import { makeOutputDirectory, requireOutputDirectory } from './output-directory.ts';

const dir = mkdtempSync(join(tmpdir(), 'rl-objective-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(path: string): string {
  try {
    requireOutputDirectory(path, `--out '${path}'`);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('requireOutputDirectory', () => {
  it('accepts an existing directory and one it can create, and leaves nothing behind', () => {
    expect(requireOutputDirectory(dir, '--out')).toBe(dir);
    const deep = join(dir, 'a', 'b', 'c');
    expect(requireOutputDirectory(deep, '--out')).toBe(deep);
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(makeOutputDirectory(deep, '--out')).toBe(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('refuses a file, a device, and a path below a file, naming what is there', () => {
    const file = join(dir, 'report.json');
    writeFileSync(file, '{}');
    expect(refusal(file)).toBe(`--out '${file}': not a directory (a regular file)`);
    expect(refusal('/dev/null')).toBe(`--out '/dev/null': not a directory (a character device)`);
    expect(refusal(join(file, 'sub'))).toBe(
      `--out '${join(file, 'sub')}': cannot be created, since '${file}' is not a directory (a regular file)`,
    );
    expect(refusal(' ')).toBe(`--out ' ': give a directory`);
  });

  // Node's recursive mkdir never returns on this path (the kernel says ENOENT for a directory
  // whose parent exists); the test would time out if the check used it.
  it.skipIf(!existsSync('/proc/self'))(
    'refuses an impossible path such as /proc/nope at once',
    () => {
      expect(refusal('/proc/nope')).toBe(
        `--out '/proc/nope': cannot create it (ENOENT at '/proc/nope')`,
      );
      expect(refusal('/proc/nope/deeper')).toMatch(
        /^--out '\/proc\/nope\/deeper': cannot create it \(ENOENT at '\/proc\/nope'\)$/,
      );
    },
  );

  it('refuses a directory it may not write into (as root, in a child without its privileges)', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o500 });
    const expected = [
      `--out '${locked}': cannot write into it (EACCES)`,
      `--out '${join(locked, 'sub')}': cannot create it (EACCES at '${join(locked, 'sub')}')`,
    ];
    if (!isRoot) {
      expect([refusal(locked), refusal(join(locked, 'sub'))]).toEqual(expected);
      return;
    }
    const module = JSON.stringify(new URL('./output-directory.ts', import.meta.url).href);
    const out = runWithoutPermissionOverride(
      `import { requireOutputDirectory } from ${module};
for (const path of process.argv.slice(1)) {
  try { requireOutputDirectory(path, \`--out '\${path}'\`); console.log('accepted'); }
  catch (error) { console.log(error.message); }
}`,
      [locked, join(locked, 'sub')],
    );
    expect(out).toBe(`${expected.join('\n')}\n`);
  });
});
