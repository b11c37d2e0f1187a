import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  drGrpo,
  gradedFixtureTraces,
  grpoPopulation,
  normalizeThenSum,
} from '../../test/fixtures/graded-audit/graded-fixture-traces.ts';
import { testDir } from '../../test/support/files/test-dir.ts';
import { gradedObjective } from '../graded/index.ts';
import { binomialPmfUnchecked } from '../math/index.ts';
import { auditFunction } from './audit-function.ts';
import { auditTraces } from './audit-traces.ts';
import { auditClasses, type ClassAuditResult, usesRewardClasses } from './class-audit.ts';
import { interiorPoints } from './class-audit-report.ts';

// The audit on reward classes (docs/theory.md §10) against the field of the same scheme computed
// from its spec by src/graded: the recovered weights must give the same W at the same points.

const FIX = fileURLToPath(new URL('../../test/fixtures/graded-audit/', import.meta.url));
const dir = testDir('rl-objective-class-audit-');
let files = 0;
function trace(text: string): string {
  const file = join(dir, `t${files++}.jsonl`);
  writeFileSync(file, text);
  return file;
}

/** The field of the only size of a result, asserting it has one. */
function field(result: ClassAuditResult) {
  expect(result.bySize).toHaveLength(1);
  const { field } = result.bySize[0]!;
  expect(field).not.toBeNull();
  return field!;
}

