import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { auditTable, auditTraces } from '../../src/audit/index.ts';
import {
  loadCheckpoint,
  openCheckpoint,
  readPartial,
  recordChunk,
  runIdentity,
  writePartial,
} from '../../src/checkpoint/index.ts';
import { buildPolicy, parsePolicy } from '../../src/policies/index.ts';
import { readTableFile } from '../../src/schemes/index.ts';
import { anyJson, byteSoup, jsonNearMiss } from './arbitraries.ts';
import { expectClean, expectCleanAsync } from './outcome.ts';

const one = process.argv[2] === 'one';
const dir = mkdtempSync(join(tmpdir(), 'fz-'));
const file = join(dir, 'f');
const content = fc.oneof(
  byteSoup,
  anyJson.map((v) => new TextEncoder().encode(JSON.stringify(v) ?? '')),
  jsonNearMiss([
    { M: 2, a: [0, 0], b: [1, 1] },
    { rewards: [0, 1], advantages: [-1, 1] },
    { kind: 'bernoulli', p: 0.5 },
  ]).map((v) => new TextEncoder().encode(JSON.stringify(v) ?? '')),
  fc
    .array(
      jsonNearMiss([
        { rewards: [0, 1], advantages: [-1, 1] },
        { rewards: [1, 1, 0], advantages: [0.5, 0.5, -1] },
      ]),
      { maxLength: 6 },
    )
    .map((vs) => new TextEncoder().encode(vs.map((v) => JSON.stringify(v)).join('\n'))),
);
const run = async (
  name: string,
  f: (b: Uint8Array) => Promise<unknown> | unknown,
  numRuns = 1500,
) => {
  const r = await fc.check(
    fc.asyncProperty(content, async (b) => {
      writeFileSync(file, b);
      await f(b);
    }),
    { numRuns, seed: 2 },
  );
  console.log(
    name,
    r.failed
      ? `FAIL ${JSON.stringify(Buffer.from(r.counterexample![0]).toString('latin1'))} ${String(r.errorInstance).slice(0, 300)}`
      : 'ok',
  );
};
await run('auditTraces', () => expectCleanAsync(() => auditTraces(file), one));
await run('auditTable', () => expectClean(() => auditTable(file), one));
await run('readTableFile', () => expectClean(() => readTableFile(file), one));
await run('policy@file', () => expectClean(() => buildPolicy(parsePolicy(`@${file}`)), one));
// checkpoint: a valid checkpoint whose run.json or chunk file is replaced by the content.
const id = runIdentity({ kind: 'k', config: { a: 1 }, seed: 1, chunks: 3 });
const ck = join(dir, 'ck');
openCheckpoint(ck, id);
recordChunk(ck, 0, { x: 1 });
const validRun = JSON.parse((await import('node:fs')).readFileSync(join(ck, 'run.json'), 'utf8'));
const r1 = await fc.check(
  fc.asyncProperty(
    fc.oneof(
      content,
      jsonNearMiss([validRun]).map((v) => new TextEncoder().encode(JSON.stringify(v) ?? '')),
    ),
    fc.boolean(),
    async (b, which) => {
      const d = join(dir, 'c' + Math.random());
      openCheckpoint(d, id);
      recordChunk(d, 1, { y: 2 });
      writeFileSync(join(d, which ? 'run.json' : 'chunk-000001.json'), b);
      expectClean(() => loadCheckpoint(d, id), one);
    },
  ),
  { numRuns: 800, seed: 3 },
);
console.log(
  'loadCheckpoint',
  r1.failed
    ? `FAIL ${String(r1.errorInstance).slice(0, 300)} ${JSON.stringify(r1.counterexample)}`
    : 'ok',
);
const pdir = join(dir, 'p');
writePartial(pdir, { identity: id, shard: { i: 0, n: 2 }, chunks: { 0: 1, 2: 2 } });
const validPart = JSON.parse(
  (await import('node:fs')).readFileSync(join(pdir, 'partial.json'), 'utf8'),
);
await run('readPartial', () => expectClean(() => readPartial(file), one));
const r2 = await fc.check(
  fc.property(jsonNearMiss([validPart]), (v) => {
    writeFileSync(file, JSON.stringify(v) ?? '');
    expectClean(() => readPartial(file), one);
  }),
  { numRuns: 1500, seed: 4 },
);
console.log(
  'readPartial near',
  r2.failed
    ? `FAIL ${String(r2.errorInstance).slice(0, 300)} ${JSON.stringify(r2.counterexample)}`
    : 'ok',
);
