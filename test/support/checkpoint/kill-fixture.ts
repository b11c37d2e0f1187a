import { type RunIdentity, runIdentity } from '../../../src/checkpoint/run-identity.ts';

/** The run the kill-during-write test checkpoints: 8 chunks. */
export function killIdentity(): RunIdentity {
  return runIdentity({ kind: 'kill-test', config: { what: 'big chunks' }, seed: 1, chunks: 8 });
}

/** A chunk result of about 1 MB of JSON, so that a kill often lands in the middle of a write. */
export function bigResult(index: number): { index: number; values: number[] } {
  return { index, values: Array.from({ length: 60_000 }, (_, k) => index + k / 7) };
}
