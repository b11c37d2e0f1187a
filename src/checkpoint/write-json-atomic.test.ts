import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { writeJsonAtomic } from './write-json-atomic.ts';

// writeJsonAtomic's result and its error branch (its kill points are tested with the checkpoint,
// checkpoint.test.ts). Deterministic: false-fail rate 0.

const root = mkdtempSync(join(tmpdir(), 'rl-objective-write-json-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The InputError that `fn` throws. */
function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('writeJsonAtomic', () => {
  it('replaces the file with canonical JSON and a newline, leaving no temp file', () => {
    const path = join(root, 'report.json');
    writeFileSync(path, 'old');
    writeJsonAtomic(path, { b: 1, a: [0.5] });
    expect(readFileSync(path, 'utf8')).toBe('{"a":[0.5],"b":1}\n');
    expect(readdirSync(root)).toEqual(['report.json']);
  });

  it('on a failed rename removes its temp file and names the path and the error code', () => {
    // The target is a directory that is not empty: the temp file is written, the rename fails.
    const dir = join(root, 'blocked');
    const path = join(dir, 'agreement.json');
    mkdirSync(join(path, 'inside'), { recursive: true });
    const error = thrown(() => writeJsonAtomic(path, { a: 1 }));
    expect(error.message).toMatch(
      /^cannot write '.*\/blocked\/agreement\.json' \((EISDIR|ENOTEMPTY|EEXIST)\)$/,
    );
    expect(readdirSync(dir)).toEqual(['agreement.json']);
  });

  it('on a failed open (no such directory) names the path and ENOENT', () => {
    const path = join(root, 'missing', 'run.json');
    expect(thrown(() => writeJsonAtomic(path, {})).message).toBe(`cannot write '${path}' (ENOENT)`);
  });
});
