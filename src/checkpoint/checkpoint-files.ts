import { join } from 'node:path';
import type { z } from 'zod';
import { firstIssue, InputError, lazySchema, readInputFile } from '../errors/index.ts';
import { type RunIdentity, runFingerprint } from './run-identity.ts';

/**
 * File names of a checkpoint directory, shared by the reader and the writers (internal to this
 * folder): `run.json` holds the run identity, `chunk-NNNNNN.json` one completed chunk each, and
 * `.NAME.PID.RANDOM.tmp` is a write in progress (or left behind by a killed process), which
 * readers ignore.
 */
export const checkpointFiles = {
  run: 'run.json',
  partial: 'partial.json',
  runTag: 'rl-objective-checkpoint',
  partialTag: 'rl-objective-partial',
  chunk(index: number): string {
    return `chunk-${String(index).padStart(6, '0')}.json`;
  },
  /** The chunk index a file name stands for, or undefined for any other file. */
  chunkIndex(name: string): number | undefined {
    const match = /^chunk-(\d{6,})\.json$/.exec(name);
    return match === null ? undefined : Number(match[1]);
  },
  isTemp(name: string): boolean {
    return /^\..+\.tmp$/.test(name);
  },
  runPath(dir: string): string {
    return join(dir, 'run.json');
  },
} as const;

/**
 * zod schemas of the files of this folder (internal, built on first use): `run.json` and
 * `chunk-*.json` of a checkpoint directory, and a shard's `partial.json`. See
 * docs/reliability.md for the formats.
 */
export const fileSchemas = lazySchema((z) => {
  const nonNegativeInteger = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
  // A RunIdentity as stored in a file; the config's content is checked by hashing it.
  const identity = z.strictObject({
    kind: z.string().min(1),
    config: z.unknown().refine((v) => v !== undefined, 'config is missing'),
    seed: z.union([z.string(), z.number()]),
    version: z.strictObject({ package: z.string(), format: z.number() }),
    chunks: nonNegativeInteger.min(1),
  });
  const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits (SHA-256)');
  return {
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
});

/**
 * Reads a JSON file of this folder's formats and validates it with `schema` (internal helper):
 * every failure (missing, not a regular file or larger than 256 MiB, unreadable, not JSON, wrong
 * shape) is an {@link InputError} that names the file as `what` (InputError keeps it one line).
 */
export function readJsonFile<T>(path: string, what: string, schema: z.ZodType<T>): T {
  const text = readInputFile(path, what);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InputError(`${what}: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/**
 * Reads and checks a checkpoint directory's `run.json` (internal): its shape, and that its
 * fingerprint is the hash of its identity (so a hand-edited or corrupted file is refused rather
 * than trusted). Throws an {@link InputError} naming the file.
 */
export function readRunFile(dir: string): { identity: RunIdentity; fingerprint: string } {
  const path = checkpointFiles.runPath(dir);
  const what = `checkpoint '${path}'`;
  const run = readJsonFile(path, what, fileSchemas().run);
  const identity = run.identity as RunIdentity;
  let fingerprint: string;
  try {
    fingerprint = runFingerprint(identity);
  } catch (error) {
    throw new InputError(`${what}: ${(error as Error).message}`);
  }
  if (fingerprint !== run.fingerprint) {
    throw new InputError(`${what}: corrupt (its fingerprint is not the hash of its identity)`);
  }
  return { identity, fingerprint };
}
