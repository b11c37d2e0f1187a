import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/input-error.ts';
import { checkPartChunks } from './check-part-chunks.ts';
import { checkpointFiles } from './checkpoint-files.ts';
import type { PartialResult } from './partial-result.ts';
import { runFingerprint } from './run-fingerprint.ts';
import { shardChunks } from './shard-chunks.ts';
import { writeJsonAtomic } from './write-json-atomic.ts';

/**
 * Writes a shard's result to `DIR/partial.json` (atomically, see `writeJsonAtomic`), creating
 * `DIR`, and returns the file's path. The file is
 * `{"format": "rl-objective-partial", "fingerprint", "identity", "shard": {"i", "n"},
 * "chunks": {"<index>": result, ...}}` in canonical JSON.
 *
 * Only a complete shard is written: its chunks must be exactly `shardChunks(identity.chunks, i, n)`,
 * so that an interrupted shard can never pass for a finished one. Throws an {@link InputError}
 * naming the first missing or extra chunk, or a result that is not lossless JSON.
 */
export function writePartial(dir: string, part: PartialResult): string {
  const label = `partial result for '${dir}'`;
  const have = checkPartChunks(part, label);
  const want = shardChunks(part.identity.chunks, part.shard.i, part.shard.n);
  const missing = want.find((index, k) => have[k] !== index);
  if (missing !== undefined || have.length !== want.length) {
    throw new InputError(
      `${label}: shard ${part.shard.i}/${part.shard.n} is incomplete (${have.length} of ${want.length} chunks${missing === undefined ? '' : `, chunk ${missing} missing`})`,
    );
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`${label}: cannot create the directory (${code})`);
  }
  if (!statSync(dir).isDirectory()) throw new InputError(`${label}: not a directory`);
  const path = join(dir, checkpointFiles.partial);
  writeJsonAtomic(path, {
    format: checkpointFiles.partialTag,
    fingerprint: runFingerprint(part.identity),
    identity: part.identity,
    shard: { i: part.shard.i, n: part.shard.n },
    chunks: part.chunks,
  });
  return path;
}
