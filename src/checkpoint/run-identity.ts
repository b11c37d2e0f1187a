import { InputError } from '../errors/index.ts';
import { packageVersion } from '../report/index.ts';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

/**
 * Version of the on-disk formats of this folder (checkpoint `run.json` and `chunk-*.json`, shard
 * `partial.json`). Bump it whenever their shape or the meaning of a field changes, or the bits
 * a chunk of the same configuration holds: it is part of every run identity, so files written
 * in an older format are refused rather than misread or merged with chunks that differ.
 */
export const CHECKPOINT_FORMAT_VERSION = 4;

/** The code that computed a run: rl-objective's package version and the file format version. */
export interface RunVersion {
  readonly package: string;
  readonly format: number;
}

/**
 * Everything that determines a chunked run's chunk results, and nothing else: two runs with
 * equal identities compute bit-identical chunks (CONTRIBUTING: same seed, same bits, whatever
 * the threads or shards), so their checkpoints and shard parts may be combined.
 */
export interface RunIdentity {
  /** What runs, e.g. `simulate` or `verify`. */
  readonly kind: string;
  /** The resolved configuration, canonical JSON (keys sorted), e.g. a `SimulationConfig`. */
  readonly config: JsonValue;
  /** The run seed, as the run uses it (`7` and `'7'` are different identities). */
  readonly seed: string | number;
  readonly version: RunVersion;
  /** Number of chunks the run is cut into; chunk indexes are `0..chunks-1`. */
  readonly chunks: number;
}

/** What a caller supplies to {@link runIdentity}; the version is filled in. */
export interface RunIdentityInput {
  readonly kind: string;
  readonly config: unknown;
  readonly seed: string | number;
  readonly chunks: number;
}

/**
 * Builds the identity of a chunked run: `kind`, a canonical copy of `config` (keys sorted at every
 * level, so that key order never changes the fingerprint), `seed`, `chunks`, and the version of
 * the code, `{package: <package.json version>, format: CHECKPOINT_FORMAT_VERSION}`.
 *
 * Throws an {@link InputError} for an empty kind, a seed that is neither a string nor a finite
 * number, `chunks` not a positive safe integer, or a config that is not lossless JSON
 * (see `canonicalJson`).
 */
export function runIdentity(input: RunIdentityInput): RunIdentity {
  const { kind, seed, chunks } = input;
  if (typeof kind !== 'string' || kind === '') {
    throw new InputError(`run identity: kind must be a non-empty string, got ${String(kind)}`);
  }
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    throw new InputError(
      `run identity: seed must be a string or a finite number, got ${String(seed)}`,
    );
  }
  if (!Number.isSafeInteger(chunks) || chunks < 1) {
    throw new InputError(`run identity: chunks must be a positive integer, got ${String(chunks)}`);
  }
  const config = JSON.parse(canonicalJson(input.config, 'config')) as JsonValue;
  return {
    kind,
    config,
    seed,
    version: { package: packageVersion(), format: CHECKPOINT_FORMAT_VERSION },
    chunks,
  };
}

/**
 * The fingerprint of a run: the lowercase hex SHA-256 of the UTF-8 canonical JSON of its
 * identity (`canonicalJson(identity)`: keys sorted at every level, no whitespace). Equal exactly
 * when the identities are equal as JSON values.
 */
export function runFingerprint(identity: RunIdentity): string {
  // node:crypto on first use: the package root imports this module, and loading crypto is a
  // visible share of that import's time (docs/package.md).
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(canonicalJson(identity, 'identity'), 'utf8').digest('hex');
}
