import { createRequire } from 'node:module';
import type seedrandom from 'seedrandom';

const require = createRequire(import.meta.url);

/**
 * seedrandom's alea generator, required on first use: seedrandom loads all its generators at
 * once, which importing the library for a closed form (`h`, `scheme`) does not need.
 */
export function alea(): typeof seedrandom.alea {
  return (require('seedrandom') as typeof seedrandom).alea;
}

/** A uniform generator on [0, 1) with 32 bits of resolution. */
export type Uniform = () => number;

/**
 * A reproducible random substream (docs/theory.md §6, "Reproducible randomness"): seedrandom's
 * alea generator (passes BigCrush, and much faster than the default ARC4), seeded from the run
 * seed and a path such as `['check', 3, 'chunk', 17]` through {@link substreamSeed}.
 *
 * Every unit of work draws from its own substream, so results do not depend on how many threads
 * or shards run the work, nor in which order.
 */
export function substream(seed: string | number, ...path: readonly (string | number)[]): Uniform {
  return alea()(substreamSeed(seed, path));
}

/** The seed string of the substream of `seed` at `path`. */
export function substreamSeed(seed: string | number, path: readonly (string | number)[]): string {
  return `rl-objective/${seed}/${path.join('/')}`;
}
