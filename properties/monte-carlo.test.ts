// Monte Carlo and power laws (MATH.md §1, §4-6) against the simulator. False-fail rates are
// stated on each law in laws/monte-carlo-laws.ts and added up in budget.ts; the runs per law are
// fixed there (MC_RUNS), because each law's budget is split over exactly that many runs.
import './setup.ts';
import { it } from '@fast-check/vitest';
import { afterAll, describe } from 'vitest';
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
