// The scheme laws (docs/theory.md §2-3) against the library: tolerances and false-fail rates (all 0,
// deterministic) are stated on each law in laws/scheme-laws.ts.
import './setup.ts';
import { it } from '@fast-check/vitest';
import { describe } from 'vitest';
import { bruteForceHPrime, h, hPrime } from '../src/objective/index.ts';
import { countFormTables, scheme } from '../src/schemes/index.ts';
import { tableScheme } from './helpers/table-scheme.ts';
import { schemeLaws } from './laws/scheme-laws.ts';

describe('weight schemes', () => {
  for (const law of schemeLaws({
    scheme,
    tableScheme,
    bruteForceHPrime,
    countFormTables,
    h,
    hPrime,
  })) {
    it.prop([law.arbitrary], { numRuns: 60 })(law.name, (value) => law.check(value));
  }
});
