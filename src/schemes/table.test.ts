import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../../test/support/files/test-dir.ts';
import { patternAgreement } from '../../test/support/schemes/agreement.ts';
import { InputError } from '../errors/input-error.ts';
import { parseSchemeSpec } from './resolve-scheme.ts';
import { scheme } from './scheme.ts';

const dir = testDir('rl-objective-table-');
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('table:file=...', () => {
  it('reads a, b from the file; the native lookup agrees with them on every pattern', () => {
    const path = file('ok.json', JSON.stringify({ M: 4, a: [0, -0.5, -1, 2], b: [3, 1, 0.25, 7] }));
    const s = scheme(`table:file=${path}`, 4);
    expect(s.spec).toBe(`table:file=${path}`);
    expect(s.a).toEqual([0, -0.5, -1, 2]);
    expect(s.b).toEqual([3, 1, 0.25, 7]);
    expect(s.c).toEqual([3, 1.5, 1.25, 5]);
    expect(patternAgreement(s.advantagesInto, s, 4).ulps).toBe(0);
    expect(s.advantages([1, 0, 0, 1])).toEqual([1, -1, -1, 1]);
  });

  const bad: [string, string, string | RegExp][] = [
    ['malformed.json', '{"M": 2, "a": [0, 1', /malformed JSON/],
    // A rule of the whole object: no field named before it.
    [
      'lengths.json',
      '{"M": 3, "a": [0, 1], "b": [0, 1, 2]}',
      /\]\}; a and b must each have M entries$/,
    ],
    ['missing-b.json', '{"M": 2, "a": [0, 1]}', /b: /],
    ['strings.json', '{"M": 2, "a": [0, "x"], "b": [0, 1]}', /a\.1: /],
    ['bad-m.json', '{"M": 0, "a": [], "b": []}', /M: /],
    ['array.json', '[1, 2]', /expected \{"M": n/],
  ];
  it.each(bad)('%s is rejected with a message naming the file', (name, text, message) => {
    const path = file(name, text);
    expect(() => scheme(`table:file=${path}`, 2)).toThrow(InputError);
    expect(() => scheme(`table:file=${path}`, 2)).toThrow(`table file '${path}'`);
    expect(() => scheme(`table:file=${path}`, 2)).toThrow(message);
    expect(() => parseSchemeSpec(`table:file=${path}`)).toThrow(InputError);
  });

  it('a missing file and an M mismatch are rejected, naming the file', () => {
    const missing = join(dir, 'nope.json');
    expect(() => scheme(`table:file=${missing}`, 2)).toThrow(
      `table file '${missing}': file not found`,
    );
    const path = file('m3.json', '{"M": 3, "a": [0, 0, 0], "b": [1, 1, 1]}');
    expect(() => scheme(`table:file=${path}`, 4)).toThrow(
      `table file '${path}' is for M = 3, but M = 4 was asked for`,
    );
  });
});
