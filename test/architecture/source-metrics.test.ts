// The file-size report counts what CONTRIBUTING.md says it counts. Deterministic.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sourceMetrics } from '../../scripts/source-metrics.ts';

const root = mkdtempSync(join(tmpdir(), 'rl-objective-metrics-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('counts the lines of the non-test .ts files of src/ only', () => {
  const lines = (n: number) => 'x\n'.repeat(n);
  mkdirSync(join(root, 'src/a'), { recursive: true });
  mkdirSync(join(root, 'test'), { recursive: true });
  writeFileSync(join(root, 'src/index.ts'), lines(3));
  writeFileSync(join(root, 'src/a/a.ts'), lines(14));
  writeFileSync(join(root, 'src/a/b.ts'), `${lines(40)}no newline at the end`);
  writeFileSync(join(root, 'src/a/c.ts'), lines(90));
  writeFileSync(join(root, 'src/a/a.test.ts'), lines(1));
  writeFileSync(join(root, 'src/a/notes.md'), lines(1));
  writeFileSync(join(root, 'test/t.ts'), lines(1));
  expect(sourceMetrics(root)).toEqual({
    files: 4,
    medianLines: 27,
    smallShare: 0.5,
    small: [
      { path: 'src/index.ts', lines: 3 },
      { path: 'src/a/a.ts', lines: 14 },
    ],
  });
});
