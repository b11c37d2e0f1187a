// Monte Carlo and power laws (MATH.md §1, §4-6) against the simulator. False-fail rates are
// stated on each law in laws/monte-carlo-laws.ts and added up in budget.ts; the runs per law are
// fixed there (MC_RUNS), because each law's budget is split over exactly that many runs.
import './setup.ts';
import { it } from '@fast-check/vitest';
import { afterAll, describe, expect, it as plainIt } from 'vitest';
import { createSimulationPool, type SimulationPool, simulate } from '../src/estimators/index.ts';
import { buildPolicy } from '../src/policies/index.ts';
import { scheme } from '../src/schemes/index.ts';
import { verdict } from '../src/stats/index.ts';
import { tableSpec } from './helpers/table-scheme.ts';
import { monteCarloLaws } from './laws/monte-carlo-laws.ts';

// One worker thread at most (vitest already runs two files at once on two cores), started on
// first use and shared by the pool law's runs.
let pool: SimulationPool | undefined;
afterAll(async () => {
  await pool?.destroy();
});

describe('Monte Carlo agreement and power', () => {
  const laws = monteCarloLaws({
    simulate,
    verdict,
    tableSpec,
    scheme,
    buildPolicy,
    poolOptions: () => {
      pool ??= createSimulationPool(1);
      return { pool };
    },
  });
  for (const law of laws) {
    it.prop([law.arbitrary], { numRuns: law.runs! })(law.name, (value) => law.check(value));
  }
});

// Known bug in the simulator's verdict (src/estimators/summarize-simulation.ts, src/stats), found
// by the Bernoulli law before it gained its normal-approximation precondition: when the per-group
// update is nonzero only on a rare group count, a run that never sees that count has estimate 0
// and sample SE 0, the SE is floored at 1e-12 of the update scale, and the verdict disagrees with
// z = -6.25e6. Here verl-grpo-passk (only a lone correct answer is weighted) at M = 5, p = 0.95:
// P(K = 1) = 3e-5, about 0.6 such groups in 20000, so a correct scheme is flagged in about half
// of all seeds (20 of 40 tried) instead of at the nominal 1e-6. Marked `.fails` until fixed; it
// starts failing (as a reminder to remove the marker) once the verdict stops flagging this run.
plainIt.fails(
  'known bug: a correct rare-event scheme is flagged (verl-grpo-passk, M = 5, p = 0.95)',
  async () => {
    const result = await simulate({
      scheme: 'verl-grpo-passk:norm-by-std=true',
      M: 5,
      policy: { kind: 'bernoulli', p: 0.95 },
      groups: 20_000,
      seed: 1266443671,
      stream: 'properties/bernoulli',
    });
    expect(
      result.agree,
      `estimate ${result.estimate} closed form ${result.closedForm} z ${result.z}`,
    ).toBe(true);
  },
);
