import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointFiles } from './checkpoint-files.ts';
import type { PartialResult } from './partial-result.ts';
import { readPartial } from './read-partial.ts';
import { runFingerprint } from './run-fingerprint.ts';
import type { RunIdentity } from './run-identity.ts';
import type { Shard } from './shard.ts';

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
