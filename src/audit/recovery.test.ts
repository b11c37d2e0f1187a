import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chenPassk,
  dapoFilter,
  openrlhf,
  pkpo,
  sampleGroups,
  traceJsonl,
  trlGrpo,
  verlGrpo,
  verlGrpoPassk,
} from '../../test/conventions/index.ts';
import { testDir } from '../../test/support/files/test-dir.ts';
import { scheme } from '../schemes/scheme.ts';
import { auditTraces } from './audit-traces.ts';

// Recovery (issue acceptance): traces written by our own re-implementations of the docs/theory.md §7
// conventions, audited from JSONL, give back the catalogue presets' tables. The generators are
// written from docs/theory.md §7 and the trainers' code paths, never by calling the catalogue.

type Batch = (groups: number[][]) => number[][];
const perGroup =
  (fn: (rewards: readonly number[]) => number[]): Batch =>
  (groups) =>
    groups.map(fn);

interface Case {
  readonly preset: string;
  readonly convention: Batch;
  readonly sizes: readonly number[];
}

const CASES: readonly Case[] = [
  { preset: 'verl-grpo', convention: perGroup((r) => verlGrpo(r)), sizes: [1, 2, 5, 8, 16] },
  {
    preset: 'verl-grpo:norm-by-std=false',
    convention: perGroup((r) => verlGrpo(r, { normAdvByStdInGrpo: false })),
    sizes: [2, 8],
  },
  { preset: 'verl-grpo-passk', convention: perGroup((r) => verlGrpoPassk(r)), sizes: [2, 5, 8] },
  {
    preset: 'verl-grpo-passk:norm-by-std=false',
    convention: perGroup((r) => verlGrpoPassk(r, { normAdvByStdInGrpo: false })),
    sizes: [2, 8],
  },
  {
    preset: 'trl-grpo',
    convention: (g) => trlGrpo(g, { scaleRewards: 'group' }),
    sizes: [2, 8, 16],
  },
  {
    preset: 'trl-grpo:scale-rewards=none',
    convention: (g) => trlGrpo(g, { scaleRewards: 'none' }),
    sizes: [2, 8],
  },
  {
    preset: 'openrlhf-group-norm',
    convention: perGroup((r) => openrlhf(r, 'group_norm')),
    sizes: [2, 8, 16],
  },
  { preset: 'rloo', convention: perGroup((r) => openrlhf(r, 'rloo')), sizes: [2, 5, 8] },
  { preset: 'dr-grpo', convention: perGroup((r) => openrlhf(r, 'dr_grpo')), sizes: [2, 8] },
  ...[2, 3].map((k) => ({
    preset: `pkpo:k=${k}`,
    convention: perGroup((r) => pkpo(r, k)),
    sizes: [3, 8],
  })),
  ...[1, 2, 4].map((k) => ({
    preset: `chen-passk:k=${k}`,
    convention: perGroup((r) => chenPassk(r, k)),
    sizes: [4, 8],
  })),
  {
    preset: 'reinforce:filter=dapo',
    convention: perGroup(dapoFilter((r) => [...r])),
    sizes: [2, 8],
  },
  {
    preset: 'verl-grpo:filter=dapo',
    convention: perGroup(dapoFilter((r) => verlGrpo(r))),
    sizes: [3, 8],
  },
];

const dir = testDir('rl-objective-recovery-');

/** Writes a trace of `count` groups per size, all sizes mixed in one file, extra fields included. */
function writeTrace(name: string, convention: Batch, sizes: readonly number[]): string {
  const file = join(dir, `${name.replaceAll(/[:=,]/g, '_')}.jsonl`);
  const text = sizes
    .map((M) => {
      const groups = sampleGroups(M, 1500, `recovery/${name}`);
      return traceJsonl(groups, convention(groups), (n) => ({ prompt: `p${n}`, step: 7 }));
    })
    .join('');
  writeFileSync(file, text);
  return file;
}

/** max |recovered - preset| over a and b, relative to the preset's largest |entry|. */
function relativeError(recovered: readonly (number | null)[], preset: readonly number[]): number {
  const scale = Math.max(...preset.map(Math.abs), Number.MIN_VALUE);
  return Math.max(...preset.map((x, s) => Math.abs((recovered[s] ?? Number.NaN) - x) / scale));
}

describe('recovery of the §7 presets from traces of independent re-implementations', () => {
  it.each(CASES)('$preset', async ({ preset, convention, sizes }) => {
    const report = await auditTraces(writeTrace(preset, convention, sizes));
    expect(report.countForm).toBe(true);
    expect(report.violations).toEqual([]);
    expect(report.bySize.map((s) => s.M)).toEqual([...sizes]);
    for (const size of report.bySize) {
      const expected = scheme(preset, size.M);
      // 1500 groups with t ~ U(0,1) reach every cell at these sizes (deterministic seeds).
      expect(size.coverage.missing).toEqual([]);
      expect(relativeError(size.a!, expected.a)).toBeLessThanOrEqual(1e-9);
      expect(relativeError(size.b!, expected.b)).toBeLessThanOrEqual(1e-9);
      expect(size.points.length).toBe(101);
      // chen-passk:k=4 at M = 4 gives every group weight 0 (M - K < k or K = 0): h_M = 0, which
      // is no target's affine image; every other size has a nearest target.
      const flat = expected.c.every((c) => c === 0);
      expect(size.nearest === null).toBe(flat);
    }
  });

  it('fails against a deliberately different preset (the comparison can fail)', async () => {
    const report = await auditTraces(writeTrace('trl-vs-verl', (g) => trlGrpo(g), [8]));
    // TRL's eps 1e-4 against verl's 1e-6: a relative difference of about 1e-4 in b.
    expect(relativeError(report.bySize[0]!.b!, scheme('verl-grpo', 8).b)).toBeGreaterThan(1e-9);
  });

  it('DAPO with the filtered groups dropped from the dump: a[0] and b[M-1] are never observed', async () => {
    const drop: Batch = (groups) => groups.map((r) => verlGrpo(r));
    const M = 6;
    const kept = sampleGroups(M, 1500, 'dapo-dropped').filter((g) => {
      const K = g.reduce((x, y) => x + y, 0);
      return K > 0 && K < M;
    });
    const file = join(dir, 'dapo-dropped.jsonl');
    writeFileSync(file, traceJsonl(kept, drop(kept)));
    const report = await auditTraces(file);
    const [size] = report.bySize;
    expect(report.countForm).toBe(true);
    expect(size!.coverage).toEqual({ observed: 10, total: 12, missing: ['a[0]', 'b[5]'] });
    expect(size!.a![0]).toBeNull();
    expect(size!.b![M - 1]).toBeNull();
    expect(size!.nearest).toBeNull();
    expect(size!.distances).toBeNull();
    expect(size!.points).toEqual([]);
    const preset = scheme('verl-grpo:filter=dapo', M);
    expect(relativeError(size!.a!.slice(1), preset.a.slice(1))).toBeLessThanOrEqual(1e-9);
    expect(relativeError(size!.b!.slice(0, M - 1), preset.b.slice(0, M - 1))).toBeLessThanOrEqual(
      1e-9,
    );
  });
});
