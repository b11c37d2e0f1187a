import { join } from 'node:path';
import { InputError } from '../errors/input-error.ts';
import { checkpointFiles } from './checkpoint-files.ts';
import { readRunFile } from './read-run-file.ts';
import { writeJsonAtomic } from './write-json-atomic.ts';

/**
 * Records the result of completed chunk `index` in the checkpoint directory `dir` (created by
 * `openCheckpoint`), as `chunk-NNNNNN.json` `{fingerprint, index, result}`, written atomically
 * (`writeJsonAtomic`): after a kill, the chunk is either fully recorded or absent. Recording
 * the same chunk again replaces it (a retried chunk has the same seed and so the same result).
 *
 * `result` is opaque lossless JSON (e.g. the engine's `ChunkResult`, whose floats go through
 * `floatCodec`); NaN, ±Infinity, `-0` and non-JSON values throw an {@link InputError}, as do an
 * index outside `0..chunks-1` and a directory without `run.json`.
 */
export function recordChunk(dir: string, index: number, result: unknown): void {
  const { identity, fingerprint } = readRunFile(dir);
  if (!Number.isSafeInteger(index) || index < 0 || index >= identity.chunks) {
    throw new InputError(
      `checkpoint '${dir}': chunk index must be an integer in 0..${identity.chunks - 1}, got ${String(index)}`,
    );
  }
  writeJsonAtomic(join(dir, checkpointFiles.chunk(index)), { fingerprint, index, result });
}
