import { createRequire } from 'node:module';
import type seedrandom from 'seedrandom';

const require = createRequire(import.meta.url);

/**
 * seedrandom's alea generator, required on first use: seedrandom loads all its generators at
 * once, which importing the library for a closed form (`h`, `scheme`) does not need. Not
 * exported: its type is seedrandom's, and a declaration naming it would make every TypeScript
 * consumer of the package install `@types/seedrandom`.
 */
function alea(): typeof seedrandom.alea {
  return (require('seedrandom') as typeof seedrandom).alea;
}

/** The state of an alea generator: its three seeds and its carry. */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/**
 * The state of `substream(seed, ...path)` as seeded, so that a hand-inlined alea step started
 * from it draws exactly the substream's numbers.
 */
export function substreamState(
  seed: string | number,
  path: readonly (string | number)[],
): AleaState {
  return alea()(substreamSeed(seed, path), { state: true }).state();
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
