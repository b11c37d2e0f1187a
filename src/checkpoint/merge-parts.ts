import { InputError } from '../errors/index.ts';
import { identityDifference } from './identity-difference.ts';
import { checkPartChunks, type PartialResult } from './partial.ts';
import { type RunIdentity, runFingerprint } from './run-identity.ts';

/** The chunks of a whole run, gathered from its shards by {@link mergeParts}. */
export interface MergedRun {
  readonly identity: RunIdentity;
  readonly fingerprint: string;
  /** `results[index]` is the result of chunk `index`, for every index `0..chunks-1`. */
  readonly results: readonly unknown[];
}

const LISTED = 10;

/**
 * Gathers the parts written by the shards of one run into its chunk results in chunk order,
 * ready to be merged left to right exactly as a single-machine run merges them (so the
 * estimates are bit-identical). Refuses, with a one-line {@link InputError}:
 *
 * - no parts;
 * - a part of a different run (fingerprint differs), naming both parts and what differs
 *   (seed, config path, version, ...);
 * - a chunk present in two parts, naming the chunk and both parts (e.g. a shard given twice);
 * - missing chunks, listing the first few and the shards that have no part when every part was
 *   cut with the same `n`;
 * - a part whose shard or chunk keys do not fit its identity.
 *
 * A part is named by its `source`, or as `part K` (1-based) when it has none.
 */
export function mergeParts(parts: readonly PartialResult[]): MergedRun {
  if (parts.length === 0) throw new InputError('merge needs at least one part');
  const label = (k: number) =>
    parts[k]!.source === undefined ? `part ${k + 1}` : `'${parts[k]!.source}'`;
  const first = parts[0]!;
  const fingerprint = runFingerprint(first.identity);
  const owner = new Map<number, number>();
  const results: unknown[] = new Array(first.identity.chunks);
  parts.forEach((part, k) => {
    if (runFingerprint(part.identity) !== fingerprint) {
      const why =
        identityDifference(first.identity, part.identity, [label(0), label(k)]) ??
        'fingerprints differ';
      throw new InputError(`${label(k)} is from a different run than ${label(0)}: ${why}`);
    }
    for (const index of checkPartChunks(part, label(k))) {
      const before = owner.get(index);
      if (before !== undefined) {
        const a = parts[before]!.shard;
        const b = part.shard;
        const sameShard = a.i === b.i && a.n === b.n;
        throw new InputError(
          sameShard
            ? `shard ${b.i}/${b.n} is given twice: ${label(before)} and ${label(k)}`
            : `chunk ${index} is in both ${label(before)} (shard ${a.i}/${a.n}) and ${label(k)} (shard ${b.i}/${b.n})`,
        );
      }
      owner.set(index, k);
      results[index] = part.chunks[String(index)];
    }
  });
  const total = first.identity.chunks;
  if (owner.size < total) {
    const missing: number[] = [];
    for (let index = 0; index < total && missing.length <= LISTED; index++) {
      if (!owner.has(index)) missing.push(index);
    }
    const count = total - owner.size;
    const listed = missing.slice(0, LISTED).join(', ') + (count > LISTED ? ', …' : '');
    throw new InputError(
      `${count} of ${total} chunks are missing (${listed})${missingShards(parts)}`,
    );
  }
  return { identity: first.identity, fingerprint, results };
}

function missingShards(parts: readonly PartialResult[]): string {
  const n = parts[0]!.shard.n;
  if (parts.some((p) => p.shard.n !== n)) return '';
  const given = new Set(parts.map((p) => p.shard.i));
  const absent: string[] = [];
  for (let i = 0; i < n && absent.length <= LISTED; i++) {
    if (!given.has(i)) absent.push(`${i}/${n}`);
  }
  if (absent.length === 0) return '';
  const shown = absent.slice(0, LISTED).join(', ') + (absent.length > LISTED ? ', …' : '');
  return `; no part for shard ${shown}`;
}
