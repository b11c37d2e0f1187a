import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/input-error.ts';
import { checkPartChunks } from './check-part-chunks.ts';
import { checkpointFiles } from './checkpoint-files.ts';
import { fileSchemas } from './file-schemas.ts';
import type { PartialResult } from './partial-result.ts';
import { readJsonFile } from './read-json-file.ts';
import { runFingerprint } from './run-fingerprint.ts';
import type { RunIdentity } from './run-identity.ts';

/**
 * Reads a shard's partial result for `rl-objective merge`: `path` is the directory a shard wrote
 * (its `partial.json` is read) or the file itself. Checks the format, that the stored fingerprint
 * is the hash of the stored identity, and that every chunk key is an index of that shard;
 * whether the parts of a merge fit together is `mergeParts`'s job. Every failure is a one-line
 * {@link InputError} naming `path`. The returned part's `source` is `path`.
 */
export function readPartial(path: string): PartialResult {
  const file =
    existsSync(path) && statSync(path).isDirectory() ? join(path, checkpointFiles.partial) : path;
  const what = `part '${path}'`;
  const stored = readJsonFile(file, what, fileSchemas.partial);
  const identity = stored.identity as RunIdentity;
  let fingerprint: string;
  try {
    fingerprint = runFingerprint(identity);
  } catch (error) {
    throw new InputError(`${what}: ${(error as Error).message}`);
  }
  if (fingerprint !== stored.fingerprint) {
    throw new InputError(`${what}: corrupt (its fingerprint is not the hash of its identity)`);
  }
  const part: PartialResult = {
    identity,
    shard: stored.shard,
    chunks: stored.chunks,
    source: path,
  };
  checkPartChunks(part, what);
  return part;
}
