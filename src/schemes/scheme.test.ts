import { describe, expect, it } from 'vitest';
import { errorUlps, toleranceUlps } from '../../test/support/schemes/agreement.ts';
import { representativeSpecs } from '../../test/support/schemes/representative-specs.ts';
import { InputError } from '../errors/input-error.ts';
import { schemeCatalogue } from './catalogue.ts';
import { parseSchemeSpec, resolveScheme } from './resolve-scheme.ts';
import { PATTERN_TABLE_MAX_M, patternTable, scheme } from './scheme.ts';

/**
 * The a_s, b_s columns of the docs/theory.md §3 table, written here from the table itself
 * (grpo: "from the formula with K = s" for a, "with K = s + 1" for b).
 */
const columns: Record<string, (M: number, s: number) => [number, number]> = {
  reinforce: () => [0, 1],
  rloo: (M, s) => [-s / (M - 1), 1 - s / (M - 1)],
  'dr-grpo': (M, s) => [-s / M, 1 - (s + 1) / M],
  rs: (M, s) => [0, M / (s + 1)],
  'grpo:std=population,eps=1e-8,eps-at=std': (M, s) => grpoColumns(M, s, false, 1e-8, false),
  'grpo:std=sample,eps=0.001,eps-at=std': (M, s) => grpoColumns(M, s, true, 1e-3, false),
  'grpo:std=population,eps=0.01,eps-at=var': (M, s) => grpoColumns(M, s, false, 1e-2, true),
  'grpo:std=sample,eps=0,eps-at=std': (M, s) => grpoColumns(M, s, true, 0, false),
};

function grpoColumns(
  M: number,
  s: number,
  sample: boolean,
  eps: number,
  epsInRoot: boolean,
): [number, number] {
  const z = (R: number, K: number) => {
    if (K === 0 || K === M) return 0; // "a group with all answers equal gets Z = 0"
    const mu = K / M;
    const sigma2 = sample ? (mu * (1 - mu) * M) / (M - 1) : mu * (1 - mu);
    return (R - mu) / (epsInRoot ? Math.sqrt(sigma2 + eps) : Math.sqrt(sigma2) + eps);
  };
  return [z(0, s), z(1, s + 1)];
}

describe('docs/theory.md §3 table columns a_s, b_s', () => {
  // Tolerance toleranceUlps(M) = 4 + M/2 ulps of the reference (agreement.ts); the references
  // round differently (mu(1-mu) against K(M-K)/M^2). M = 2000 takes the closed-form route.
  for (const [spec, column] of Object.entries(columns)) {
    it.each([2, 3, 7, 12, 64, 2000])(`${spec}, M = %i`, (M) => {
      const x = scheme(spec, M);
      for (let s = 0; s < M; s++) {
        const [a, b] = column(M, s);
        expect(errorUlps(x.a[s]!, a), `a[${s}]`).toBeLessThanOrEqual(toleranceUlps(M));
        expect(errorUlps(x.b[s]!, b), `b[${s}]`).toBeLessThanOrEqual(toleranceUlps(M));
        expect(x.c[s]).toBe(x.b[s]! - x.a[s]!);
      }
    });
  }

  it('the check can fail: population std where the spec says sample', () => {
    const x = scheme('grpo:std=sample,eps=0,eps-at=std', 10);
    expect(errorUlps(x.b[3]!, grpoColumns(10, 3, false, 0, false)[1])).toBeGreaterThan(1e10);
  });

  it('grpo at M = 2 has c = (1/(1/2 + eps), 1/(1/2 + eps)): constant, so h = t up to scale', () => {
    const x = scheme('grpo', 2);
    expect(x.c[0]).toBe(x.c[1]);
  });
});

