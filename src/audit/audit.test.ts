import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { audit } from './audit.ts';
import { auditFunction } from './audit-function.ts';

// The entry point `audit`, called as a library user calls it (no CLI), on each kind of source.
// Deterministic (every reward pattern of M <= 16): false-fail rate 0.

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/audit/${name}`, import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'rl-objective-audit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('audit', () => {
  it('audits a function as auditFunction does, and adds the expectation and the large-M study', async () => {
    const reinforce = (rewards: number[]) => rewards;
    const result = await audit(reinforce, {
      M: [4, 8],
      expect: 'identity:1e-9',
      limit: true,
      limitM: 10000,
    });
    const { expectation, limit, largeM, ...report } = result;
    expect(report).toEqual(await auditFunction(reinforce, { M: [4, 8] }));
    expect(expectation).toMatchObject({ target: 'identity', tol: 1e-9, met: true });
    expect(largeM!.sizes.map((s) => s.M)).toEqual([4, 8]);
    // REINFORCE's limit, read at one group of 10^4, is the identity, exactly.
    expect(limit).toMatchObject({ kind: 'bounded', exact: { target: 'identity' } });
    // Without them, the result is the bare report, as `audit --json` prints it.
    expect(Object.keys(await audit(reinforce, { M: 4 }))).toEqual([
      'countForm',
      'violations',
      'bySize',
    ]);
  });

  it('reads a module, a trace and a table, and writes the report with its provenance', async () => {
    const module = await audit({ module: fixture('reinforce.mjs') }, { M: 3 });
    expect(module.bySize[0]!.b).toEqual([1, 1, 1]);
    const traces = await audit({ traces: fixture('trl-grpo-m8.jsonl') }, { expect: 'arcsin:0.2' });
    expect(traces.countForm).toBe(true);
    expect(traces.expectation?.target).toBe('arcsin');
    const out = join(root, 'report');
    const table = await audit({ table: fixture('verl-grpo-m4.json') }, { out, seed: 3 });
    expect(table.bySize[0]!.M).toBe(4);
    const written = JSON.parse(readFileSync(join(out, 'agreement.json'), 'utf8'));
    expect(written.checks[0].scheme).toBe(`table ${fixture('verl-grpo-m4.json')}`);
    expect(written.seed).toBe(3);
  });

  it('checks its options before it loads a module', async () => {
    const missing = join(root, 'missing.mjs');
    await expect(audit({ module: missing })).rejects.toThrow('M: give at least one group size');
    await expect(audit({ module: missing }, { M: 4, expect: 'sine' })).rejects.toThrow(InputError);
    await expect(audit({ module: missing }, { M: 4 })).rejects.toThrow(/file not found/);
  });
});
