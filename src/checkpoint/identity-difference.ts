import { canonicalJson } from './canonical-json.ts';
import type { RunIdentity } from './run-identity.ts';

const SHOWN = 40;

/**
 * Says in one line how two run identities differ, for refusal messages: which of kind, seed,
 * version, config and chunks differ, each with both values (the config at its first differing
 * path, e.g. `config.policy.p`), e.g. `seed differs (checkpoint 7, this run 8)`. Returns
 * `undefined` when they are equal as JSON values.
 *
 * @param a the first identity, e.g. the one stored in a checkpoint
 * @param b the second identity, e.g. the one of the run asking to resume
 * @param labels how to name `a` and `b` in the message
 */
export function identityDifference(
  a: RunIdentity,
  b: RunIdentity,
  labels: readonly [string, string],
): string | undefined {
  const parts: string[] = [];
  const both = (x: unknown, y: unknown) => `(${labels[0]} ${show(x)}, ${labels[1]} ${show(y)})`;
  const bothText = (x: string, y: string) => `(${labels[0]} ${x}, ${labels[1]} ${y})`;
  if (a.kind !== b.kind) parts.push(`kind differs ${both(a.kind, b.kind)}`);
  if (!sameJson(a.seed, b.seed)) parts.push(`seed differs ${both(a.seed, b.seed)}`);
  if (a.version?.package !== b.version?.package || a.version?.format !== b.version?.format) {
    parts.push(`version differs ${bothText(versionText(a), versionText(b))}`);
  }
  // A config that carries the run's seed (simulate's does) would repeat the seed difference.
  const where = firstDifference(withoutSeed(a), withoutSeed(b), 'config');
  if (where !== undefined) parts.push(`${where.path} differs ${both(where.a, where.b)}`);
  if (a.chunks !== b.chunks) parts.push(`chunks differ ${both(a.chunks, b.chunks)}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function withoutSeed(identity: RunIdentity): unknown {
  const config = identity.config;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return config;
  if (!sameJson((config as { seed?: unknown }).seed, identity.seed)) return config;
  const { seed: _, ...rest } = config as Record<string, unknown>;
  return rest;
}

function versionText(identity: RunIdentity): string {
  return `rl-objective ${identity.version?.package} format ${identity.version?.format}`;
}

function sameJson(x: unknown, y: unknown): boolean {
  return typeof x === typeof y && safeJson(x) === safeJson(y);
}

function firstDifference(
  x: unknown,
  y: unknown,
  path: string,
): { path: string; a: unknown; b: unknown } | undefined {
  if (sameJson(x, y)) return undefined;
  const bothObjects =
    typeof x === 'object' &&
    typeof y === 'object' &&
    x !== null &&
    y !== null &&
    Array.isArray(x) === Array.isArray(y);
  if (!bothObjects) return { path, a: x, b: y };
  if (Array.isArray(x) && Array.isArray(y) && x.length !== y.length) {
    return { path: `${path}.length`, a: x.length, b: y.length };
  }
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  for (const key of keys) {
    const xs = (x as Record<string, unknown>)[key];
    const ys = (y as Record<string, unknown>)[key];
    const sub = Array.isArray(x) ? `${path}[${key}]` : `${path}.${key}`;
    const found = firstDifference(xs, ys, sub);
    if (found !== undefined) return found;
  }
  return { path, a: x, b: y };
}

function safeJson(value: unknown): string {
  if (value === undefined) return 'absent';
  try {
    return canonicalJson(value);
  } catch {
    return String(value);
  }
}

function show(value: unknown): string {
  // Strings keep their quotes so that the seed '7' and the seed 7 read differently.
  const text = safeJson(value);
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return oneLine.length > SHOWN ? `${oneLine.slice(0, SHOWN - 1)}…` : oneLine;
}
