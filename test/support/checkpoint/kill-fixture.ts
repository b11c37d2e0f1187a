import { type RunIdentity, runIdentity } from '../../../src/checkpoint/run-identity.ts';

/** The run the kill-during-write tests checkpoint: 8 chunks. */
export function killIdentity(): RunIdentity {
  return runIdentity({ kind: 'kill-test', config: { what: 'two versions' }, seed: 1, chunks: 8 });
}

/**
 * Version `version` of chunk `index`: every value differs between versions, so a reader can tell
 * the old chunk, the new one and any mix of the two apart.
 */
export function chunkVersion(
  index: number,
  version: number,
): { version: number; values: number[] } {
  return { version, values: Array.from({ length: 2000 }, (_, k) => index + version * 1e6 + k / 7) };
}
