// Mutation testing (CONTRIBUTING: "a check that cannot fail is a defect"): each mutant is a
// deliberately broken copy of one library function, and at least one law must fail on it.
// Deterministic (fast-check seed from setup.ts): false-fail rate 0. The laws that catch each
// mutant are listed in docs/properties.md.
import './setup.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditFunction } from '../src/audit/index.ts';
import {
  algorithm1ClosedForm,
  buildSimulation,
  type SimulateOptions,
  simulate,
  simulationPrecondition,
} from '../src/estimators/index.ts';
import { bernsteinPolynomial } from '../src/math/index.ts';
import {
  bruteForceHPrime,
  h,
  hPrime,
  normalizedH,
  objectivePoints,
  targetDistance,
} from '../src/objective/index.ts';
import { buildPolicy, parsePolicy } from '../src/policies/index.ts';
import { countFormTables, type Scheme, scheme } from '../src/schemes/index.ts';
import { verdict } from '../src/stats/index.ts';
import { target } from '../src/targets/targets.ts';
import { isLawFailure } from './helpers/law-failure.ts';
import { tableScheme, tableSpec } from './helpers/table-scheme.ts';
import { auditLaws } from './laws/audit-laws.ts';
import { type DesignImpl, designLaws } from './laws/design-laws.ts';
import { type Law, law } from './laws/law.ts';
import { type MonteCarloImpl, monteCarloLaws } from './laws/monte-carlo-laws.ts';
import { type ObjectiveImpl, objectiveLaws } from './laws/objective-laws.ts';
import { type SchemeImpl, schemeLaws } from './laws/scheme-laws.ts';

const objective: ObjectiveImpl = { h, hPrime, objectivePoints };
const schemes: SchemeImpl = { scheme, tableScheme, bruteForceHPrime, countFormTables, h, hPrime };
const design: DesignImpl = { scheme, target, targetDistance, h, normalizedH };
// A mutant's runs are meant to fail: they register no false-fail rate (each mutant's miss is
// bounded below, RUNS_EXPECTED).
const monteCarlo: MonteCarloImpl = {
  simulate,
  verdict,
  tableSpec,
  poolOptions: () => ({}),
  precondition: (input, options) => simulationPrecondition(buildSimulation(input), options),
  registerAlpha: (alpha) => alpha,
  registerFalseFail: (rate) => rate,
};

/**
 * A broken simulator: the weights it samples are the scheme's times `(M - 1)/M` (the update
 * divided by M where M - 1 was meant), compared with the closed form of the scheme's own
 * tables. Built from the public simulate() on the scaled tables, so it does not depend on how
 * the sampler loops are written.
 */
function offByFactorSimulate(options: SimulateOptions) {
  if (options.scheme == null || options.M == null) return simulate(options);
  const s = scheme(options.scheme, options.M);
  const f = (s.M - 1) / s.M;
  const broken = tableSpec({ M: s.M, a: s.a.map((x) => f * x), b: s.b.map((x) => f * x) });
  const policy = buildPolicy(
    parsePolicy(
      typeof options.policy === 'string' ? options.policy : JSON.stringify(options.policy),
    ),
  );
  const closedForm = algorithm1ClosedForm(policy, s.c);
  return simulate({ ...options, scheme: broken, closedForm });
}

/** A scheme whose native formula is replaced, its spec, name and tables kept. */
function withNative(s: Scheme, advantages: (rewards: readonly number[]) => number[]): Scheme {
  return {
    ...s,
    advantages,
    advantagesInto(rewards, out) {
      out.set(advantages(Array.from(rewards)));
    },
  };
}

/** A scheme whose tables are replaced, its native formula kept. */
function withTables(s: Scheme, a: readonly number[], b: readonly number[]): Scheme {
  return { ...s, a, b, c: b.map((x, i) => x - a[i]!) };
}

/** Replaces the scheme factory for specs starting with `prefix`. */
function mutateScheme(prefix: string, mutate: (spec: string, M: number) => Scheme): SchemeImpl {
  return {
    ...schemes,
    scheme: (spec, M) => (spec.startsWith(prefix) ? mutate(spec, M) : scheme(spec, M)),
  };
}

interface Mutant {
  readonly name: string;
  readonly laws: readonly Law[];
  /**
   * Name prefixes of the laws that must catch the mutant (at least one of them). They run with
   * {@link RUNS_EXPECTED} runs, so that a mutant hit by one input in 30 is still caught whatever
   * the seed (a miss has probability below e^-60); `MUTANTS_REPORT=1` runs every law instead.
   */
  readonly caughtBy: readonly string[];
}

