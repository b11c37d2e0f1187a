import { describe, expect, it } from 'vitest';
import { DEFAULT_ALPHA } from '../defaults/index.ts';
import { battery } from './battery.ts';
import { budget } from './budget.ts';
import { THEOREM_IDS } from './check.ts';
import { planBattery } from './plan-battery.ts';
import { runBattery } from './run-battery.ts';

describe('battery', () => {
  it.each(['quick', 'default', 'full'])(
    '%s: unique ids and every theorem id, deterministic and Monte Carlo',
    (name) => {
      const checks = battery(budget(name), DEFAULT_ALPHA);
      expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
      expect(new Set(checks.map((c) => c.theorem))).toEqual(new Set(THEOREM_IDS));
      expect(checks.length).toBeGreaterThanOrEqual(30);
      for (const theorem of [
        'weighted-gradient',
        'pure-rejection-sampling',
        'baseline-invariance',
      ]) {
        expect(checks.some((c) => c.theorem === theorem && c.kind === 'monte-carlo')).toBe(true);
      }
    },
  );

  it('default crosses every catalogue scheme with every policy kind at M = 1, 2, 8, 64', () => {
    const ids = battery(budget('default'), DEFAULT_ALPHA).map((c) => c.id);
    for (const kind of ['bernoulli', 'softmax', 'sequence', 'corpus']) {
      for (const M of [1, 2, 8, 64]) {
        expect(ids).toContain(`weighted-gradient/reinforce/M=${M}/${kind}`);
      }
      expect(ids).toContain(`weighted-gradient/passk:k=4/M=64/${kind}`);
    }
  });

  it('every deterministic check of the full budget agrees (no randomness: false-fail rate 0)', async () => {
    const checks = battery(budget('full'), DEFAULT_ALPHA).filter((c) => c.kind === 'deterministic');
    const { rows } = await runBattery(planBattery(checks, 1), {
      alpha: 1e-6,
      beta: 1e-3,
      threads: 1,
    });
    expect(rows.filter((r) => !r.agree).map((r) => r.id)).toEqual([]);
  });
});
