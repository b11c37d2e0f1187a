import { z } from 'zod';
import { InputError } from '../errors/input-error.ts';
import type { ChunkResult } from './chunk-result.ts';

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const float = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity', '-0'])]);
const moments = z
  .strictObject({ n: count, mean: z.array(float), m2: z.array(float) })
  .refine((m) => m.mean.length === m.m2.length, 'mean and m2 differ in length');
const schema = z.strictObject({
  first: count,
  last: count,
  groups: count,
  responses: count,
  gradient: moments,
  draws: moments.nullable(),
  capped: count,
});

/**
 * Reads a {@link ChunkResult} back from JSON (a checkpoint's chunk file or a shard's part) and
 * checks that it is chunk `chunk` alone (`first = last = chunk`), so that it can be merged in
 * chunk order (MATH.md §6). Anything else is a one-line {@link InputError} naming `what`.
 */
export function parseChunkResult(value: unknown, chunk: number, what: string): ChunkResult {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new InputError(`${what}: not a chunk result (${at}${issue.message})`);
  }
  const result = parsed.data as ChunkResult;
  if (result.first !== chunk || result.last !== chunk) {
    throw new InputError(
      `${what}: holds chunks ${result.first}..${result.last} of its simulation, expected chunk ${chunk}`,
    );
  }
  return result;
}
