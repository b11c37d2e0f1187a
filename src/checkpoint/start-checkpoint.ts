import { InputError } from '../errors/input-error.ts';
import type { Checkpoint } from './checkpoint.ts';
import { loadCheckpoint } from './load-checkpoint.ts';
import { openCheckpoint } from './open-checkpoint.ts';
import type { RunIdentity } from './run-identity.ts';

/**
 * Opens the checkpoint of a command's run in `dir`, with the CLI's policy (docs/reliability.md):
 *
 * - `resume`: continue from the completed chunks in `dir`; with no checkpoint there, start
 *   afresh (so a retried cluster task can always pass `--resume`);
 * - otherwise: start afresh, but refuse a checkpoint of the same run that already holds
 *   completed chunks, naming `--resume`, rather than silently redo or discard that work.
 *
 * Either way a checkpoint of a different run (configuration, seed, version, chunk count) is
 * refused with a one-line {@link InputError} naming what differs (`loadCheckpoint`).
 */
export function startCheckpoint(dir: string, identity: RunIdentity, resume: boolean): Checkpoint {
  if (!resume) {
    const existing = loadCheckpoint(dir, identity);
    if (existing !== undefined && existing.chunks.size > 0) {
      throw new InputError(
        `checkpoint '${dir}' already holds ${existing.chunks.size} of ${identity.chunks} chunks of this run: add --resume to continue it, or delete '${dir}' to start over`,
      );
    }
  }
  return openCheckpoint(dir, identity);
}
