// Fuzzing of every spec parser (hardening): arbitrary text, near misses of valid specs
// and odd numbers. Contract: a valid value, or an InputError with a one-line message; never
// another exception, never a hang (vitest's per-test timeout is the hang detector; inputs are
// at most a few dozen characters and M <= 40, so a legitimate call takes microseconds).
// Deterministic: the seed comes from ../setup.ts, so the false-fail rate is 0.
import '../setup.ts';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseExpectation } from '../../src/audit/expect-objective.ts';
import { parseShard, shardChunks } from '../../src/checkpoint/shard.ts';
import { parseSpec } from '../../src/grammar/parse-spec.ts';
import { SpecReader } from '../../src/grammar/spec-reader.ts';
import { buildPolicy } from '../../src/policies/build-policy.ts';
import { parsePolicy } from '../../src/policies/parse-policy.ts';
import { parseSchemeSpec } from '../../src/schemes/resolve-scheme.ts';
import { scheme } from '../../src/schemes/scheme.ts';
import { target } from '../../src/targets/targets.ts';
import { anyJson, anyText, jsonNearMiss, specInput } from './arbitraries.ts';
import { expectClean } from './outcome.ts';
import { VALID } from './valid-inputs.ts';

const RUNS = 300;
const HANG = 30_000;

/** Group sizes: small valid ones and every kind of invalid number. */
const groupSize = fc.oneof(
  fc.integer({ min: 1, max: 40 }),
  fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53),
);

describe('spec parsers return a value or throw a one-line InputError', () => {
  it.prop([specInput(VALID.schemes)], { numRuns: RUNS })(
    'parseSpec',
    (text) => {
      const spec = expectClean(() => parseSpec(text, 'scheme'));
      if (spec) expect(spec.name).toMatch(/^[a-z][a-z0-9-]*$/);
    },
    HANG,
  );

  it.prop(
    [
      specInput(VALID.schemes),
      fc.array(
        fc.tuple(
          fc.constantFrom('number', 'required', 'choice', 'string'),
          fc.string({ maxLength: 6 }),
        ),
        {
          maxLength: 4,
        },
      ),
    ],
    { numRuns: RUNS },
  )(
    'SpecReader getters and done()',
    (text, asks) => {
      expectClean(() => {
        const reader = new SpecReader(parseSpec(text, 'scheme'), 'scheme');
        for (const [how, key] of asks) {
          if (how === 'number') reader.number(key, 1);
          else if (how === 'required') reader.requiredNumber(key);
          else if (how === 'choice') reader.choice(key, ['a', 'b'], 'a');
          else reader.string(key);
        }
        return reader.done();
      });
    },
    HANG,
  );

  it.prop([specInput(VALID.schemes)], { numRuns: RUNS })(
    'parseSchemeSpec (and its canonical form is a fixed point)',
    (text) => {
      const canonical = expectClean(() => parseSchemeSpec(text));
      if (canonical !== undefined) expect(parseSchemeSpec(canonical)).toBe(canonical);
    },
    HANG,
  );

  it.prop([specInput(VALID.schemes), groupSize], { numRuns: RUNS })(
    'scheme(spec, M)',
    (text, M) => {
      const s = expectClean(() => scheme(text, M));
      if (s) {
        expect(s.a).toHaveLength(M);
        expect(scheme(s.spec, M).spec).toBe(s.spec);
      }
    },
    HANG,
  );

  it.prop(
    [
      specInput(VALID.targets),
      fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(-1, 1.5, Number.NaN)),
    ],
    { numRuns: RUNS },
  )(
    'target(spec) and derivativeInBernstein(n)',
    (text, n) => {
      const t = expectClean(() => target(text));
      if (t) {
        expect(target(t.spec).spec).toBe(t.spec);
        expectClean(() => t.derivativeInBernstein(n));
      }
    },
    HANG,
  );

  it.prop([specInput(VALID.expectations)], { numRuns: RUNS })(
    'parseExpectation (--expect)',
    (text) => {
      const e = expectClean(() => parseExpectation(text));
      if (e) expect(e.tol).toBeGreaterThanOrEqual(0);
    },
    HANG,
  );

  it.prop([specInput(VALID.policies)], { numRuns: RUNS })(
    'parsePolicy short form and inline JSON, then buildPolicy',
    (text) => {
      const policy = expectClean(() => buildPolicy(parsePolicy(text)));
      if (policy) for (const prompt of policy.prompts) expect(prompt.p).toBeGreaterThanOrEqual(0);
    },
    HANG,
  );

  it.prop([fc.oneof(anyJson, jsonNearMiss(VALID.policyJson))], { numRuns: RUNS })(
    'parsePolicy of any JSON value and near misses of valid policy JSON',
    (value) => {
      // JSON.stringify writes no raw line breaks, so the one-line contract applies in full.
      expectClean(() => buildPolicy(parsePolicy(JSON.stringify(value) ?? 'null')));
    },
    HANG,
  );

  it.prop([specInput(VALID.shards)], { numRuns: RUNS })(
    'parseShard (--shard i/n), with line breaks too',
    (text) => {
      const shard = expectClean(() => parseShard(text));
      if (shard)
        expect(shardChunks(10, shard.i, shard.n).every((c) => c % shard.n === shard.i)).toBe(true);
    },
    HANG,
  );
});

// Regression (found by the hardening): messages echoed the input raw, so an input with a
// line terminator (\n, \r, U+2028, U+2029) gave a message of several lines. Input is now quoted
// with `quote` and every InputError message escapes control characters. The properties above
// cover it on random text; these insert a line break into near misses of valid specs, and start
// from fast-check's minimal counterexamples of the defect.
describe('messages stay on one line when the input has line breaks', () => {
  const withBreak = fc
    .tuple(specInput(VALID.schemes), fc.constantFrom('\n', '\r', '\u2028', '\u2029'), fc.nat())
    .map(
      ([text, br, at]) =>
        text.slice(0, at % (text.length + 1)) + br + text.slice(at % (text.length + 1)),
    );

  it.prop([withBreak], { numRuns: 50, examples: [['\r7reinforce']] })(
    'parseSpec',
    (text) => {
      expectClean(() => parseSpec(text, 'scheme'));
    },
    HANG,
  );

  it.prop([withBreak], { numRuns: 50, examples: [['\r7identity']] })(
    'target',
    (text) => {
      expectClean(() => target(text));
    },
    HANG,
  );

  it.prop([withBreak], { numRuns: 50, examples: [['a\u2028a']] })(
    'parsePolicy',
    (text) => {
      expectClean(() => parsePolicy(text));
    },
    HANG,
  );

  it.prop([withBreak], { numRuns: 50, examples: [['\r7arcsin:0.05']] })(
    'parseExpectation and scheme(spec, M)',
    (text) => {
      expectClean(() => parseExpectation(text));
      expectClean(() => scheme(text, 4));
    },
    HANG,
  );

  it.prop([anyText], { numRuns: RUNS })(
    'every parser, on any text',
    (text) => {
      expectClean(() => parseSpec(text, 'x'));
      expectClean(() => parseSchemeSpec(text));
      expectClean(() => scheme(text, 4));
      expectClean(() => target(text));
      expectClean(() => parseExpectation(text));
      expectClean(() => buildPolicy(parsePolicy(text)));
    },
    HANG,
  );

  it('the message quotes the input with its line break escaped', () => {
    expect(() => parseSpec('\r7reinforce', 'scheme')).toThrow(
      "scheme spec '\\r7reinforce': expected name[:key=value[,key=value]...], got name '7reinforce'",
    );
  });
});
