// Public API of src/checkpoint: checkpoints of chunked runs (resume), shards and their merge
// (issue 7). Formats and usage: docs/reliability.md.
export { canonicalJson, type JsonValue, MAX_JSON_DEPTH } from './canonical-json.ts';
export type { Checkpoint } from './checkpoint.ts';
export {
  type DirectoryLock,
  LOCK_FILE,
  type LockHolder,
  type LockOptions,
  lockDirectory,
  withDirectoryLock,
} from './directory-lock.ts';
export { discardCheckpoint } from './discard-checkpoint.ts';
export { CHECKPOINT_FORMAT_VERSION } from './format-version.ts';
export { identityDifference } from './identity-difference.ts';
export { loadCheckpoint } from './load-checkpoint.ts';
export { type MergedRun, mergeParts } from './merge-parts.ts';
export { openCheckpoint } from './open-checkpoint.ts';
export { packageVersion } from './package-version.ts';
export { parseShard } from './parse-shard.ts';
export type { PartialResult } from './partial-result.ts';
export { readPartial } from './read-partial.ts';
export { recordChunk } from './record-chunk.ts';
export { runFingerprint } from './run-fingerprint.ts';
export {
  type RunIdentity,
  type RunIdentityInput,
  type RunVersion,
  runIdentity,
} from './run-identity.ts';
export type { Shard } from './shard.ts';
export { shardChunks } from './shard-chunks.ts';
export { startCheckpoint } from './start-checkpoint.ts';
export { writeJsonAtomic } from './write-json-atomic.ts';
export { writePartial } from './write-partial.ts';
export { writtenPartial } from './written-partial.ts';