describe('canonical specs', () => {
  it('fill in every default', () => {
    expect(parseSchemeSpec('grpo')).toBe('grpo:std=population,eps=1e-8,eps-at=std');
    expect(parseSchemeSpec('grpo:eps-at=var,std=sample')).toBe(
      'grpo:std=sample,eps=1e-8,eps-at=var',
    );
    expect(parseSchemeSpec('verl-grpo')).toBe('verl-grpo:norm-by-std=true');
    expect(parseSchemeSpec('trl-grpo')).toBe('trl-grpo:scale-rewards=group');
    expect(parseSchemeSpec('design:target=log')).toBe('design:target=log,nodes=interior,split=b');
    expect(parseSchemeSpec('design:split=half,target=power,q=2')).toBe(
      'design:target=power,q=2,nodes=interior,split=half',
    );
    expect(parseSchemeSpec('reinforce:filter=dapo')).toBe('reinforce:filter=dapo');
    expect(parseSchemeSpec('passk:filter=dapo,k=3')).toBe('passk:k=3,filter=dapo');
    expect(parseSchemeSpec('rloo:hi=0.9,filter=range')).toBe('rloo:filter=range,lo=0,hi=0.9');
    expect(parseSchemeSpec('trl-grpo:scale-rewards=false')).toBe('trl-grpo:scale-rewards=none');
    expect(parseSchemeSpec('pkpo:k=3')).toBe('pkpo:k=3,estimator=s-loo-minus-one');
  });

  it.each([1, 2, 5, 12, 100])('round-trip for every representative scheme at M = %i', (M) => {
    for (const spec of representativeSpecs(M)) {
      const s = scheme(spec, M);
      expect(scheme(s.spec, M).spec).toBe(s.spec);
      expect(parseSchemeSpec(spec)).toBe(s.spec);
      expect(parseSchemeSpec(s.spec)).toBe(s.spec);
      expect(s.M).toBe(M);
      expect(s.spec.startsWith(s.name)).toBe(true);
    }
  });
});

