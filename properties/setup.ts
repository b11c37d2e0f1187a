import fc from 'fast-check';

/**
 * The fast-check configuration shared by every property file under `properties/`. Import it
 * (for its side effect) before any `it.prop` or `fc.check`, so that the seed is fixed before the
 * properties are defined: `@fast-check/vitest` reads the global seed when `it.prop` is called.
 *
 * - `FC_SEED=<integer>` replays a run (the seed is printed in every property's test name,
 *   `... (with seed=N)`, and in fast-check's failure message together with the `path`).
 * - `FC_SEED=random` draws a fresh seed per file, as fast-check does by default.
 * - Unset: {@link DEFAULT_SEED}, so that `npm test` is deterministic (CONTRIBUTING: Monte Carlo
 *   tests never flake). `properties/run-seeds.ts` runs the suite under many seeds.
 */
export const DEFAULT_SEED = 20251015;

/** The seed this process runs the properties with (see the module comment). */
export const PROPERTY_SEED: number = readSeed(process.env.FC_SEED);

function readSeed(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`FC_SEED must be an integer or 'random', got '${raw}'`);
  }
  return seed | 0;
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: PROPERTY_SEED });
