import type { RunIdentity } from './run-identity.ts';

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
