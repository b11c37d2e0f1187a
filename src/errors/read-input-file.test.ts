import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from './input-error.ts';
import { readInputFile } from './read-input-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'rl-objective-read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputFile', () => {
  it('reads a regular file as UTF-8', () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, '{"kind":"bernoulli","p":0.5} é');
    expect(readInputFile(path, 'policy file')).toBe('{"kind":"bernoulli","p":0.5} é');
  });

  it('refuses /dev/zero at once instead of reading forever', () => {
    expect(() => readInputFile('/dev/zero', "policy file '/dev/zero'")).toThrow(
      new InputError("policy file '/dev/zero': not a regular file (a character device)"),
    );
  });

  it.skipIf(process.getuid?.() === 0)('names the errno of a file it may not read', () => {
    const path = join(dir, 'secret.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o000);
    expect(() => readInputFile(path, 'policy file')).toThrow(
      new InputError('policy file: cannot read it (EACCES)'),
    );
  });
});
