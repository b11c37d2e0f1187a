// Loader for the committed mpmath reference values (scripts/fixtures/objective_fixtures.py).
import { readFileSync } from 'node:fs';

export interface SpecialFixtures {
  /** [k, n, t, C(n,k) t^k (1-t)^(n-k)] */
  pmf: [number, number, number, number][];
  /** [a, b, t, I_t(a, b)] */
  incompleteBeta: [number, number, number, number][];
  /** [M, H_M] */
  harmonic: [number, number][];
}

export const special: SpecialFixtures = JSON.parse(
  readFileSync(new URL('./fixtures/special.json', import.meta.url), 'utf8'),
);
