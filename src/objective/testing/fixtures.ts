// Test-only loader for the committed mpmath references (scripts/fixtures/objective_fixtures.py).
import { readFileSync } from 'node:fs';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

/** GRPO at M <= 60: the double c table and [t, h, dh] exact for that table (betainc form). */
export const grpoSmall: {
  std: 'population' | 'sample';
  eps: number;
  M: number;
  c: number[];
  points: [number, number, number][];
}[] = load('grpo-small.json');

/** M = 256, 1024, 4096: [t, h, dh] for the exact c of each scheme (see doubleC / grpoC). */
export const largeM: { scheme: string; M: number; points: [number, number, number][] }[] =
  load('large-m.json');
