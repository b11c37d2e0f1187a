import { mkdirSync } from 'node:fs';
import { InputError } from '../errors/input-error.ts';
import type { Checkpoint } from './checkpoint.ts';
import { checkpointFiles } from './checkpoint-files.ts';
import { loadCheckpoint } from './load-checkpoint.ts';
import { runFingerprint } from './run-fingerprint.ts';
import type { RunIdentity } from './run-identity.ts';
import { writeJsonAtomic } from './write-json-atomic.ts';

/**
 * Opens the checkpoint directory `dir` for the run `identity`, creating it (and `run.json`) when
 * absent, so that {@link recordChunk} can add chunks to it. When `dir` already holds a checkpoint
 * of the same run, its completed chunks are returned and kept (that is a resume); a checkpoint
 * of a different run is refused exactly as by `loadCheckpoint`.
 *
 * Whether a fresh (non-resumed) run may reuse a directory with completed chunks is the caller's
 * decision: check `chunks.size` and call `discardCheckpoint` first if it should start over.
 */
export function openCheckpoint(dir: string, identity: RunIdentity): Checkpoint {
  const existing = loadCheckpoint(dir, identity);
  if (existing !== undefined) return existing;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`checkpoint '${dir}': cannot create the directory (${code})`);
  }
  const fingerprint = runFingerprint(identity);
  writeJsonAtomic(checkpointFiles.runPath(dir), {
    format: checkpointFiles.runTag,
    fingerprint,
    identity,
  });
  return { dir, identity, fingerprint, chunks: new Map() };
}
