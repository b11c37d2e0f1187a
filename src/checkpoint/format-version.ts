/**
 * Version of the on-disk formats of this folder (checkpoint `run.json` and `chunk-*.json`, shard
 * `partial.json`). Bump it whenever their shape or the meaning of a field changes: it is part of
 * every run identity, so files written in an older format are refused rather than misread.
 */
export const CHECKPOINT_FORMAT_VERSION = 2;
