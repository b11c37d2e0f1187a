import { InputError } from '../errors/input-error.ts';
import { checkpointFiles } from './checkpoint-files.ts';
import { fileSchemas } from './file-schemas.ts';
import { readJsonFile } from './read-json-file.ts';
import { runFingerprint } from './run-fingerprint.ts';
import type { RunIdentity } from './run-identity.ts';

/**
 * Reads and checks a checkpoint directory's `run.json` (internal): its shape, and that its
 * fingerprint is the hash of its identity (so a hand-edited or corrupted file is refused rather
 * than trusted). Throws an {@link InputError} naming the file.
 */
export function readRunFile(dir: string): { identity: RunIdentity; fingerprint: string } {
  const path = checkpointFiles.runPath(dir);
  const what = `checkpoint '${path}'`;
  const run = readJsonFile(path, what, fileSchemas.run);
  const identity = run.identity as RunIdentity;
  let fingerprint: string;
  try {
    fingerprint = runFingerprint(identity);
  } catch (error) {
    throw new InputError(`${what}: ${(error as Error).message}`);
  }
  if (fingerprint !== run.fingerprint) {
    throw new InputError(`${what}: corrupt (its fingerprint is not the hash of its identity)`);
  }
  return { identity, fingerprint };
}
