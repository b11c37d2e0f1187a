import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../../test/support/files/test-dir.ts';
import { InputError } from '../errors/input-error.ts';
import { auditTraces } from './audit-traces.ts';

const dir = testDir('rl-objective-traces-');
let files = 0;
function trace(text: string): string {
  const file = join(dir, `t${files++}.jsonl`);
  writeFileSync(file, text);
  return file;
}

const GOOD = '{"rewards": [1, 0], "advantages": [0.5, -0.5], "prompt": "x"}';

describe('auditTraces', () => {
  it('ignores extra fields and blank lines, and audits each group size separately', async () => {
    const file = trace(
      [
        GOOD,
        '',
        '{"rewards": [0, 1], "advantages": [-0.5, 0.5]}',
        '{"rewards":[1],"advantages":[2]}',
      ].join('\n'),
    );
    const report = await auditTraces(file);
    expect(report.countForm).toBe(true);
    expect(report.bySize.map((s) => [s.M, s.a, s.b])).toEqual([
      [1, [null], [2]],
      [2, [null, -0.5], [0.5, null]],
    ]);
  });

  it('accepts a UTF-8 byte order mark before the first line', async () => {
    const report = await auditTraces(trace(`\uFEFF${GOOD}\n${GOOD}\n`));
    expect(report.bySize.map((s) => s.coverage.observed)).toEqual([2]);
    await expect(auditTraces(trace(`${GOOD}\n\uFEFF${GOOD}\n`))).rejects.toThrow(
      /line 2: not valid JSON/,
    );
  });

  it.each([
    [
      'a bad JSON line',
      `${GOOD}\n{"rewards": [1, 0], "advantages": [0.5,\n`,
      /line 2: not valid JSON/,
    ],
    [
      'rewards that are not 0 or 1',
      `${GOOD}\n${GOOD}\n{"rewards": [1, 0.5], "advantages": [1, 2]}\n`,
      /line 3: rewards\[1\] is 0\.5; rewards must be 0 or 1/,
    ],
    [
      'a length mismatch',
      `{"rewards": [1, 0, 1], "advantages": [1, 2]}`,
      /line 1: 3 rewards but 2 advantages/,
    ],
    [
      'a missing field',
      `${GOOD}\n{"rewards": [1, 0]}`,
      /line 2: advantages: Invalid input: expected array/,
    ],
    [
      'a non-number weight',
      `{"rewards": [1], "advantages": ["1"]}`,
      /line 1: advantages\.0: Invalid input: expected number/,
    ],
    ['an empty group', `{"rewards": [], "advantages": []}`, /line 1: rewards is empty/],
    ['a line that is not an object', `[1, 0]`, /line 1: Invalid input: expected object/],
    ['an empty file', '', /line 1: empty file/],
    ['a file of blank lines', '\n\n', /lines 1-2: only blank lines/],
  ])('rejects %s with its line number', async (_what, text, message) => {
    const file = trace(text);
    const error = await auditTraces(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(`traces '${file}'`);
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects a missing file', async () => {
    await expect(auditTraces(join(dir, 'nope.jsonl'))).rejects.toThrow(/file not found/);
  });
});
