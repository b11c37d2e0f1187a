import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/index.ts';
import { checkpointFiles, fileSchemas, readJsonFile } from './checkpoint-files.ts';
import { type RunIdentity, runFingerprint } from './run-identity.ts';
import { type Shard, shardChunks } from './shard.ts';
import { writeJsonAtomic } from './write-json-atomic.ts';

/**
 * What one shard of a run produces (`verify --shard i/n`): the run's identity, the shard, and the
 * result of each of its chunks keyed by decimal chunk index (`{"0": ..., "3": ...}`), i.e.
 * `partial.json` without its `format` and `fingerprint` fields.
 */
export interface PartialResult {
  readonly identity: RunIdentity;
  readonly shard: Shard;
  readonly chunks: Readonly<Record<string, unknown>>;
  /** Where the part came from (its directory or file), to name it in merge errors. */
  readonly source?: string;
}

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
  const path = partialFile(dir);
  writeJsonAtomic(path, {
    format: checkpointFiles.partialTag,
    fingerprint: runFingerprint(part.identity),
    identity: part.identity,
    shard: { i: part.shard.i, n: part.shard.n },
    chunks: part.chunks,
  });
  return path;
}

/** The file in which a shard's part is written in `dir` ({@link writePartial}). */
export function partialFile(dir: string): string {
  return join(dir, checkpointFiles.partial);
}

/**
 * Reads a shard's partial result for `rl-objective merge`: `path` is the directory a shard wrote
 * (its `partial.json` is read) or the file itself. Checks the format, that the stored fingerprint
 * is the hash of the stored identity, and that every chunk key is an index of that shard;
 * whether the parts of a merge fit together is `mergeParts`'s job. Every failure is a one-line
 * {@link InputError} naming `path`. The returned part's `source` is `path`.
 */
export function readPartial(path: string): PartialResult {
  const directory = existsSync(path) && statSync(path).isDirectory();
  const file = directory ? join(path, checkpointFiles.partial) : path;
  const what = `part '${path}'`;
  if (directory && !existsSync(file)) {
    // A report directory (or any other) is a likely mistake; say what a part is.
    const report = existsSync(join(path, 'agreement.json'));
    throw new InputError(
      `${what}: ${report ? 'a report directory (it holds agreement.json)' : 'a directory'} with no ${checkpointFiles.partial}; merge takes the --out directories of verify --shard i/n runs, each holding its ${checkpointFiles.partial}`,
    );
  }
  const stored = readJsonFile(file, what, fileSchemas().partial);
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

/**
 * The part already written in `dir` for shard `shard` of the run `identity`, or `undefined` when
 * there is none: no `partial.json`, or one of another run or shard, or one that does not read
 * back (`readPartial`). A retried shard (`verify --shard i/n --resume`) whose part is there has
 * nothing left to do; `writePartial` only ever writes complete parts, so this one is complete.
 */
export function writtenPartial(
  dir: string,
  identity: RunIdentity,
  shard: Shard,
): PartialResult | undefined {
  if (!existsSync(join(dir, checkpointFiles.partial))) return undefined;
  let part: PartialResult;
  try {
    part = readPartial(dir);
  } catch {
    return undefined;
  }
  const same =
    runFingerprint(part.identity) === runFingerprint(identity) &&
    part.shard.i === shard.i &&
    part.shard.n === shard.n;
  return same ? part : undefined;
}

const DECIMAL = /^(0|[1-9]\d{0,14})$/;

/**
 * Checks a part's shard and chunk keys against its identity (internal): `0 <= i < n`, and every
 * key a canonical decimal chunk index below `identity.chunks` that belongs to the shard
 * (`index % n === i`). Returns the indexes in increasing order; throws an {@link InputError}
 * naming the part as `label` otherwise.
 */
export function checkPartChunks(part: PartialResult, label: string): number[] {
  const { i, n } = part.shard;
  if (!(Number.isSafeInteger(n) && n >= 1 && Number.isSafeInteger(i) && i >= 0 && i < n)) {
    throw new InputError(`${label}: shard must be i/n with 0 <= i < n, got ${i}/${n}`);
  }
  const indexes: number[] = [];
  for (const key of Object.keys(part.chunks)) {
    const index = DECIMAL.test(key) ? Number(key) : Number.NaN;
    if (!(index < part.identity.chunks)) {
      throw new InputError(
        `${label}: chunk key '${show(key)}' is not a chunk index in 0..${part.identity.chunks - 1}`,
      );
    }
    if (index % n !== i) {
      throw new InputError(`${label}: chunk ${index} does not belong to shard ${i}/${n}`);
    }
    indexes.push(index);
  }
  return indexes.sort((a, b) => a - b);
}

function show(key: string): string {
  const line = key.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return line.length > 20 ? `${line.slice(0, 19)}…` : line;
}
