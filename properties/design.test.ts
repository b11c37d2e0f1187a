// Designed schemes and GRPO's arcsin limit (docs/theory.md §3) against the library: tolerances and
// false-fail rates (all 0, deterministic) are stated on each law in laws/design-laws.ts.
import './setup.ts';
import { it } from '@fast-check/vitest';
import { describe } from 'vitest';
import { h, normalizedH, targetDistance } from '../src/objective/index.ts';
import { scheme } from '../src/schemes/index.ts';
import { target } from '../src/targets/targets.ts';
import { designLaws } from './laws/design-laws.ts';

describe('design and the GRPO limit', () => {
  for (const law of designLaws({ scheme, target, targetDistance, h, normalizedH })) {
    it.prop([law.arbitrary], { numRuns: 25 })(law.name, (value) => law.check(value));
  }
});
