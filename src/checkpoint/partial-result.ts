import type { RunIdentity } from './run-identity.ts';
import type { Shard } from './shard.ts';

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
