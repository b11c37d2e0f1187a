import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/input-error.ts';
import type { Checkpoint } from './checkpoint.ts';
import { checkpointFiles } from './checkpoint-files.ts';
import { fileSchemas } from './file-schemas.ts';
import { identityDifference } from './identity-difference.ts';
import { readJsonFile } from './read-json-file.ts';
import { readRunFile } from './read-run-file.ts';
import { runFingerprint } from './run-fingerprint.ts';
import type { RunIdentity } from './run-identity.ts';

/**
 * Reads the checkpoint in `dir` for the run `identity`, to resume it: returns the completed
 * chunks, or `undefined` when `dir` holds no checkpoint (no directory, or no `run.json`).
 *
 * Refuses, with a one-line {@link InputError}, a checkpoint of a different run, naming what
 * differs (kind, seed, version, config path or chunk count, with both values), e.g.
 * `checkpoint 'out/checkpoint' is from a different run: seed differs (checkpoint 7, this run 8)`;
 * also a corrupt `run.json` or chunk file, and a chunk file of another run or out of range.
 *
 * Temp files (`.*.tmp`, left by a process killed mid-write) and unrelated files are ignored:
 * a chunk counts as completed only once its file was renamed into place.
 */
export function loadCheckpoint(dir: string, identity: RunIdentity): Checkpoint | undefined {
  if (!existsSync(checkpointFiles.runPath(dir))) {
    if (existsSync(dir) && !statSync(dir).isDirectory()) {
      throw new InputError(`checkpoint '${dir}' is not a directory`);
    }
    return undefined;
  }
  const stored = readRunFile(dir);
  const fingerprint = runFingerprint(identity);
  if (stored.fingerprint !== fingerprint) {
    const why =
      identityDifference(stored.identity, identity, ['checkpoint', 'this run']) ??
      'fingerprints differ';
    throw new InputError(`checkpoint '${dir}' is from a different run: ${why}`);
  }
  const chunks = new Map<number, unknown>();
  for (const name of readdirSync(dir).sort()) {
    const index = checkpointFiles.chunkIndex(name);
    if (index === undefined) continue;
    const what = `checkpoint chunk '${join(dir, name)}'`;
    const chunk = readJsonFile(join(dir, name), what, fileSchemas.chunk);
    if (chunk.fingerprint !== fingerprint) {
      throw new InputError(`${what} belongs to a different run (fingerprint differs)`);
    }
    if (chunk.index !== index || index >= identity.chunks) {
      throw new InputError(
        `${what}: index ${chunk.index} does not match its name or is not below ${identity.chunks} chunks`,
      );
    }
    chunks.set(index, chunk.result);
  }
  return { dir, identity: stored.identity, fingerprint, chunks };
}
