import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * The `version` field of rl-objective's own package.json, read once. A run identity carries it
 * because a different version may compute different chunk results from the same seed.
 */
export function packageVersion(): string {
  cached ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  return cached;
}
