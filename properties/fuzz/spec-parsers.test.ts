// Fuzzing of every spec parser (issue 7, hardening): arbitrary text, near misses of valid specs
// and odd numbers. Contract: a valid value, or an InputError with a one-line message; never
// another exception, never a hang (vitest's per-test timeout is the hang detector; inputs are
// at most a few dozen characters and M <= 40, so a legitimate call takes microseconds).
// Deterministic: the seed comes from ../setup.ts, so the false-fail rate is 0.
import '../setup.ts';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseExpectation } from '../../src/audit/parse-expectation.ts';
import { parseShard } from '../../src/checkpoint/parse-shard.ts';
import { shardChunks } from '../../src/checkpoint/shard-chunks.ts';
import { target } from '../../src/objective/targets.ts';
import { buildPolicy } from '../../src/policies/build-policy.ts';
import { parsePolicy } from '../../src/policies/parse-policy.ts';
import { parseSchemeSpec } from '../../src/schemes/parse-scheme-spec.ts';
import { scheme } from '../../src/schemes/scheme-from-spec.ts';
import { parseSpec } from '../../src/spec/parse-spec.ts';
import { SpecReader } from '../../src/spec/spec-reader.ts';
import { anyJson, anyText, jsonNearMiss, specInput } from './arbitraries.ts';
import { expectClean, hasLineBreak } from './outcome.ts';
import { VALID } from './valid-inputs.ts';

const RUNS = 300;
const HANG = 30_000;

/** Group sizes: small valid ones and every kind of invalid number. */
const groupSize = fc.oneof(
  fc.integer({ min: 1, max: 40 }),
  fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53),
);

/** Text without a line terminator: the messages it causes must be one line. */
const oneLineOnly = (t: string) => !hasLineBreak(t);

describe('spec parsers return a value or throw a one-line InputError', () => {
  it.prop([specInput(VALID.schemes).filter(oneLineOnly)], { numRuns: RUNS })(
    'parseSpec',
    (text) => {
      const spec = expectClean(() => parseSpec(text, 'scheme'));
      if (spec) expect(spec.name).toMatch(/^[a-z][a-z0-9-]*$/);
    },
    HANG,
  );

  it.prop(
    [
      specInput(VALID.schemes).filter(oneLineOnly),
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

  it.prop([specInput(VALID.schemes).filter(oneLineOnly)], { numRuns: RUNS })(
    'parseSchemeSpec (and its canonical form is a fixed point)',
    (text) => {
      const canonical = expectClean(() => parseSchemeSpec(text));
      if (canonical !== undefined) expect(parseSchemeSpec(canonical)).toBe(canonical);
    },
    HANG,
  );

  it.prop([specInput(VALID.schemes).filter(oneLineOnly), groupSize], { numRuns: RUNS })(
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
      specInput(VALID.targets).filter(oneLineOnly),
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

  it.prop([specInput(VALID.expectations).filter(oneLineOnly)], { numRuns: RUNS })(
    'parseExpectation (--expect)',
    (text) => {
      const e = expectClean(() => parseExpectation(text));
      if (e) expect(e.tol).toBeGreaterThanOrEqual(0);
    },
    HANG,
  );

  it.prop([specInput(VALID.policies).filter(oneLineOnly)], { numRuns: RUNS })(
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

// Known defect (others' code, reported in issue 7's hardening work): messages echo the input
// raw, so an input that contains a line terminator (\n, \r, U+2028, U+2029) gives a message of
// several lines; the CLI then prints only its first line (or a \r that overwrites it). These
// properties state the contract and are expected to fail until the messages escape their
// input: `it.fails` turns green into red once fixed, as a reminder to drop `.fails`.
// Minimal counterexamples found by fast-check:
//   parseSpec('\r7reinforce', 'scheme')  -> "scheme spec '\r7reinforce': expected name..."
//   target('\r7identity'), parseExpectation('\r7arcsin:0.05') -> "target spec '\r7...'"
//   parsePolicy('a\u2028a')               -> "policy spec 'a\u2028a': expected name..."
describe('known defect: messages echo line breaks of the input', () => {
  const withBreak = fc
    .tuple(specInput(VALID.schemes), fc.constantFrom('\n', '\r', '\u2028', '\u2029'), fc.nat())
    .map(
      ([text, br, at]) =>
        text.slice(0, at % (text.length + 1)) + br + text.slice(at % (text.length + 1)),
    );

  it.fails.prop([withBreak], { numRuns: 50, examples: [['\r7reinforce']] })(
    'parseSpec keeps its message on one line',
    (text) => {
      expectClean(() => parseSpec(text, 'scheme'));
    },
    HANG,
  );

  it.fails.prop([withBreak], { numRuns: 50, examples: [['\r7identity']] })(
    'target keeps its message on one line',
    (text) => {
      expectClean(() => target(text));
    },
    HANG,
  );

  it.fails.prop([withBreak], { numRuns: 50, examples: [['a\u2028a']] })(
    'parsePolicy keeps its message on one line',
    (text) => {
      expectClean(() => parsePolicy(text));
    },
    HANG,
  );

  it.prop([anyText], { numRuns: RUNS })(
    'but every parser throws nothing other than InputError, line breaks or not',
    (text) => {
      const loose = <T>(call: () => T) => expectClean(call, false);
      loose(() => parseSpec(text, 'x'));
      loose(() => parseSchemeSpec(text));
      loose(() => scheme(text, 4));
      loose(() => target(text));
      loose(() => parseExpectation(text));
      loose(() => buildPolicy(parsePolicy(text)));
    },
    HANG,
  );
});
