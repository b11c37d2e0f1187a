import { describe, expect, it } from 'vitest';
import { representativeSpecs } from '../../test/support/schemes/representative-specs.ts';
import { PATTERN_TABLE_MAX_M, patternTable } from './pattern-table.ts';
import { resolveScheme } from './resolve-scheme.ts';
import { scheme } from './scheme-from-spec.ts';

/** Every reward pattern of a group of M, reward i being bit i. */
function* patterns(M: number): Generator<Float64Array> {
  for (let p = 0; p < 2 ** M; p++) yield Float64Array.from({ length: M }, (_, i) => (p >> i) & 1);
}

/** Whether two arrays hold the same doubles bit for bit (NaN payloads aside, -0 apart from 0). */
const sameBits = (x: Float64Array, y: Float64Array) => x.every((v, i) => Object.is(v, y[i]));

describe('patternTable', () => {
  // Exhaustive and deterministic: every scheme, M and reward pattern; false-fail rate 0.
  it("a scheme's advantagesInto gives the native formula's bits for every pattern", () => {
    let compared = 0;
    for (let M = 1; M <= PATTERN_TABLE_MAX_M; M++) {
      for (const spec of representativeSpecs(M)) {
        const s = scheme(spec, M);
        const native = resolveScheme(spec).bind(M).advantagesInto;
        const want = new Float64Array(M);
        const got = new Float64Array(M);
        for (const rewards of patterns(M)) {
          native(rewards, want);
          s.advantagesInto(rewards, got);
          if (!sameBits(got, want)) {
            expect.fail(`${spec}, M = ${M}, rewards ${rewards}: ${got} != ${want}`);
          }
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(15_000);
  });

  it('can fail: a table of another formula differs on some pattern', () => {
    const M = 6;
    const table = patternTable(resolveScheme('grpo').bind(M).advantagesInto, M);
    const other = resolveScheme('grpo:std=sample').bind(M).advantagesInto;
    const a = new Float64Array(M);
    const b = new Float64Array(M);
    const differs = [...patterns(M)].some((r) => {
      table(r, a);
      other(r, b);
      return !sameBits(a, b);
    });
    expect(differs).toBe(true);
  });

  it('keeps the native formula above the size limit', () => {
    const native = resolveScheme('grpo').bind(PATTERN_TABLE_MAX_M + 1).advantagesInto;
    expect(patternTable(native, PATTERN_TABLE_MAX_M + 1)).toBe(native);
  });
});
