// Fuzzing of every JSON and JSONL reader (issue 7, hardening): byte soup, any JSON value, near
// misses of valid files, written to a temp file and read back through the public reader.
// Contract: a valid value, or an InputError with a one-line message; never another exception,
// never a hang (vitest's per-test timeout is the hang detector; files are at most a few hundred
// bytes). Deterministic: the seed comes from ../setup.ts, so the false-fail rate is 0.
import '../setup.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { auditTable } from '../../src/audit/audit-table.ts';
import { auditTraces } from '../../src/audit/audit-traces.ts';
import { parseTraceLine } from '../../src/audit/parse-trace-line.ts';
import { loadCheckpoint } from '../../src/checkpoint/load-checkpoint.ts';
import { mergeParts } from '../../src/checkpoint/merge-parts.ts';
import { openCheckpoint } from '../../src/checkpoint/open-checkpoint.ts';
import { readPartial } from '../../src/checkpoint/read-partial.ts';
import { recordChunk } from '../../src/checkpoint/record-chunk.ts';
import { runIdentity } from '../../src/checkpoint/run-identity.ts';
import { writePartial } from '../../src/checkpoint/write-partial.ts';
import { buildPolicy } from '../../src/policies/build-policy.ts';
import { parsePolicy } from '../../src/policies/parse-policy.ts';
import { readTableFile } from '../../src/schemes/read-table-file.ts';
import { anyJson, anyText, byteSoup, jsonNearMiss } from './arbitraries.ts';
import { expectClean, expectCleanAsync, hasLineBreak } from './outcome.ts';
import { VALID } from './valid-inputs.ts';

const RUNS = 200;
const HANG = 30_000;
const root = mkdtempSync(join(tmpdir(), 'rl-objective-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = join(root, 'input');
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) ?? '');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** File contents: byte soup, any JSON value, near misses of `valid`, one JSON value per line. */
function contents(valid: readonly unknown[]): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    byteSoup,
    anyJson.map(encode),
    jsonNearMiss(valid).map(encode),
    fc
      .array(fc.oneof(jsonNearMiss(valid), fc.constantFrom(...valid)), { maxLength: 5 })
      .map((vs) => new TextEncoder().encode(vs.map((v) => JSON.stringify(v)).join('\n'))),
  );
}

describe('JSON and JSONL readers return a value or throw a one-line InputError', () => {
  it.prop(
    [
      fc.oneof(
        anyText,
        anyJson.map((v) => JSON.stringify(v) ?? ''),
        jsonNearMiss(VALID.traceGroups).map((v) => JSON.stringify(v) ?? ''),
      ),
    ],
    { numRuns: RUNS },
  )(
    'parseTraceLine (one line of a trace: no line terminator inside)',
    (line) => {
      fc.pre(!hasLineBreak(line));
      const group = expectClean(() => parseTraceLine(line, 1, 'traces.jsonl'));
      if (group) expect(group.advantages).toHaveLength(group.rewards.length);
    },
    HANG,
  );

  it.prop([contents(VALID.traceGroups)], { numRuns: RUNS })(
    'auditTraces (JSONL file)',
    async (bytes) => {
      fc.pre(!/[\u2028\u2029]/.test(text(bytes)));
      writeFileSync(file, bytes);
      await expectCleanAsync(() => auditTraces(file));
    },
    HANG,
  );

  it.prop([contents(VALID.tables)], { numRuns: RUNS })(
    'readTableFile and auditTable (table JSON file)',
    (bytes) => {
      fc.pre(!hasLineBreak(text(bytes)));
      writeFileSync(file, bytes);
      const table = expectClean(() => readTableFile(file));
      if (table) expect(table.a).toHaveLength(table.M);
      expectClean(() => auditTable(file));
    },
    HANG,
  );

  it.prop([contents(VALID.policyJson)], { numRuns: RUNS })(
    'parsePolicy(@file) then buildPolicy',
    (bytes) => {
      fc.pre(!hasLineBreak(text(bytes)));
      writeFileSync(file, bytes);
      expectClean(() => buildPolicy(parsePolicy(`@${file}`)));
    },
    HANG,
  );
});

