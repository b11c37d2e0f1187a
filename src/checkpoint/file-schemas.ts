import { z } from 'zod';
import { checkpointFiles } from './checkpoint-files.ts';

const nonNegativeInteger = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A {@link RunIdentity} as stored in a file; the config's content is checked by hashing it. */
const identity = z.strictObject({
  kind: z.string().min(1),
  config: z.unknown().refine((v) => v !== undefined, 'config is missing'),
  seed: z.union([z.string(), z.number()]),
  version: z.strictObject({ package: z.string(), format: z.number() }),
  chunks: nonNegativeInteger.min(1),
});

const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits (SHA-256)');

/**
 * zod schemas of the files of this folder (internal): `run.json` and `chunk-*.json` of a
 * checkpoint directory, and a shard's `partial.json`. See docs/reliability.md for the formats.
 */
export const fileSchemas = {
  run: z.strictObject({
    format: z.literal(checkpointFiles.runTag),
    fingerprint,
    identity,
  }),
  chunk: z.strictObject({
    fingerprint,
    index: nonNegativeInteger,
    result: z.unknown().refine((v) => v !== undefined, 'result is missing'),
  }),
  partial: z.strictObject({
    format: z.literal(checkpointFiles.partialTag),
    fingerprint,
    identity,
    shard: z.strictObject({ i: nonNegativeInteger, n: nonNegativeInteger.min(1) }),
    // Keys are checked by the reader (decimal chunk indexes); a record schema would copy the
    // object and could drop a '__proto__' key silently.
    chunks: z.custom<Record<string, unknown>>(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      'must be an object {"<chunk index>": result}',
    ),
  }),
} as const;