/** Runs of a law that is expected to catch a mutant; the run stops at the first failure. */
const RUNS_EXPECTED = 2000;
/** Runs of each law in the `MUTANTS_REPORT=1` survey. */
const RUNS_SURVEY = 100;

const MUTANTS: readonly Mutant[] = [
  {
    name: 'h: G_k sums c_s for s <= k instead of s < k (h(0) != 0)',
    laws: objectiveLaws({
      ...objective,
      h: (c, t) => {
        const M = c.length;
        const G = [0];
        let sum = 0;
        for (let s = 0; s < M; s++) {
          sum += c[s]!;
          G.push(sum / M);
        }
        G[0] = c[0]! / M;
        return bernsteinPolynomial(G, t);
      },
    }),
    caughtBy: ['h(0) = 0'],
  },
  {
    name: 'h: the 1/M factor is missing',
    laws: objectiveLaws({ ...objective, h: (c, t) => c.length * h(c, t) }),
    caughtBy: ['h(0) = 0'],
  },
  {
    name: 'hPrime: Bernstein basis of degree M instead of M - 1',
    laws: objectiveLaws({
      ...objective,
      hPrime: (c, t) => bernsteinPolynomial([...Array.from(c), c[c.length - 1]!], t),
    }),
    caughtBy: ['dh is the derivative', 'h is the integral'],
  },
  {
    name: 'hPrime: t rounded to single precision',
    laws: objectiveLaws({ ...objective, hPrime: (c, t) => hPrime(c, Math.fround(t)) }),
    caughtBy: ['dh is the derivative', 'h is the integral'],
  },
  {
    name: 'objectivePoints: dh for t > 1/2 reads c[k] instead of c[k-1]',
    laws: objectiveLaws({
      ...objective,
      objectivePoints: (c, ts) =>
        objectivePoints(c, ts).map((p) =>
          p.t > 0.5 ? { ...p, dh: hPrime([...Array.from(c).slice(1), c[c.length - 1]!], p.t) } : p,
        ),
    }),
    caughtBy: ['objectivePoints'],
  },
  {
    name: 'grpo: native formula uses the sample std, tables the population std',
    laws: schemeLaws(
      mutateScheme('grpo:std=population', (spec, M) =>
        M < 2
          ? scheme(spec, M)
          : withNative(scheme(spec, M), (r) =>
              scheme(spec.replace('population', 'sample'), M).advantages(r),
            ),
      ),
    ),
    caughtBy: ['catalogue: native formula'],
  },
  {
    name: 'grpo: eps inside the root in the native formula, added to the std in the tables',
    laws: schemeLaws(
      mutateScheme('grpo:', (spec, M) =>
        spec.includes('eps-at=std')
          ? withNative(scheme(spec, M), (r) =>
              scheme(spec.replace('eps-at=std', 'eps-at=var'), M).advantages(r),
            )
          : scheme(spec, M),
      ),
    ),
    caughtBy: ['catalogue: native formula'],
  },
  {
    name: 'rloo: leave-one-out baseline divides by M instead of M - 1',
    laws: schemeLaws(
      mutateScheme('rloo', (spec, M) =>
        withNative(scheme(spec, M), (r) => {
          const K = r.reduce((k, x) => k + x, 0);
          return r.map((x) => x - (K - x) / M);
        }),
      ),
    ),
    caughtBy: ['catalogue: native formula'],
  },
  {
    name: 'tables: b[s] read from a canonical group with s + 1 others right',
    laws: schemeLaws(
      mutateScheme('', (spec, M) => {
        const s = scheme(spec, M);
        return withTables(
          s,
          s.a,
          s.b.map((_, i) => s.b[Math.min(i + 1, M - 1)]!),
        );
      }),
    ),
    caughtBy: ['catalogue: native formula'],
  },
  {
    name: 'passk: weights of k - 1 (off by one)',
    laws: schemeLaws(
      mutateScheme('passk:k=', (spec, M) => {
        const k = Number(spec.slice('passk:k='.length).split(',')[0]);
        return k > 1 ? scheme(spec.replace(`k=${k}`, `k=${k - 1}`), M) : scheme(spec, M);
      }),
    ),
    caughtBy: ['passk:'],
  },
  {
    name: 'rs: weights M/(s+1) without the M',
    laws: schemeLaws(
      mutateScheme('rs', (spec, M) => {
        const s = scheme(spec, M);
        return withNative(
          withTables(
            s,
            s.a,
            s.b.map((x) => x / M),
          ),
          (r) => s.advantages(r).map((z) => z / M),
        );
      }),
    ),
    caughtBy: ['rs:'],
  },
  {
    name: 'bruteForceHPrime: forgets the 1/M of the update',
    laws: schemeLaws({ ...schemes, bruteForceHPrime: (s, t) => s.M * bruteForceHPrime(s, t) }),
    caughtBy: ['tables: brute-force'],
  },
  {
    name: 'design: every node at t = 1/2 (c constant, h_M linear, no convergence)',
    laws: designLaws({
      ...design,
      scheme: (spec, M) => {
        if (!spec.startsWith('design:')) return scheme(spec, M);
        const middle = scheme(spec, 1).c[0]!;
        return tableScheme({ M, a: new Array(M).fill(0), b: new Array(M).fill(middle) });
      },
    }),
    caughtBy: ['designed targets converge'],
  },
  {
    name: 'grpo: divides by the variance instead of the std (a logit-like h, tables consistent)',
    laws: designLaws({
      ...design,
      scheme: (spec, M) => {
        const s = scheme(spec, M);
        if (!spec.startsWith('grpo:')) return s;
        const sigma = (K: number) => Math.sqrt(K * (M - K)) / M;
        const a = s.a.map((x, k) => (x === 0 ? 0 : x / sigma(k)));
        const b = s.b.map((x, k) => (x === 0 ? 0 : x / sigma(k + 1)));
        return tableScheme({ M, a, b });
      },
    }),
    caughtBy: ['GRPO: normalized distance to arcsin falls'],
  },
  {
    name: 'simulator: every sampled weight off by a factor (M - 1)/M',
    laws: monteCarloLaws({ ...monteCarlo, simulate: offByFactorSimulate }),
    caughtBy: ['simulator agrees with the closed form: random schemes x Bernoulli'],
  },
  {
    name: 'audit: trusts the canonical groups only (always says count form)',
    laws: auditLaws({
      auditFunction: async (fn, options) => {
        const report = await auditFunction(fn, options);
        return { ...report, countForm: true, violations: [] };
      },
    }),
    caughtBy: ['not count form is caught by the audit'],
  },
];

