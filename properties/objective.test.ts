// The laws of the induced objective h_M (docs/theory.md §2) against the library. Tolerances and
// false-fail rates (all 0: deterministic) are stated on each law in laws/objective-laws.ts.
import './setup.ts';
import { it } from '@fast-check/vitest';
import { describe } from 'vitest';
import { h, hPrime, objectivePoints } from '../src/objective/index.ts';
import { objectiveLaws } from './laws/objective-laws.ts';

describe('induced objective h_M', () => {
  for (const law of objectiveLaws({ h, hPrime, objectivePoints })) {
    it.prop([law.arbitrary], { numRuns: 200 })(law.name, (value) => law.check(value));
  }
});
