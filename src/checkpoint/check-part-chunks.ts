import { InputError } from '../errors/input-error.ts';
import type { PartialResult } from './partial-result.ts';

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
