import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testDir } from '../../test/support/files/test-dir.ts';
import { InputError } from '../errors/input-error.ts';
import { loadAdvantagesModule } from './audit-function.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/audit/${name}`, import.meta.url));
// A module with a syntax error is written at test time: as a committed file it would break lint.
const broken = join(testDir('rl-objective-module-'), 'broken.mjs');
writeFileSync(broken, 'export function advantages(rewards) {\n  return rewards.map((r) => r\n}\n');

describe('loadAdvantagesModule', () => {
  it('loads a TS module and a JS module with an async export', async () => {
    const ts = await loadAdvantagesModule(fixture('verl-grpo.ts'));
    expect(ts([1, 0])).toEqual([1 / (Math.SQRT1_2 + 1e-6) / 2, -1 / (Math.SQRT1_2 + 1e-6) / 2]);
    const js = await loadAdvantagesModule(fixture('reinforce.mjs'));
    await expect(js([1, 0, 1])).resolves.toEqual([1, 0, 1]);
  });

  it.each([
    [
      'no-export.ts',
      /does not export a function advantages\(rewards: number\[\]\): number\[\]; it exports weights/,
    ],
    [broken, /failed to load: /],
    ['missing.ts', /file not found/],
  ])('rejects %s with a one-line InputError', async (name, message) => {
    const error = await loadAdvantagesModule(name === broken ? broken : fixture(name)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
