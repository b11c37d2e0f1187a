import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointFiles } from './checkpoint-files.ts';

/**
 * Removes a checkpoint: `run.json`, every `chunk-*.json` and every temp file `.*.tmp` in `dir`,
 * then `dir` itself if nothing else is left in it. Files this folder did not write are never
 * touched. Does nothing when `dir` does not exist.
 */
export function discardCheckpoint(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const ours =
      name === checkpointFiles.run ||
      checkpointFiles.chunkIndex(name) !== undefined ||
      checkpointFiles.isTemp(name);
    if (ours) rmSync(join(dir, name), { force: true });
  }
  try {
    rmdirSync(dir);
  } catch {
    // Not empty: it holds files of someone else, which stay.
  }
}