describe('advantages', () => {
  it('computes the native formula on a group', () => {
    expect(scheme('rloo', 4).advantages([1, 0, 1, 0])).toEqual([
      1 - 1 / 3,
      -2 / 3,
      1 - 1 / 3,
      -2 / 3,
    ]);
    expect(scheme('rs', 4).advantages([1, 0, 0, 0])).toEqual([4, 0, 0, 0]);
    expect(scheme('grpo', 3).advantages([1, 1, 1])).toEqual([0, 0, 0]);
    expect(scheme('grpo:eps=0', 3).advantages([0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('rejects a group of the wrong size or a reward that is not 0 or 1', () => {
    const s = scheme('grpo', 3);
    expect(() => s.advantages([1, 0])).toThrow(InputError);
    expect(() => s.advantages([1, 0])).toThrow('expected 3 rewards, got 2');
    expect(() => s.advantages([1, 0.5, 0])).toThrow('reward 1 must be 0 or 1, got 0.5');
  });

  it('advantagesInto writes the same values without allocating a result', () => {
    const s = scheme('grpo:std=sample', 5);
    const out = new Float64Array(5);
    s.advantagesInto(new Float64Array([1, 0, 0, 1, 1]), out);
    expect(Array.from(out)).toEqual(s.advantages([1, 0, 0, 1, 1]));
  });

  it('the tables are frozen', () => {
    expect(Object.isFrozen(scheme('reinforce', 3).a)).toBe(true);
  });
});

describe('bad input throws InputError with a one-line message naming the problem', () => {
  const cases: [string, number, string | RegExp][] = [
    [
      'grpoo',
      4,
      /^unknown scheme 'grpoo'; allowed: reinforce, rloo, dr-grpo, rs, grpo, f-grpo, passk/,
    ],
    ['grpo:sd=sample', 4, "scheme 'grpo' has no key 'sd'; allowed keys: std, eps, eps-at, filter"],
    ['reinforce:k=2', 4, "scheme 'reinforce' has no key 'k'; allowed keys: filter"],
    ['grpo:std=bessel', 4, "scheme 'grpo': std must be one of population, sample; got 'bessel'"],
    ['grpo:eps=x', 4, "scheme 'grpo': eps must be a number, got 'x'"],
    ['grpo:eps=-1e-8', 4, "scheme 'grpo': eps must be a finite number >= 0, got -1e-8"],
    ['grpo:eps-at=sd', 4, "eps-at must be one of std, var; got 'sd'"],
    ['passk', 4, "scheme 'passk' needs k=..."],
    ['passk:k=0', 4, "scheme 'passk': k must be a positive integer, got 0"],
    ['passk:k=1.5', 4, "scheme 'passk': k must be a positive integer, got 1.5"],
    ['passk:k=5', 4, "scheme 'passk': k must be <= M = 4, got k = 5"],
    ['pkpo:k=5', 4, "scheme 'pkpo': k must be <= M = 4, got k = 5"],
    ['chen-passk:k=0', 4, "scheme 'chen-passk': k must be a positive integer, got 0"],
    ['rloo', 1, "scheme 'rloo' needs M >= 2 (its baseline divides by M - 1), got M = 1"],
    ['verl-grpo-passk', 1, "scheme 'verl-grpo-passk' needs M >= 2"],
    ['trl-grpo', 1, "scheme 'trl-grpo' needs M >= 2"],
    ['openrlhf-group-norm', 1, "scheme 'openrlhf-group-norm' needs M >= 2"],
    ['trl-grpo:scale-rewards=batch', 4, /scale-rewards=batch .* not count form/],
    [
      'trl-grpo:scale-rewards=yes',
      4,
      "scale-rewards must be one of group, none (or true, false); got 'yes'",
    ],
    ['trl-rloo:normalize-advantages=true', 4, /normalize-advantages=true .* not count form/],
    ['trl-rloo', 1, "scheme 'trl-rloo' needs M >= 2"],
    ['pkpo:k=1', 4, /k=1 is undefined for estimator=s-loo-minus-one/],
    [
      'reinforce:filter=range,lo=0.5,hi=0.5',
      4,
      'filter=range needs 0 <= lo < hi <= 1, got lo = 0.5',
    ],
    [
      'reinforce:filter=range,lo=-1,hi=2',
      4,
      "scheme 'reinforce': lo must be a number in [0, 1], got -1",
    ],
    [
      'reinforce:filter=range,hi=1.5',
      4,
      "scheme 'reinforce': hi must be a number in [0, 1], got 1.5",
    ],
    ['reinforce:filter=range,lo=x', 4, "scheme 'reinforce': lo must be a number, got 'x'"],
    ['reinforce:filter=dapo,lo=0.1', 4, "scheme 'reinforce': lo and hi apply to filter=range only"],
    ['reinforce:hi=0.9', 4, "scheme 'reinforce': lo and hi apply to filter=range only"],
    ['verl-grpo:norm-by-std=no', 4, "norm-by-std must be one of true, false; got 'no'"],
    ['reinforce:filter=dapo2', 4, "scheme 'reinforce': filter must be dapo or range; got 'dapo2'"],
    ['design', 4, "scheme 'design' needs target=...; allowed: identity, log, logit"],
    ['design:target=exp', 4, "scheme 'design': unknown design target 'exp'; allowed: identity"],
    ['design:target=log,q=2', 4, "scheme 'design' has no key 'q'"],
    ['design:target=power', 4, "scheme 'design' needs q=..."],
    ['design:target=power,q=-1', 4, 'q must be > 0, got -1'],
    ['design:target=passk,k=9', 4, "scheme 'design': k must be <= M = 4, got k = 9"],
    ['design:target=log,nodes=endpoint', 4, /not finite at node 0 .* use nodes=interior/],
    ['design:target=log,nodes=edges', 4, 'nodes must be one of interior, midpoint, endpoint'],
    ['design:target=log,split=c', 4, 'split must be one of b, a, half'],
    ['table', 4, "scheme 'table' needs file=..."],
    ['grpo:', 4, "scheme spec 'grpo:': expected key=value"],
    ['grpo', 0, 'M must be a positive integer, got 0'],
    ['grpo', 2.5, 'M must be a positive integer, got 2.5'],
    ['grpo', Number.NaN, 'M must be a positive integer, got NaN'],
    ['grpo', -3, 'M must be a positive integer, got -3'],
  ];
  it.each(cases)('%s with M = %d', (spec, M, message) => {
    let error: unknown;
    try {
      scheme(spec, M);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const text = (error as Error).message;
    expect(text).not.toContain('\n');
    if (typeof message === 'string') expect(text).toContain(message);
    else expect(text).toMatch(message);
  });

  it('parseSchemeSpec fails early on everything that does not need M', () => {
    expect(() => parseSchemeSpec('grpoo')).toThrow(InputError);
    expect(() => parseSchemeSpec('grpo:eps=-1')).toThrow(InputError);
    expect(() => parseSchemeSpec('passk:k=0')).toThrow(InputError);
    expect(() => parseSchemeSpec('design:target=exp')).toThrow(InputError);
    expect(parseSchemeSpec('passk:k=50')).toBe('passk:k=50');
    expect(parseSchemeSpec('rloo')).toBe('rloo');
  });

  it("refuses a group smaller than the scheme's own minM, with its reason, and builds at minM", () => {
    const limited = schemeCatalogue.filter((kind) => (kind.minM ?? 1) > 1);
    expect(limited.map((kind) => kind.name).sort()).toEqual(
      ['openrlhf-group-norm', 'rloo', 'trl-grpo', 'trl-rloo', 'verl-grpo-passk'].sort(),
    );
    for (const kind of limited) {
      const minM = kind.minM!;
      expect(kind.minMReason).toMatch(/\S/);
      expect(() => scheme(kind.name, minM - 1)).toThrow(
        new InputError(
          `scheme '${kind.name}' needs M >= ${minM} (${kind.minMReason}), got M = ${minM - 1}`,
        ),
      );
      expect(scheme(kind.name, minM).M).toBe(minM);
    }
  });
});

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
