import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A fresh directory under the system's temporary directory, removed with everything in it when
 * the calling test file (or the suite it is called in) ends, so that a run of `npm test` leaves
 * nothing behind. Call it at the top level of a test file or inside a `describe`.
 */
export function testDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
