import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../../test/support/cli/run-cli-async.ts';
import { testDir } from '../../test/support/files/test-dir.ts';
import { objective } from '../objective/objective-table.ts';
import { scheme } from '../schemes/scheme.ts';
import { auditLimit, auditTable } from './audit-report.ts';

// The audit's best fit in the incomplete-beta family and its large-M study (docs/theory.md §9), on
// F-GRPO as a user writes it (test/fixtures/audit/f-grpo.mjs, gamma = 1) and on verl's GRPO.

const fixtures = fileURLToPath(new URL('../../test/fixtures/audit/', import.meta.url));
const dir = testDir('rl-objective-beta-');

describe('audit: best beta fit', () => {
  it("a user's F-GRPO at M = 256: count form, the preset's tables and the preset's fit", async () => {
    const run = await runCliAsync([
      'audit',
      '--module',
      `${fixtures}f-grpo.mjs`,
      '--M',
      '256',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const [size] = JSON.parse(run.stdout).bySize;
    const preset = scheme('f-grpo:gamma=1', 256);
    const largest = Math.max(...preset.a.map(Math.abs), ...preset.b.map(Math.abs));
    // The user's code and the preset round differently: the tables agree to a few ulps.
    for (let s = 0; s < 256; s++) {
      expect(Math.abs(size.a[s] - preset.a[s]!)).toBeLessThanOrEqual(1e-13 * largest);
      expect(Math.abs(size.b[s] - preset.b[s]!)).toBeLessThanOrEqual(1e-13 * largest);
    }
    const { fit } = objective({ scheme: 'f-grpo:gamma=1', M: 256, grid: 101 });
    expect(Math.abs(size.fit.distance - fit!.distance)).toBeLessThan(1e-9);
    expect(Math.abs(size.fit.a / fit!.a - 1)).toBeLessThan(1e-6);
    expect(Math.abs(size.fit.b / fit!.b - 1)).toBeLessThan(1e-6);
    expect(size.fitReason).toBeNull();
    // The fitted member is not in the distances table (its distance is the fit's); nearest is a
    // named target, by the same distance.
    expect(Object.keys(size.distances).some((spec) => spec.startsWith('beta:'))).toBe(false);
    expect(size.nearest.name).toBe('passk:k=3');
    expect(size.nearest.distance).toBeGreaterThan(size.fit.distance);
  });

  it('verl GRPO --expect beta:a=0.5,b=0.5:0.03 is met at M = 1024 (exit 0) and not at M = 8 (exit 1)', async () => {
    const module = `${fixtures}verl-grpo.ts`;
    // Two arrangements per count are enough to fill the tables (the count-form check is not at
    // issue here) and keep the run short.
    const met = await runCliAsync([
      'audit',
      '--module',
      module,
      '--M',
      '1024',
      '--samples',
      '2',
      '--expect',
      'beta:a=0.5,b=0.5:0.03',
    ]);
    expect(met.status).toBe(0);
    expect(met.stdout).toMatch(/expect beta:a=0\.5,b=0\.5 within 0\.03: met/);
    expect(met.stdout).toMatch(
      /nearest named: arcsin \(0\.0\d+\); best beta fit: I_t\(0\.538, 0\.538\)/,
    );
    const missed = await runCliAsync([
      'audit',
      '--module',
      module,
      '--M',
      '8',
      '--expect',
      'beta:a=0.5,b=0.5:0.03',
    ]);
    expect(missed.status).toBe(1);
    expect(missed.stdout).toMatch(/M=8: distance to beta:a=0\.5,b=0\.5 is 0\.0871 > 0\.03/);
  });

  it('has no fit, with the reason, where some c_s < 0', () => {
    const file = join(dir, 'negative.json');
    writeFileSync(file, JSON.stringify({ M: 3, a: [0, 0, 0], b: [1, -2, 4] }));
    const [size] = auditTable(file).bySize;
    expect(size!.fit).toBeNull();
    expect(size!.fitReason).toMatch(/^c\[1\] = -2 < 0, so h_M need not be increasing/);
    expect(size!.nearest).not.toBeNull();
  });
});

describe('audit --limit', () => {
  it('reads the limit from the module, and compares each size with it and with the --expect target', async () => {
    const run = await runCliAsync([
      'audit',
      '--module',
      `${fixtures}f-grpo.mjs`,
      '--M',
      '64,16,256',
      '--limit',
      '--limit-m',
      '10000',
      '--expect',
      'beta:a=0.5,b=1.5:0.2',
      '--json',
    ]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.limit).toMatchObject({ M: 10000, kind: 'bounded', evaluations: 163 });
    // At M* = 10^4 the reading is coarser than at 10^6, still near I_t(1/2, 3/2).
    expect(Math.abs(json.limit.fit.a - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(json.limit.fit.b - 1.5)).toBeLessThan(0.03);
    expect(json.largeM.stated).toEqual({ text: 'the --expect target', target: 'beta:a=0.5,b=1.5' });
    expect(json.largeM.sizes.map((s: { M: number }) => s.M)).toEqual([16, 64, 256]);
    expect(json.largeM.successive.verdict).toBe('shrinking');
    expect(json.largeM.toStated.verdict).toBe('shrinking');
    const human = await runCliAsync([
      'audit',
      '--module',
      `${fixtures}f-grpo.mjs`,
      '--M',
      '16,64',
      '--limit',
      '--limit-m',
      '10000',
    ]);
    expect(human.stdout).toMatch(
      /large-M study of the audited weights\nlimit read from the weights of one group of M\* = 10000 \(163 groups\): bounded/,
    );
    expect(human.stdout).toMatch(/\nstated limit: none\n/);
    expect(human.stdout).toMatch(/successive objectives: cannot tell \(fewer than two distances\)/);
  });

  it('refuses --limit on a trace or a table, in one line, before any work', async () => {
    for (const source of [
      ['--traces', `${fixtures}trl-grpo-m8.jsonl`],
      ['--table', `${fixtures}verl-grpo-m4.json`],
    ]) {
      const run = await runCliAsync(['audit', ...source, '--limit']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        /^rl-objective: --limit reads the weights of one group of 1000000 responses, which a (trace|table) \(one group size\) cannot give; audit the code itself with --module or --python\n$/,
      );
    }
  });

  it('gives a size that is not count form no objective, with the reason', () => {
    const report = {
      countForm: false,
      violations: [],
      bySize: [
        auditTable(writeTable('t4.json', 4)).bySize[0]!,
        {
          ...auditTable(writeTable('t8.json', 8)).bySize[0]!,
          a: null,
          b: null,
          points: [],
          fitReason: 'not count form, so there is no h_M',
        },
      ],
    };
    const study = auditLimit(report, { points: 11 });
    expect(study.limit).toBeNull();
    expect(study.largeM.sizes[1]).toMatchObject({
      M: 8,
      fit: null,
      fitReason: 'not count form, so there is no h_M',
    });
  });
});

function writeTable(name: string, M: number): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ M, a: new Array(M).fill(0), b: new Array(M).fill(1) }));
  return file;
}
