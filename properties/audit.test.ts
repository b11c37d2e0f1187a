// The count-form audit (docs/theory.md §2) against random native functions: false-fail rates (0, or
// below 1e-30 for hidden lengths) are stated on each law in laws/audit-laws.ts.
import './setup.ts';
import { it } from '@fast-check/vitest';
import { describe } from 'vitest';
import { auditFunction } from '../src/audit/index.ts';
import { auditLaws } from './laws/audit-laws.ts';

describe('count-form audit', () => {
  for (const law of auditLaws({ auditFunction })) {
    it.prop([law.arbitrary], { numRuns: 40 })(law.name, (value) => law.check(value));
  }
});
