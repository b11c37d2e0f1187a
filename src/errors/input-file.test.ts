import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isRoot,
  runWithoutPermissionOverride,
} from '../../test/support/process/without-permission-override.ts';
import { InputError } from './input-error.ts';
import { MAX_INPUT_FILE_BYTES, readInputFile, requireInputFile } from './input-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'rl-objective-input-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(path: string): string {
  try {
    requireInputFile(path, 'table file');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('requireInputFile', () => {
  it('accepts a regular file, empty or at the size limit', () => {
    const small = join(dir, 'small.json');
    writeFileSync(small, '{}');
    expect(() => requireInputFile(small, 'table file')).not.toThrow();
    const atLimit = join(dir, 'at-limit');
    writeFileSync(atLimit, '');
    truncateSync(atLimit, MAX_INPUT_FILE_BYTES); // sparse: no disk space used
    expect(() => requireInputFile(atLimit, 'table file')).not.toThrow();
  });

  it('refuses a missing path and a path through a file', () => {
    expect(refusal(join(dir, 'missing.json'))).toBe('table file: file not found');
    const file = join(dir, 'plain');
    writeFileSync(file, 'x');
    expect(refusal(join(file, 'below'))).toBe('table file: cannot read it (ENOTDIR)');
  });

  it('refuses what is not a regular file, without opening it', () => {
    expect(refusal('/dev/zero')).toBe('table file: not a regular file (a character device)');
    expect(refusal(dir)).toBe('table file: not a regular file (a directory)');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO with no writer would block this test forever.
    expect(refusal(fifo)).toBe('table file: not a regular file (a FIFO)');
  });

  it('refuses a file one byte over the limit, naming the limit', () => {
    const big = join(dir, 'big');
    writeFileSync(big, '');
    truncateSync(big, MAX_INPUT_FILE_BYTES + 1);
    expect(refusal(big)).toBe(
      `table file: too large (${MAX_INPUT_FILE_BYTES + 1} bytes; input files are limited to 256 MiB)`,
    );
  });
});

describe('readInputFile', () => {
  it('reads a regular file as UTF-8', () => {
    const path = join(dir, 'policy.json');
    writeFileSync(path, '{"kind":"bernoulli","p":0.5} é');
    expect(readInputFile(path, 'policy file')).toBe('{"kind":"bernoulli","p":0.5} é');
  });

  it('drops a UTF-8 byte order mark at the start, and only there', () => {
    const path = join(dir, 'bom.json');
    writeFileSync(path, '\uFEFF{"M": 2}\uFEFF');
    expect(readInputFile(path, 'table file')).toBe('{"M": 2}\uFEFF');
    expect(JSON.parse(readInputFile(path, 'table file').slice(0, -1))).toEqual({ M: 2 });
    // Without the stripping, the parser refuses the invisible first character.
    expect(() => JSON.parse('\uFEFF{"M": 2}')).toThrow(SyntaxError);
  });

  it('refuses /dev/zero at once instead of reading forever', () => {
    expect(() => readInputFile('/dev/zero', "policy file '/dev/zero'")).toThrow(
      new InputError("policy file '/dev/zero': not a regular file (a character device)"),
    );
  });

  it('names the errno of a file it may not read (as root, in a child without its privileges)', () => {
    const path = join(dir, 'secret.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o000);
    if (!isRoot) {
      expect(() => readInputFile(path, 'policy file')).toThrow(
        new InputError('policy file: cannot read it (EACCES)'),
      );
      return;
    }
    const module = JSON.stringify(new URL('./input-file.ts', import.meta.url).href);
    const out = runWithoutPermissionOverride(
      `import { readInputFile } from ${module};
try { readInputFile(process.argv[1], 'policy file'); console.log('read'); }
catch (error) { console.log(\`\${error.constructor.name}: \${error.message}\`); }`,
      [path],
    );
    expect(out).toBe('InputError: policy file: cannot read it (EACCES)\n');
  });
});
