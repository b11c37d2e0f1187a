import { InputError } from '../errors/index.ts';

/** A JSON value: what {@link canonicalJson} accepts and what `JSON.parse` returns. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Deeper nesting than this is refused: configs and chunk results are a few levels deep. */
export const MAX_JSON_DEPTH = 256;

/**
 * The canonical JSON text of `value`: object keys sorted by UTF-16 code unit at every level, no
 * whitespace, numbers as `JSON.stringify` writes them (shortest round-trip form). Two values have
 * the same canonical text exactly when they are the same JSON value, whatever the key order they
 * were built with, so the text can be hashed into a fingerprint.
 *
 * Only lossless JSON is accepted: NaN, ±Infinity and `-0` (which `JSON.stringify` silently turns
 * into `null` or `0`), `undefined`, functions, symbols, bigints, class instances other than plain
 * objects and arrays, and nesting deeper than {@link MAX_JSON_DEPTH} throw an {@link InputError}
 * naming the path (e.g. `config.policy.p`). Encode special floats first (`floatCodec`).
 *
 * @param value the value to write
 * @param what what the value is, for error messages (e.g. `config`)
 */
export function canonicalJson(value: unknown, what = 'value'): string {
  return write(value, what, 0);
}

function write(value: unknown, path: string, depth: number): string {
  if (depth > MAX_JSON_DEPTH) {
    throw new InputError(`${path}: nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) {
      throw new InputError(
        `${path}: ${String(Object.is(value, -0) ? '-0' : value)} is not lossless JSON`,
      );
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => write(item, `${path}[${i}]`, depth + 1)).join(',')}]`;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => {
        const item = (value as Record<string, unknown>)[key];
        return `${JSON.stringify(key)}:${write(item, `${path}.${key}`, depth + 1)}`;
      });
    return `{${entries.join(',')}}`;
  }
  throw new InputError(`${path}: a ${describe(value)} is not JSON`);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}
