// Laws of the count-form (exchangeability) audit (docs/theory.md §2, "When it does not apply"): a
// checker must say when weights are not count form rather than report a wrong h.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { AdvantagesFn, AuditReport, FunctionAuditOptions } from '../../src/audit/index.ts';
import { countFormNative, notCountFormNative } from '../arbitraries/native-group-function.ts';
import { expectClose } from '../helpers/tolerance.ts';
import { type Law, law } from './law.ts';

/** What the audit laws exercise. */
export interface AuditImpl {
  auditFunction(fn: AdvantagesFn, options: FunctionAuditOptions): Promise<AuditReport>;
}

/** The audit laws; each comment states its false-fail rate. */
export function auditLaws(impl: AuditImpl): Law[] {
  return [
    // Power of the audit: functions that depend on the position in the group, a neighbour's
    // reward, the order of the correct answers, the rewards of earlier groups, or a hidden
    // response length are reported as not count form, with a concrete violation at their M.
    // M <= 12, so the audit sees all 2^M patterns. False-fail rate: 0 for position, neighbour,
    // order and batch (deterministic); for hidden lengths a miss needs every cell's lengths to tie
    // within the audit's relative tolerance 1e-9, at least 4 independent ties of probability
    // < 2e-8 each: below 1e-30 per run.
    law(
      'not count form is caught by the audit (M <= 12, every pattern)',
      notCountFormNative({ maxM: 12 }),
      async (native) => {
        const report = await impl.auditFunction((r) => native.advantages(r), {
          M: native.M,
          label: native.description,
        });
        expect(report.countForm, native.description).toBe(false);
        expect(report.violations.length).toBeGreaterThan(0);
        expect(report.violations.every((v) => v.M === native.M)).toBe(true);
      },
    ),

    // The same above the exhaustive limit (M = 17..24), where the audit samples 8 random
    // arrangements per count K from a seed that fast-check draws. Position, neighbour and order
    // dependence are visible in every arrangement with two responses in one cell, which every
    // arrangement of M >= 5 responses has: false-fail rate 0.
    law(
      'not count form is caught by the sampled audit (M = 17..24)',
      fc.tuple(
        notCountFormNative({ maxM: 24, violations: ['position', 'neighbour', 'order'] }).filter(
          (n) => n.M > 16,
        ),
        fc.noShrink(fc.integer()),
      ),
      async ([native, seed]) => {
        const report = await impl.auditFunction((r) => native.advantages(r), {
          M: native.M,
          samples: 8,
          seed,
        });
        expect(report.countForm, native.description).toBe(false);
      },
    ),

    // No false alarms: count-form natives (tables per position, or mean / std / leave-one-out
    // formulas) pass, and the audit's recovered tables are theirs (exactly, 0 ulps, for table
    // functions, whose cells hold a single value). Deterministic: false-fail rate 0.
    law(
      'count-form natives pass the audit, with their own tables',
      countFormNative({ maxM: 12 }),
      async (native) => {
        const report = await impl.auditFunction((r) => native.advantages(r), { M: native.M });
        expect(
          report.countForm,
          `${native.description}: ${JSON.stringify(report.violations[0])}`,
        ).toBe(true);
        const size = report.bySize[0]!;
        if (native.tables) {
          native.tables.a.forEach((x, s) => {
            expectClose(size.a![s]!, x, 0, `a[${s}]`);
          });
          native.tables.b.forEach((x, s) => {
            expectClose(size.b![s]!, x, 0, `b[${s}]`);
          });
        }
      },
    ),
  ];
}