/** `|x - y| <= tol max(1, |y|)` entry by entry. */
function expectClose(x: readonly number[], y: readonly number[], tol: number): void {
  expect(x).toHaveLength(y.length);
  x.forEach((v, i) => {
    expect(Math.abs(v - y[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(y[i]!)));
  });
}

describe('auditClasses on traces', () => {
  it('the committed example traces are what gradedFixtureTraces() writes', () => {
    for (const [name, text] of Object.entries(gradedFixtureTraces())) {
      expect(readFileSync(`${FIX}${name}`, 'utf8')).toBe(text);
    }
  });

  it('graded GRPO (population std, M = 8, 200 groups): count form, not closed, no J, the large-M reading', async () => {
    const result = await auditClasses({ traces: `${FIX}grpo-levels-m8.jsonl` }, {});
    expect(result).toMatchObject({ classes: 'levels=0,0.5,1', inferred: true, countForm: true });
    expect(result.closed).toBe(false);
    const f = field(result);
    expect(f.closed).toBe(false);
    expect(f.objective).toBeUndefined();
    expect(f.points.every((p) => p.J === undefined)).toBe(true);
    expect(f.reading).toMatch(/ascent on E\[r\] with step 1\/sigma\(q\) per prompt/);
    const spec = gradedObjective({
      scheme: 'grpo:eps=1e-6',
      M: 8,
      levels: [0, 0.5, 1],
      q: interiorPoints(3),
    });
    f.points.forEach((p, i) => {
      expectClose(p.W, spec.points[i]!.W, 1e-12);
      expectClose([p.kappa!], [spec.points[i]!.kappa!], 1e-9);
    });
    expect(Math.abs(f.circulation - spec.circulation)).toBeLessThan(1e-12);
  });

  it('graded Dr. GRPO: closed, J = (1 - 1/M) E[r]', async () => {
    const result = await auditClasses(
      { traces: `${FIX}dr-grpo-levels-m8.jsonl` },
      { levels: [0, 0.5, 1] },
    );
    expect(result).toMatchObject({ inferred: false, countForm: true, closed: true });
    const { objective } = field(result);
    expect(objective?.form).toBe('mean-reward');
    expect(objective!.factor!).toBeCloseTo(1 - 1 / 8, 12);
  });

  it('TRL normalize_then_sum standardized over each batch: count form up to a factor per batch, closed, separable, the same f_k up to one factor', async () => {
    const result = await auditClasses({ traces: `${FIX}gdpo-batch-std-m4.jsonl` }, {});
    expect(result.countForm).toBe(false);
    expect(result.violations.length).toBeGreaterThan(0);
    expect(result.batchFactor).toMatchObject({ batches: 40, reference: '0' });
    expect(result.batchFactor!.smallest).toBeLessThan(1);
    expect(result.batchFactor!.largest).toBeGreaterThan(1);
    const { closed, objective } = field(result);
    expect(closed).toBe(true);
    expect(objective?.form).toBe('separable');
    const spec = gradedObjective({
      scheme: 'trl-grpo:aggregation=normalize_then_sum',
      M: 4,
      rewardFunctions: 2,
      q: [[0.25, 0.25, 0.25, 0.25]],
    });
    const expected = spec.objective!.functions!;
    // The audited tables are batch 0's scale: one factor for both functions.
    const ratio = objective!.functions![0]!.c[0]! / expected[0]!.c[0]!;
    objective!.functions!.forEach((part, k) => {
      expectClose(
        part.c,
        expected[k]!.c.map((c) => ratio * c),
        1e-9,
      );
      expect(part.nearest?.name).toBe(expected[k]!.nearest?.name);
    });
  });

  it('mutants of the batch factor: a batch with a negative factor, a weight off within one batch, a batch that names no cell of the others', async () => {
    const lines = readFileSync(`${FIX}gdpo-batch-std-m4.jsonl`, 'utf8').trim().split('\n');
    const edit = (pick: (b: number, n: number) => boolean, change: (a: number[]) => number[]) =>
      lines
        .map((line, n) => {
          const group = JSON.parse(line);
          return JSON.stringify(
            pick(group.batch, n) ? { ...group, advantages: change(group.advantages) } : group,
          );
        })
        .join('\n');
    const negative = await auditClasses(
      {
        traces: trace(
          edit(
            (b) => b === 3,
            (a) => a.map((x) => -x),
          ),
        ),
      },
      {},
    );
    expect(negative.batchFactor).toBeUndefined();
    expect(negative.batchFactorReason).toMatch(/batch 3 .* not positive/);
    expect(negative.bySize[0]!.field).toBeNull();
    const off = await auditClasses(
      {
        traces: trace(
          edit(
            (_, n) => n === 20,
            (a) => [a[0]! * 1.01, ...a.slice(1)],
          ),
        ),
      },
      {},
    );
    expect(off.batchFactorReason).toMatch(/within batch 1|no single factor per batch/);
    const lonely = `${lines.join('\n')}\n${JSON.stringify({
      batch: 'x',
      rewards: [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      advantages: [0, 0, 0, 0.1],
    })}\n`;
    const unlinked = await auditClasses({ traces: trace(lonely) }, {});
    expect(unlinked.countForm).toBe(false);
    expect(unlinked.batchFactorReason).toBeDefined();
  });

  it('a trace too short to observe every cell: count form, no field verdict, the missing cells named', async () => {
    const groups = [
      [0, 0.5, 1, 1],
      [0, 0, 0.5, 1],
    ];
    const text = groups
      .map((r) => JSON.stringify({ rewards: r, advantages: drGrpo(r) }))
      .join('\n');
    const result = await auditClasses({ traces: trace(text) }, { expect: 'closed' });
    expect(result.countForm).toBe(true);
    expect(result.closed).toBeNull();
    expect(result.expectation).toEqual({ expect: 'closed', met: null });
    const [size] = result.bySize;
    expect(size!.field).toBeNull();
    expect(size!.fieldReason).toMatch(/cells were never observed/);
    expect(size!.coverage.missing[0]).toMatch(/^class 0 with the others' counts/);
  });

  it('a binary trace is left to the binary audit; graded rewards, vectors or declared classes are not', async () => {
    const binary = trace('{"rewards": [1, 0], "advantages": [0.5, -0.5]}\n');
    expect(await usesRewardClasses({ traces: binary }, {})).toBe(false);
    expect(await usesRewardClasses({ traces: binary }, { levels: [0, 1] })).toBe(true);
    expect(await usesRewardClasses({ traces: `${FIX}grpo-levels-m8.jsonl` }, {})).toBe(true);
    expect(await usesRewardClasses({ traces: `${FIX}gdpo-batch-std-m4.jsonl` }, {})).toBe(true);
    expect(await usesRewardClasses({ traces: join(dir, 'missing.jsonl') }, {})).toBe(false);
  });
});

describe('auditClasses on code', () => {
  it('a user-written GDPO module (d = 2, M x 2 rows): closed and separable, each f_k the binary h of TRL normalization', async () => {
    const result = await auditClasses({ module: `${FIX}gdpo.ts` }, { rewardFunctions: 2, M: 6 });
    expect(result.countForm).toBe(true);
    const { closed, objective } = field(result);
    expect(closed).toBe(true);
    expect(objective?.form).toBe('separable');
    const spec = gradedObjective({
      scheme: 'trl-grpo:aggregation=normalize_then_sum',
      M: 6,
      rewardFunctions: 2,
      q: [[0.25, 0.25, 0.25, 0.25]],
    });
    objective!.functions!.forEach((part, k) => {
      expectClose(part.c, spec.objective!.functions![k]!.c, 1e-12);
      expect(part.nearest?.name).toBe('identity');
    });
  });

  it('TRL sum_then_normalize with d = 2: not closed, the same field as the scheme', async () => {
    const result = await auditClasses(
      { module: `${FIX}trl-sum-then-normalize.ts` },
      { rewardFunctions: 2, M: 6 },
    );
    const f = field(result);
    expect(f.closed).toBe(false);
    const spec = gradedObjective({
      scheme: 'trl-grpo',
      M: 6,
      rewardFunctions: 2,
      q: interiorPoints(4),
    });
    f.points.forEach((p, i) => {
      expectClose(p.W, spec.points[i]!.W, 1e-12);
    });
  });

  it('mutant: a weight that depends on the response index is not count form, the two patterns and weights named', async () => {
    const result = await auditClasses(
      { module: `${FIX}position-weighted.ts` },
      { levels: [0, 0.5, 1], M: 4 },
    );
    expect(result.countForm).toBe(false);
    expect(result.closed).toBeNull();
    const within = result.violations.find((v) => /position in the group/.test(v.reason))!;
    expect(within.reason).toMatch(
      /^class \S+ with the others' counts \(0: \d, 0\.5: \d, 1: \d\): response \d of pattern \[[^\]]+\] got \S+ but response \d of pattern \[[^\]]+\] got \S+/,
    );
    expect(within.values).toHaveLength(2);
    expect(within.values[0]).not.toBe(within.values[1]);
  });

  it('mutant: a weight that is not finite is a violation naming it', async () => {
    const result = await auditClasses(
      (r) => grpoPopulation(r as number[]).map((z) => (z === 0 ? Number.NaN : z)),
      { levels: [0, 0.5, 1], M: 3 },
    );
    expect(result.countForm).toBe(false);
    expect(result.violations.some((v) => /must be a finite number/.test(v.reason))).toBe(true);
  });

  it("two classes at levels 0, 1 reproduce the binary audit: W_1 - W_0 is the binary h_M' of the same tables", async () => {
    for (const [name, fn] of [
      ['grpo', grpoPopulation],
      ['dr-grpo', drGrpo],
    ] as const) {
      const binary = await auditFunction(fn, { M: 7 });
      const graded = await auditClasses((r) => fn(r as number[]), { levels: [0, 1], M: 7 });
      const { a, b } = binary.bySize[0]!;
      const c = a!.map((x, s) => b![s]! - x!);
      const f = field(graded);
      expect(f.closed, name).toBe(true);
      for (const p of f.points) {
        const t = p.q[1]!;
        const hPrime = c.reduce((sum, cs, s) => sum + cs * binomialPmfUnchecked(s, 6, t), 0);
        expect(Math.abs(p.W[1]! - p.W[0]! - hPrime), name).toBeLessThan(1e-12);
      }
    }
  });

  it('a binary trace audited on levels 0, 1: the potential is the binary h of the same tables, with the same nearest target', async () => {
    const traces = fileURLToPath(
      new URL('../../test/fixtures/audit/trl-grpo-m8.jsonl', import.meta.url),
    );
    const binary = await auditTraces(traces);
    const graded = await auditClasses({ traces }, { levels: [0, 1], expect: 'closed' });
    expect(graded.expectation?.met).toBe(true);
    const { a, b, nearest } = binary.bySize[0]!;
    const [part] = field(graded).objective!.functions!;
    expect(part!.c).toEqual(a!.map((x, s) => b![s]! - x!));
    expect(part!.nearest).toEqual(nearest);
  });

  it('a function given rows for d = 2 gets an M x 2 array of 0/1 rewards', async () => {
    const seen: unknown[] = [];
    await auditClasses(
      (rows) => {
        seen.push(rows);
        return normalizeThenSum(rows as number[][]);
      },
      { rewardFunctions: 2, M: 2 },
    );
    expect(seen).toHaveLength(16);
    expect(seen[1]).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });

  it('refuses code without classes, an expectation other than closed, and M for a trace', async () => {
    await expect(auditClasses((r) => r as number[], { M: 2 })).rejects.toThrow(
      /needs levels or reward-functions/,
    );
    await expect(
      auditClasses((r) => r as number[], { M: 2, levels: [0, 1], expect: 'arcsin' }),
    ).rejects.toThrow(/expect takes only 'closed'/);
    await expect(auditClasses({ traces: `${FIX}grpo-levels-m8.jsonl` }, { M: 8 })).rejects.toThrow(
      /M applies to code only/,
    );
  });
});
