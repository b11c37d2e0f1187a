import fc from 'fast-check';

/**
 * Input generators of the fuzz suite. Sizes are bounded (at most a few hundred characters or
 * bytes) so that every call is cheap: a hang shows up as vitest's test timeout, not as a slow run.
 */

/** Characters that matter to the spec grammar, JSON and numbers, plus whitespace and oddities. */
const SPEC_CHARS = [
  ...'abcdeiklmnopqrstvxyzABLMV0123456789',
  ...':=,;.-+_/@{}[]"\' \t\n\r',
  '\u2028',
  '\u00e9',
  '\u0000',
  'e',
  'E',
];

/** Arbitrary text: any UTF-16 (lone surrogates included), and text made of grammar characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...SPEC_CHARS), maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: fc.constantFrom(...SPEC_CHARS), minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '1e309',
      '-1',
      '0',
      'NaN',
      '1.5',
      '',
      '=',
      ',',
      ':',
      'x',
      '1e-400',
      '99999999999999999999',
    ),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
  }),
);

function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace': {
      // Replace the run of non-separator characters at `at` (a name, key or value).
      const start = text.slice(0, at).search(/[^:=,;]*$/);
      const rest = text.slice(at).search(/[:=,;]|$/);
      return text.slice(0, start) + m.text + text.slice(at + rest);
    }
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
  }
}

/** Near misses of valid inputs: 1 to 4 character-level mutations of one of `valid`. */
export function nearMiss(valid: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...valid), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, ms]) => ms.reduce(apply, text));
}

/** Valid inputs, near misses and arbitrary text, in about equal parts. */
export function specInput(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...valid), nearMiss(valid), anyText);
}

/** Any JSON value, with numbers that stress validators (huge, tiny, negative zero, integers). */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

/**
 * Near misses of valid JSON objects: one field replaced by any JSON value, removed, or joined
 * by an unknown field; nested objects are mutated too.
 */
export function jsonNearMiss(valid: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      fc.constantFrom(...valid),
      fc.array(fc.tuple(fc.nat(), fc.nat(3), anyJson), { minLength: 1, maxLength: 3 }),
    )
    .map(([value, edits]) =>
      edits.reduce(
        (v, [pick, how, replacement]) => mutate(v, pick, how, replacement),
        structuredClone(value),
      ),
    );
}

function mutate(value: unknown, pick: number, how: number, replacement: unknown): unknown {
  if (typeof value !== 'object' || value === null) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[pick % keys.length]!;
  const target = value as Record<string, unknown>;
  if (how === 0) target[key] = replacement;
  else if (how === 1) delete target[key];
  else if (how === 2) target[`extra${pick % 3}`] = replacement;
  else target[key] = mutate(target[key], Math.floor(pick / 7), pick % 3, replacement);
  return value;
}

/** Byte soup: arbitrary bytes, or text-like bytes around JSON punctuation and newlines. */
export const byteSoup: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .string({
      unit: fc.constantFrom(...'{}[]":,0123456789.eE-+ \n\r\ttrufalsn\u00e9\ufeff'),
      maxLength: 300,
    })
    .map((s) => new TextEncoder().encode(s)),
);
