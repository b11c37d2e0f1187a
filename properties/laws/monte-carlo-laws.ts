// Monte Carlo laws (docs/theory.md §1, §4-6): the simulator, which runs each scheme's *native* formula
// response by response, agrees with the closed form computed from its *tables*. Every seed is
// drawn by fast-check (fc.noShrink(fc.integer())), so a failure replays from the printed
// fast-check seed and path. Each law's comment states its false-fail rate, from its share of
// budget.ts, and every run whose verdict is asserted registers its rate through
// `impl.registerAlpha` (the false-fail registry, test/support/budget/, in monte-carlo.test.ts).
// The rates are nominal: the z-tests use the normal approximation. Every law first checks, with
// fc.pre, the library's own precondition for it (simulationPrecondition: no rare part of the
// update's law that could go unseen and bias z, skewness and groups within bounds), under which
// the true rate is within 1.5x of the nominal one; the registry counts every rate 1.5 times.
import fc from 'fast-check';
import { expect } from 'vitest';
import type {
  ComparisonOptions,
  SimulateOptions,
  SimulationInput,
  SimulationPrecondition,
  SimulationResult,
} from '../../src/estimators/index.ts';
import type { PolicyDescription } from '../../src/policies/index.ts';
import type { Verdict, VerdictInput, VerdictOptions } from '../../src/stats/index.ts';
import { catalogueCase } from '../arbitraries/catalogue-spec.ts';
import { type CountFormTables, countFormTables } from '../arbitraries/count-form-tables.ts';
import {
  bernoulliPolicy,
  probability,
  softmaxPolicy,
  vectorPolicy,
} from '../arbitraries/policy.ts';
import { PROPERTY_ALPHA, perRun } from '../budget.ts';
import { EPS, maxAbs } from '../helpers/tolerance.ts';
import { type Law, law } from './law.ts';

/** What the Monte Carlo laws exercise. */
export interface MonteCarloImpl {
  simulate(options: SimulateOptions): Promise<SimulationResult>;
  verdict(input: VerdictInput, options?: VerdictOptions): Verdict;
  /** The spec `table:file=...` of tables (helpers/table-scheme.ts). */
  tableSpec(tables: CountFormTables): string;
  /** Options that run a simulation on a shared 1-thread piscina pool (the pool law only). */
  poolOptions(): Pick<SimulateOptions, 'pool'>;
  /** `simulationPrecondition` of the resolved input: whether the run's verdict can be trusted. */
  precondition(input: SimulationInput, options: ComparisonOptions): SimulationPrecondition;
  /**
   * Registers the nominal false-fail rate of a run whose agreement is asserted, and returns it
   * (`registerAlpha` of the false-fail registry; the identity where failing is the point).
   */
  registerAlpha(alpha: number): number;
  /** Registers the false-fail rate of any other assertion (a detection's miss), and returns it. */
  registerFalseFail(rate: number): number;
}

/** fast-check runs of each Monte Carlo law: the Bonferroni divisor of its budget. */
export const MC_RUNS = {
  bernoulli: 30,
  vector: 20,
  baseline: 15,
  pureRs: 15,
  pool: 3,
  power: 15,
  powerScheme: 10,
} as const;

/** Groups per simulation: enough for the normal approximation, cheap enough for npm test. */
export const GROUPS = 20_000;
/** Groups per simulation on the Bernoulli policy, whose specialised loop is much faster. */
export const BERNOULLI_GROUPS = 50_000;

/** A run seed from fast-check; not shrunk, since another seed is not a simpler counterexample. */
export const mcSeed = fc.noShrink(fc.integer());

/** A scheme to simulate: random tables (M <= 12) or a random catalogue scheme (M <= 12). */
const schemeToSimulate = fc.oneof(
  countFormTables({ maxM: 12 }).map((tables) => ({
    tables,
    spec: null as string | null,
    M: tables.M,
  })),
  catalogueCase(12).map(({ spec, M }) => ({ tables: null as CountFormTables | null, spec, M })),
);

function specOf(
  impl: MonteCarloImpl,
  s: { tables: CountFormTables | null; spec: string | null },
): string {
  return s.tables ? impl.tableSpec(s.tables) : s.spec!;
}

