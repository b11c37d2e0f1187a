// Public API of src/checkpoint: checkpoints of chunked runs (resume), shards and their merge.
// Formats and usage: docs/reliability.md.
export { canonicalJson, type JsonValue, MAX_JSON_DEPTH } from './canonical-json.ts';
export type { Checkpoint } from './checkpoint.ts';
export {
  discardCheckpoint,
  loadCheckpoint,
  openCheckpoint,
  recordChunk,
  startCheckpoint,
} from './checkpoint.ts';
export {
  type DirectoryLock,
  LOCK_FILE,
  type LockHolder,
  type LockOptions,
  lockDirectory,
  withDirectoryLock,
} from './directory-lock.ts';
export { identityDifference } from './identity-difference.ts';
export { type MergedRun, mergeParts } from './merge-parts.ts';
export type { PartialResult } from './partial.ts';
export { partialFile, readPartial, writePartial, writtenPartial } from './partial.ts';
export {
  CHECKPOINT_FORMAT_VERSION,
  type RunIdentity,
  type RunIdentityInput,
  type RunVersion,
  runFingerprint,
  runIdentity,
} from './run-identity.ts';
export type { Shard } from './shard.ts';
export { parseShard, shardChunks } from './shard.ts';
export { writeJsonAtomic } from './write-json-atomic.ts';