/**
 * Runs the given laws on the mutant and returns the names of those that fail. Only a law's own
 * failure counts (`isLawFailure`: an assertion of its check): a mutant that makes the check
 * crash (a TypeError, an InputError) is reported as such, never counted as caught.
 */
async function catching(
  laws: readonly Law[],
  numRuns: number,
  firstOnly: boolean,
): Promise<string[]> {
  const caught: string[] = [];
  for (const law of laws) {
    const result = await fc.check(
      fc.asyncProperty(law.arbitrary, async (value) => {
        await law.check(value);
      }),
      { numRuns, endOnFailure: true },
    );
    if (!result.failed) continue;
    if (!isLawFailure(result.errorInstance)) {
      throw new Error(
        `${law.name}: the check crashed instead of failing: ${String(result.errorInstance)}`,
      );
    }
    caught.push(law.name);
    if (firstOnly) break;
  }
  return caught;
}

describe('catching', () => {
  it("counts a law's failed assertion, and reports a crash of its check instead of counting it", async () => {
    const failing = law('fails', fc.constant(0), () => {
      expect(1).toBe(2);
    });
    const crashing = law('crashes', fc.constant(0), () => {
      throw new TypeError('x is not a function');
    });
    expect(await catching([failing], 1, true)).toEqual(['fails']);
    await expect(catching([crashing], 1, true)).rejects.toThrow(
      'crashes: the check crashed instead of failing: TypeError: x is not a function',
    );
  });
});

describe('mutants are caught', () => {
  for (const mutant of MUTANTS) {
    it(mutant.name, async () => {
      const expected = mutant.laws.filter((l) => mutant.caughtBy.some((p) => l.name.startsWith(p)));
      for (const prefix of mutant.caughtBy) {
        expect(
          expected.some((l) => l.name.startsWith(prefix)),
          `no law named ${prefix}...`,
        ).toBe(true);
      }
      const caught = await catching(expected, RUNS_EXPECTED, true);
      expect(caught.length, `no law caught: ${mutant.name}`).toBeGreaterThan(0);
      if (process.env.MUTANTS_REPORT) {
        const all = await catching(mutant.laws, RUNS_SURVEY, false);
        console.log(`${mutant.name}\n  caught by: ${all.join('; ')}`);
      }
    });
  }
});