/**
 * fast-check precondition: the library's check that the normal approximation behind the run's
 * z-tests holds at the law's rate (`simulationPrecondition`), so the stated false-fail rates
 * are honest. It depends on the configuration only, never on the draws; rejected inputs are
 * redrawn, not counted as runs.
 */
function requireNormal(impl: MonteCarloImpl, input: SimulationInput, alpha: number): void {
  fc.pre(impl.precondition(input, { alpha }).ok);
}

function explain(result: SimulationResult): string {
  return `z=${JSON.stringify(result.z.map((z) => +z.toFixed(2)))} threshold=${result.threshold.toFixed(2)} config=${JSON.stringify(result.config)}`;
}

/**
 * Runs one simulation at level `alpha` if its normal approximation holds there (else the input
 * is redrawn, see {@link requireNormal}), expects agreement with the closed form and returns the
 * result.
 */
async function expectAgreement(
  impl: MonteCarloImpl,
  input: SimulationInput,
  alpha: number,
): Promise<SimulationResult> {
  requireNormal(impl, input, alpha);
  const result = await impl.simulate({ ...input, alpha: impl.registerAlpha(alpha) });
  expect(result.agree, explain(result)).toBe(true);
  return result;
}

/** The Monte Carlo and power laws; each comment states its false-fail rate. */
export function monteCarloLaws(impl: MonteCarloImpl): Law[] {
  return [
    // Random tables or catalogue schemes x Bernoulli policies: the mean update agrees with
    // h_M'(p) p (1 - p). False-fail rate: PROPERTY_ALPHA.simulatorBernoulli = 7e-8, split over
    // MC_RUNS.bernoulli runs (Bonferroni), each run one component.
    law(
      'simulator agrees with the closed form: random schemes x Bernoulli policies',
      fc.tuple(schemeToSimulate, bernoulliPolicy(), mcSeed),
      async ([s, policy, seed]) => {
        await expectAgreement(
          impl,
          {
            scheme: specOf(impl, s),
            M: s.M,
            policy,
            groups: BERNOULLI_GROUPS,
            seed,
            stream: 'properties/bernoulli',
          },
          perRun(PROPERTY_ALPHA.simulatorBernoulli, MC_RUNS.bernoulli),
        );
      },
      MC_RUNS.bernoulli,
    ),

    // Random schemes x softmax, sequence and corpus policies: the theorem as a vector identity,
    // every component at once. False-fail rate: PROPERTY_ALPHA.simulatorVector = 7e-8 over
    // MC_RUNS.vector runs, Holm over the components within a run.
    law(
      'simulator agrees with the closed form: random schemes x softmax, sequence, corpus',
      fc.tuple(schemeToSimulate, vectorPolicy(), mcSeed),
      async ([s, policy, seed]) => {
        await expectAgreement(
          impl,
          {
            scheme: specOf(impl, s),
            M: s.M,
            policy,
            groups: GROUPS,
            seed,
            stream: 'properties/vector',
          },
          perRun(PROPERTY_ALPHA.simulatorVector, MC_RUNS.vector),
        );
      },
      MC_RUNS.vector,
    ),

    // docs/theory.md §2: a baseline changes the variance, never the mean. With one seed (so the same
    // responses), the estimate is linear in the weights: est(a + d, b + d) = est(a, b) + est(d, d)
    // to 8 (N + M) EPS times the update scale (deterministic, false-fail rate 0); and the pure
    // baseline (d, d) agrees with a zero expected update: false-fail rate
    // PROPERTY_ALPHA.simulatorBaseline = 5e-8 over MC_RUNS.baseline runs.
    law(
      'baseline: same draws give est(a+d, b+d) = est(a, b) + est(d, d), and est(d, d) ~ 0',
      fc
        .integer({ min: 1, max: 12 })
        .chain((M) =>
          fc.tuple(
            countFormTables({ minM: M, maxM: M }),
            countFormTables({ minM: M, maxM: M }),
            fc.oneof(bernoulliPolicy(), softmaxPolicy(4)),
            mcSeed,
          ),
        ),
      async ([tables, baseline, policy, seed]) => {
        const d = baseline.a;
        const shifted = {
          M: tables.M,
          a: tables.a.map((x, s) => x + d[s]!),
          b: tables.b.map((x, s) => x + d[s]!),
        };
        const alpha = perRun(PROPERTY_ALPHA.simulatorBaseline, MC_RUNS.baseline);
        const inputOf = (t: CountFormTables) => ({
          scheme: impl.tableSpec(t),
          M: t.M,
          policy,
          groups: GROUPS,
          seed,
          stream: 'properties/baseline',
        });
        const run = (t: CountFormTables) => impl.simulate({ ...inputOf(t), alpha });
        const pureTables = { M: tables.M, a: d, b: d };
        requireNormal(impl, inputOf(pureTables), alpha);
        const [plain, moved, pure] = await Promise.all([
          run(tables),
          run(shifted),
          impl.simulate({ ...inputOf(pureTables), alpha: impl.registerAlpha(alpha) }),
        ]);
        expect(pure.agree, explain(pure)).toBe(true);
        expect(pure.closedForm.every((x) => x === 0)).toBe(true);
        const scale = maxAbs(tables.a) + maxAbs(tables.b) + 2 * maxAbs(d);
        const tol = 8 * (GROUPS + tables.M) * EPS * scale;
        moved.estimate.forEach((x, j) => {
          expect(
            Math.abs(x - plain.estimate[j]! - pure.estimate[j]!),
            `component ${j}`,
          ).toBeLessThanOrEqual(tol);
        });
      },
      MC_RUNS.baseline,
    ),

    // docs/theory.md §4: pure rejection sampling with B correct answers estimates grad log p without
    // bias, and its number of draws has mean B/p. One Holm family per run (every component and
    // the draws). False-fail rate: PROPERTY_ALPHA.pureRejection = 5e-8 over MC_RUNS.pureRs runs.
    law(
      'pure rejection sampling agrees with grad log p and E[draws] = B/p',
      fc.tuple(
        fc.integer({ min: 1, max: 4 }),
        fc.oneof(bernoulliPolicy(0.1, 0.9), softmaxPolicy(4)),
        mcSeed,
      ),
      async ([B, policy, seed]) => {
        const input = {
          estimator: 'pure-rs',
          B,
          policy,
          groups: GROUPS,
          seed,
          stream: 'properties/pure-rs',
        };
        const alpha = perRun(PROPERTY_ALPHA.pureRejection, MC_RUNS.pureRs);
        requireNormal(impl, input, alpha);
        const result = await impl.simulate({ ...input, alpha: impl.registerAlpha(alpha) });
        expect(result.agree, `${explain(result)} draws=${JSON.stringify(result.draws)}`).toBe(true);
      },
      MC_RUNS.pureRs,
    ),

    // docs/theory.md §6: the same config on a piscina pool (1 thread) gives bit-identical estimates to
    // the in-thread run, and agrees. False-fail rate: PROPERTY_ALPHA.simulatorPool = 2e-8 over
    // MC_RUNS.pool runs (the bit-identity is deterministic).
    law(
      'worker pool (1 thread) reproduces the in-thread run bit for bit',
      fc.tuple(catalogueCase(8), fc.oneof(bernoulliPolicy(), vectorPolicy()), mcSeed),
      async ([{ spec, M }, policy, seed]) => {
        const input = {
          scheme: spec,
          M,
          policy,
          groups: GROUPS,
          seed,
          stream: 'properties/pool',
          chunkGroups: 4096,
        };
        const alpha = perRun(PROPERTY_ALPHA.simulatorPool, MC_RUNS.pool);
        requireNormal(impl, input, alpha);
        const pooled = await impl.simulate({
          ...input,
          ...impl.poolOptions(),
          alpha: impl.registerAlpha(alpha),
        });
        const local = await impl.simulate({ ...input, alpha });
        expect(pooled.estimate).toEqual(local.estimate);
        expect(pooled.stderr).toEqual(local.stderr);
        expect(pooled.agree, explain(pooled)).toBe(true);
      },
      MC_RUNS.pool,
    ),

    // Power (docs/theory.md §6): the reported resolution delta_j = (z_alpha' + z_beta) SE_j is what the
    // verdict detects. After a run that agrees (false-fail rate PROPERTY_ALPHA.powerNull / 2 over
    // MC_RUNS.power runs), moving the closed form of one component by k delta_j, k in (1, 4], is
    // always flagged: |z'| >= k (z_alpha' + z_beta) - z_alpha' > z_alpha' (deterministic given
    // the run, false-fail rate 0). At exactly k = 1 the false-pass rate is beta = 1e-3 by
    // construction.
    law(
      'power: a closed form moved by more than the resolution is flagged',
      fc.tuple(
        schemeToSimulate,
        fc.oneof(bernoulliPolicy(), vectorPolicy()),
        mcSeed,
        fc.nat(),
        fc.double({ min: 1.000001, max: 4, noNaN: true }),
        fc.boolean(),
      ),
      async ([s, policy, seed, pick, k, up]) => {
        const input = {
          scheme: specOf(impl, s),
          M: s.M,
          policy,
          groups: GROUPS,
          seed,
          stream: 'properties/power',
        };
        const alpha = perRun(PROPERTY_ALPHA.powerNull / 2, MC_RUNS.power);
        const result = await expectAgreement(impl, input, alpha);
        const j = pick % result.estimate.length;
        const moved = [...result.closedForm];
        moved[j] = moved[j]! + (up ? 1 : -1) * k * result.resolution[j]!;
        fc.pre(result.resolution[j]! > 0);
        const v = impl.verdict(
          { estimate: result.estimate, stderr: result.stderr, closedForm: moved },
          { threshold: result.threshold, beta: result.beta },
        );
        expect(v.rejected[j], `component ${j} moved by ${k} x ${result.resolution[j]}`).toBe(true);
      },
      MC_RUNS.power,
    ),

    // Power in distribution: simulate tables whose b is raised by eps, so the true update moves
    // by Delta = eps p (1 - p) = 3 delta_0 (delta_0 the unperturbed run's resolution; eps = 1 when
    // delta_0 = 0), and compare with the *unperturbed* closed form: the run must disagree. The
    // unperturbed run agrees (false-fail rate PROPERTY_ALPHA.powerNull / 2 over
    // MC_RUNS.powerScheme). A miss needs |N(Delta/SE_1, 1)| < z_alpha'; with SE_1 <= 1.6 SE_0 at
    // N = 20000, p in [0.05, 0.95] (the added term's sd is at most 0.58 SE_0 there),
    // Delta/SE_1 >= 1.9 (z_alpha' + z_beta) >= 17, so the false-fail rate of the detection is
    // below Phi(6 - 17) < 1e-27 per run (registered).
    law(
      'power: a scheme perturbed by 3x the resolution is flagged against the unperturbed closed form',
      fc.tuple(countFormTables({ maxM: 8 }), probability(), mcSeed),
      async ([tables, p, seed]) => {
        const policy: PolicyDescription = { kind: 'bernoulli', p };
        const alpha = perRun(PROPERTY_ALPHA.powerNull / 2, MC_RUNS.powerScheme);
        const input = {
          scheme: impl.tableSpec(tables),
          M: tables.M,
          policy,
          groups: GROUPS,
          seed,
          stream: 'properties/power-null',
        };
        const base = await expectAgreement(impl, input, alpha);
        const delta0 = base.resolution[0]!;
        const eps = delta0 > 0 ? (3 * delta0) / (p * (1 - p)) : 1;
        const perturbed = { M: tables.M, a: tables.a, b: tables.b.map((x) => x + eps) };
        const alternative = {
          ...input,
          scheme: impl.tableSpec(perturbed),
          stream: 'properties/power-alt',
        };
        // An insufficient run says nothing either way: it must be a verdict, and a disagreement.
        requireNormal(impl, alternative, alpha);
        const moved = await impl.simulate({ ...alternative, alpha, closedForm: base.closedForm });
        impl.registerFalseFail(1e-27);
        expect(
          moved.outcome,
          `perturbation eps=${eps} (3 x resolution ${delta0}) missed: ${explain(moved)}`,
        ).toBe('disagree');
      },
      MC_RUNS.powerScheme,
    ),
  ];
}
