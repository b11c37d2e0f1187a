import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/index.ts';
import { checkpointFiles, fileSchemas, readJsonFile, readRunFile } from './checkpoint-files.ts';
import { identityDifference } from './identity-difference.ts';
import { type RunIdentity, runFingerprint } from './run-identity.ts';
import { writeJsonAtomic } from './write-json-atomic.ts';

/** The state of a checkpoint directory: the run it belongs to and its completed chunks. */
export interface Checkpoint {
  /** The checkpoint directory. */
  readonly dir: string;
  readonly identity: RunIdentity;
  /** `runFingerprint(identity)`. */
  readonly fingerprint: string;
  /** The result of every completed chunk, by chunk index, exactly as recorded. */
  readonly chunks: ReadonlyMap<number, unknown>;
}

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
    const chunk = readJsonFile(join(dir, name), what, fileSchemas().chunk);
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
