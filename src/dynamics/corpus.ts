import {
  InputError,
  requirePositive,
  requirePositiveInteger,
  requireSize,
} from '../errors/index.ts';
import { parseSpec, SpecReader } from '../grammar/index.ts';
import { betaQuantile } from '../math/index.ts';
import { substream } from '../rng/index.ts';
import { normalQuantile } from '../stats/index.ts';

/** The corpus models of docs/theory.md §8. */
export const CORPUS_KINDS = ['tabular', 'shared'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

/** Most prompts a corpus may have, and most feature entries `prompts · dim` of a shared one. */
export const MAX_PROMPTS = 1_000_000;
export const MAX_FEATURE_ENTRIES = 10_000_000;

/** A validated corpus spec (plain JSON): what {@link buildCorpus} builds. */
export interface CorpusDescription {
  readonly kind: CorpusKind;
  /** Canonical spec, every default filled in, e.g. `tabular:prompts=1000,alpha=0.5,beta=2`. */
  readonly spec: string;
  /** Number of prompts `N`. */
  readonly prompts: number;
  /** Feature dimension `d` of a shared corpus (the size of `w`); 0 for tabular. */
  readonly dim: number;
  /** Beta(alpha, beta) law of the initial success probabilities. */
  readonly alpha: number;
  readonly beta: number;
}

/**
 * A corpus (docs/theory.md §8): `N` prompts sampled uniformly, prompt `x` (0-based) with initial success
 * probability `q_x`, the Beta(alpha, beta) quantile at `(x + 1/2)/N` (so prompts are sorted from
 * hardest to easiest), and the model's fixed parts.
 *
 * - `tabular`: parameters `theta_x`, one per prompt, `p_x = sigmoid(theta_x)`, starting at
 *   `theta_x = logit(q_x)`.
 * - `shared`: parameters `w` in R^d, `p_x = sigmoid(w . phi_x + b_x)`, starting at `w = 0`, with
 *   offsets `b_x = logit(q_x)`. Feature 0 is 1 for every prompt (a common direction, along which
 *   every `p_x` can rise together, so that `J_h` keeps its supremum at `p_x = 1` for all x); the
 *   other features are independent standard normal draws from the run seed.
 */
export interface Corpus {
  readonly description: CorpusDescription;
  readonly N: number;
  /** Number of trained parameters: `N` (tabular) or `d` (shared). */
  readonly dim: number;
  /** Initial success probabilities `q_x`, increasing in x. */
  readonly q: Float64Array;
  /** `logit(q_x)`: the initial logits (tabular) or the offsets `b_x` (shared). */
  readonly logits: Float64Array;
  /** Shared: `phi_x` as row x of an N-by-d row-major matrix; null for tabular. */
  readonly features: Float64Array | null;
  /** The initial-difficulty decile of each prompt, `floor(10 x / N)` (0 = hardest). */
  readonly decile: Uint8Array;
  /** Prompts in each decile (some are empty when N < 10). */
  readonly decileSize: Uint32Array;
}

/**
 * Reads a corpus spec: `tabular:prompts=N[,alpha=A,beta=B]` or
 * `shared:prompts=N[,dim=d,alpha=A,beta=B]` (docs/theory.md §8), defaults `alpha = beta = 1` (uniform
 * difficulties) and `dim = 4`. Throws a one-line InputError for an unknown kind or key, a count
 * that is not a positive integer, `alpha` or `beta` not positive, a corpus over
 * {@link MAX_PROMPTS} prompts or {@link MAX_FEATURE_ENTRIES} feature entries, and a Beta law so
 * extreme that an initial `p_x` rounds to 0 or 1 (its logit would be infinite).
 */
export function parseCorpus(text: string): CorpusDescription {
  const parsed = parseSpec(text, 'corpus');
  if (!(CORPUS_KINDS as readonly string[]).includes(parsed.name)) {
    throw new InputError(`unknown corpus '${parsed.name}'; allowed: ${CORPUS_KINDS.join(', ')}`);
  }
  const kind = parsed.name as CorpusKind;
  const reader = new SpecReader(parsed, 'corpus');
  const prompts = reader.requiredNumber('prompts', (name, v) =>
    requireSize(name, v, { max: MAX_PROMPTS, why: 'every prompt has its own parameters' }),
  );
  const dim = kind === 'shared' ? reader.number('dim', 4, requirePositiveInteger) : 0;
  const alpha = reader.number('alpha', 1, requirePositive);
  const beta = reader.number('beta', 1, requirePositive);
  const spec = reader.done();
  if (prompts * dim > MAX_FEATURE_ENTRIES) {
    throw new InputError(
      `corpus 'shared': prompts · dim must be at most ${MAX_FEATURE_ENTRIES}, got ${prompts * dim}`,
    );
  }
  const description = { kind, spec, prompts, dim, alpha, beta };
  const q = initialProbabilities(description);
  if (!(q[0]! > 0 && q[prompts - 1]! < 1)) {
    throw new InputError(
      `corpus '${spec}': the initial p of the ${q[0]! > 0 ? 'easiest' : 'hardest'} prompt rounds to ${q[0]! > 0 ? 1 : 0} (its logit is infinite); use a milder alpha and beta or fewer prompts`,
    );
  }
  return description;
}

/** `q_x`, the Beta(alpha, beta) quantile at `(x + 1/2)/N` (docs/theory.md §8). */
function initialProbabilities({ prompts, alpha, beta }: CorpusDescription): Float64Array {
  return Float64Array.from({ length: prompts }, (_, x) =>
    betaQuantile((x + 0.5) / prompts, alpha, beta),
  );
}

/**
 * Builds the corpus of a description for the run seed `seed` (which draws the features of a
 * shared corpus): see {@link Corpus}.
 */
export function buildCorpus(description: CorpusDescription, seed: string | number): Corpus {
  const N = description.prompts;
  const q = initialProbabilities(description);
  const logits = q.map((p) => Math.log(p) - Math.log1p(-p));
  let features: Float64Array | null = null;
  if (description.kind === 'shared') {
    const d = description.dim;
    features = new Float64Array(N * d);
    const u = substream(seed, 'corpus', 'features');
    for (let x = 0; x < N; x++) {
      features[x * d] = 1;
      // alea gives multiples of 2^-32 in [0, 1); the half step keeps the quantile finite.
      for (let j = 1; j < d; j++) features[x * d + j] = normalQuantile(u() + 2 ** -33);
    }
  }
  const decile = Uint8Array.from({ length: N }, (_, x) => Math.floor((10 * x) / N));
  const decileSize = new Uint32Array(10);
  for (const k of decile) decileSize[k]!++;
  return {
    description,
    N,
    dim: description.kind === 'tabular' ? N : description.dim,
    q,
    logits,
    features,
    decile,
    decileSize,
  };
}
