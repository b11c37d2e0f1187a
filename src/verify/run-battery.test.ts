import { describe, expect, it } from 'vitest';
import { registerAlpha, registerFalseFail } from '../../test/support/budget/false-fail.ts';
import { algorithm1ClosedForm } from '../estimators/index.ts';
import { h } from '../objective/index.ts';
import { buildPolicy, parsePolicy } from '../policies/index.ts';
import { scheme } from '../schemes/index.ts';
import { budget } from './budget.ts';
import type { Check, DeterministicCheck } from './check.ts';
import { baselineVarianceCheck } from './checks/baseline-variance-check.ts';
import { closedFormIntegralChecks } from './checks/closed-form-integral-checks.ts';
import { simulationCheck } from './checks/simulation-check.ts';
import { planBattery } from './plan-battery.ts';
import { type RunBatteryOptions, runBattery } from './run-battery.ts';

// False-fail budget of this file: the Monte Carlo checks that must agree are decided by Holm at
// ALPHA = 1e-8 in the one runBattery call that asserts verdicts (registered; the determinism test
// compares numbers only). The mutants must be flagged; their miss rate is at most beta = 1e-3
// each at their resolution, and each is off by more than 10 resolutions here: a miss needs
// |N(10 (z_alpha' + z_beta), 1)| below z_alpha', below 1e-20 (registered per mutant).
const ALPHA = 1e-8;
const SEED = 'battery-test';
const options = { alpha: ALPHA, beta: 1e-3, threads: 1 };

/** The battery of `checks` run with `options` at the file's seed, planned as a run plans it. */
const run = (checks: readonly Check[], given: RunBatteryOptions = options) =>
  runBattery(planBattery(checks, SEED), given);

const deterministic = (
  id: string,
  closedForm: number,
  estimate: number,
  relation?: 'at-most',
): DeterministicCheck => ({
  kind: 'deterministic',
  id,
  theorem: 'design',
  scheme: 's',
  M: 1,
  policy: 'none',
  detail: '',
  tolerance: 1e-9,
  relation,
  evaluate: () => ({ closedForm, estimate }),
});

describe('runBattery, deterministic checks', () => {
  it('decides equality within the tolerance, and bounds one-sidedly', async () => {
    const { rows } = await run(
      [
        deterministic('equal', 1, 1 + 1e-10),
        deterministic('unequal', 1, 1 + 1e-8),
        deterministic('below-bound', 1, 0.5, 'at-most'),
        deterministic('above-bound', 1, 1.5, 'at-most'),
        deterministic('nan', 1, Number.NaN),
      ],
      options,
    );
    expect(rows.map((r) => r.agree)).toEqual([true, false, true, false, false]);
    expect(rows[0]).toMatchObject({ stderr: 0, z: null, threshold: 1e-9, groups: 0 });
  });

  it('flags a closed-form-integral check whose h is off by one part in 1e9 (mutant)', async () => {
    const [honest] = closedFormIntegralChecks(budget('quick')).filter((c) =>
      c.id.startsWith('closed-form-integral/grpo'),
    );
    const c = scheme('grpo', 2).c;
    const mutant: DeterministicCheck = {
      ...honest!,
      id: 'mutant',
      evaluate: () => {
        const { estimate } = honest!.evaluate();
        return { closedForm: h(c, 0.5) * (1 + 1e-9) + 1e-9, estimate };
      },
    };
    const { rows } = await run([honest!, mutant], options);
    expect(rows.map((r) => r.agree)).toEqual([true, false]);
  });

  it('refuses duplicate ids', async () => {
    expect(() => planBattery([deterministic('x', 0, 0), deterministic('x', 0, 0)], SEED)).toThrow(
      "duplicate check id 'x'",
    );
  });
});

describe('runBattery, Monte Carlo checks can fail', () => {
  const bernoulli = 'bernoulli:p=0.2';
  const closedFormOf = (spec: string, M: number, policy: string) => () =>
    algorithm1ClosedForm(buildPolicy(parsePolicy(policy)), scheme(spec, M).c);
  const checks: Check[] = [
    simulationCheck({
      id: 'grpo-sample/honest',
      theorem: 'weighted-gradient',
      detail: '',
      input: { scheme: 'grpo:std=sample', M: 4, policy: bernoulli, groups: 100_000 },
    }),
    simulationCheck({
      id: 'grpo-sample/mutant-population-closed-form',
      theorem: 'weighted-gradient',
      detail: '',
      input: { scheme: 'grpo:std=sample', M: 4, policy: bernoulli, groups: 100_000 },
      closedForm: closedFormOf('grpo:std=population', 4, bernoulli),
    }),
    simulationCheck({
      id: 'rs/mutant-grad-log-p',
      theorem: 'rejection-sampling-log',
      detail: '',
      input: { scheme: 'rs', M: 4, policy: bernoulli, groups: 100_000 },
      // grad log p = grad p / p = (1 - p) for the logistic parameter.
      closedForm: () => [0.8],
    }),
    baselineVarianceCheck('rloo/variance/honest', 'reinforce', 'rloo', 8, 0.3, 200_000),
    (() => {
      const honest = baselineVarianceCheck(
        'rloo/variance/mutant',
        'reinforce',
        'rloo',
        8,
        0.3,
        200_000,
      );
      // The mutant claims the baseline leaves the variance unchanged.
      return { ...honest, outcome: (results) => ({ ...honest.outcome(results), closedForm: [0] }) };
    })(),
  ];

  it('agrees on the honest closed forms and flags every mutant at the default budget or less', async () => {
    const { rows, calibrationZ } = await run(checks, {
      ...options,
      alpha: registerAlpha(ALPHA),
    });
    for (let mutant = 0; mutant < 3; mutant++) registerFalseFail(1e-20);
    expect(rows.map((r) => [r.id, r.agree])).toEqual([
      ['grpo-sample/honest', true],
      ['grpo-sample/mutant-population-closed-form', false],
      ['rs/mutant-grad-log-p', false],
      ['rloo/variance/honest', true],
      ['rloo/variance/mutant', false],
    ]);
    for (const r of rows) {
      expect(r.stderr).toBeGreaterThan(0);
      expect(r.resolution).toBeGreaterThan(r.threshold * r.stderr);
    }
    expect(calibrationZ).toHaveLength(5);
  });

  it('gives identical numbers on a second run with the same seed, apart from timings', async () => {
    const strip = (rows: { seconds: number }[]) => rows.map(({ seconds: _, ...rest }) => rest);
    const honest = [checks[0]!, checks[3]!];
    const first = await run(honest, options);
    const second = await run(honest, options);
    expect(strip(second.rows)).toEqual(strip(first.rows));
  });
});