describe('checkpoint readers, line breaks included', () => {
  const identity = runIdentity({
    kind: 'fuzz',
    config: { scheme: 'rloo', M: 4 },
    seed: 1,
    chunks: 3,
  });
  const dir = join(root, 'checkpoint');
  openCheckpoint(dir, identity);
  recordChunk(dir, 1, { n: 2, mean: [0.5] });
  const validRun = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
  const validChunk = JSON.parse(readFileSync(join(dir, 'chunk-000001.json'), 'utf8'));
  const partDir = join(root, 'part');
  writePartial(partDir, { identity, shard: { i: 0, n: 2 }, chunks: { 0: 'a', 2: 'c' } });
  const validPart = JSON.parse(readFileSync(join(partDir, 'partial.json'), 'utf8'));

  it.prop(
    [
      fc.constantFrom('run.json', 'chunk-000001.json', 'chunk-000002.json'),
      contents([validRun, validChunk]),
    ],
    {
      numRuns: RUNS,
    },
  )(
    'loadCheckpoint with one file replaced',
    (name, bytes) => {
      const before = readFileSync(join(dir, name === 'run.json' ? name : 'chunk-000001.json'));
      writeFileSync(join(dir, name), bytes);
      try {
        const checkpoint = expectClean(() => loadCheckpoint(dir, identity));
        if (checkpoint) expect(checkpoint.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      } finally {
        rmSync(join(dir, 'chunk-000002.json'), { force: true });
        writeFileSync(join(dir, name === 'run.json' ? name : 'chunk-000001.json'), before);
      }
    },
    HANG,
  );

  it.prop([contents([validPart])], { numRuns: RUNS })(
    'readPartial, then mergeParts with a valid part',
    (bytes) => {
      writeFileSync(file, bytes);
      const part = expectClean(() => readPartial(file));
      if (part) expectClean(() => mergeParts([readPartial(partDir), part]));
    },
    HANG,
  );
});

// Known defect (others' code): readers quote the JSON parser's message, which quotes the
// offending text raw, so a file with a line break near a syntax error gives a message of several
// lines (the CLI prints only the first; a \r overwrites it). `it.fails` turns red once fixed.
// Minimal counterexamples found by fast-check:
//   readTableFile(file containing "\ne")     -> "table file '...': malformed JSON (Unexpected token 'e', \"\ne\" is not valid JSON)"
//   parsePolicy('@' + file containing "\re") -> "policy JSON (@...): Unexpected token 'e', \"\re\" is not valid JSON"
//   parseTraceLine('\u2028a', 1, 'f')        -> "traces 'f' line 1: not valid JSON (Unexpected token ' ', \"\u2028a\" is not valid JSON)"
describe('known defect: messages quote line breaks of the file', () => {
  it.fails('readTableFile keeps its message on one line', () => {
    writeFileSync(file, '\ne');
    expectClean(() => readTableFile(file));
  });

  it.fails('parsePolicy(@file) keeps its message on one line', () => {
    writeFileSync(file, '\re');
    expectClean(() => parsePolicy(`@${file}`));
  });

  it.fails('parseTraceLine keeps its message on one line', () => {
    expectClean(() => parseTraceLine('\u2028a', 1, 'f'));
  });

  it.prop([byteSoup], { numRuns: RUNS })(
    'but they throw nothing other than InputError, line breaks or not',
    async (bytes) => {
      writeFileSync(file, bytes);
      expectClean(() => readTableFile(file), false);
      expectClean(() => buildPolicy(parsePolicy(`@${file}`)), false);
      await expectCleanAsync(() => auditTraces(file), false);
    },
    HANG,
  );
});
