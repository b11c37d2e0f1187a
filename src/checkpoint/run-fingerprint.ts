import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { RunIdentity } from './run-identity.ts';

/**
 * The fingerprint of a run: the lowercase hex SHA-256 of the UTF-8 canonical JSON of its
 * identity (`canonicalJson(identity)`: keys sorted at every level, no whitespace). Equal exactly
 * when the identities are equal as JSON values.
 */
export function runFingerprint(identity: RunIdentity): string {
  return createHash('sha256').update(canonicalJson(identity, 'identity'), 'utf8').digest('hex');
}
