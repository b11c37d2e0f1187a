// Independent references for src/dynamics (docs/theory.md §8), written from the text of the model and
// sharing no code with it beyond the scheme's native formula and the closed form `hPrime`:
// straightforward loops, no incremental bookkeeping, their own random numbers.
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import seedrandom from 'seedrandom';
import { hPrime } from '../../../src/objective/index.ts';
import { scheme as buildScheme } from '../../../src/schemes/index.ts';

/** The model a reference runs: the initial p, and for a shared corpus the features (row-major). */
export interface ReferenceModel {
  readonly kind: 'tabular' | 'shared';
  readonly q: readonly number[];
  readonly features?: readonly number[][];
}

/** Initial p of prompt x: the Beta(alpha, beta) quantile at (x + 1/2)/N. */
export function referenceDifficulties(N: number, alpha: number, beta: number): number[] {
  return Array.from({ length: N }, (_, x) => betaQuantile((x + 0.5) / N, alpha, beta));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => Math.log(p / (1 - p));

/** The probabilities of the model at parameters `theta` (tabular: logits; shared: w). */
function probabilities(model: ReferenceModel, theta: readonly number[]): number[] {
  if (model.kind === 'tabular') return theta.map(sigmoid);
  return model.q.map((q, x) =>
    sigmoid(logit(q) + model.features![x]!.reduce((s, f, j) => s + f * theta[j]!, 0)),
  );
}

function initial(model: ReferenceModel): number[] {
  return model.kind === 'tabular' ? model.q.map(logit) : model.features![0]!.map(() => 0);
}

/** grad J(theta) with J = (1/N) sum_x h(p_x), h' from the closed form of table c. */
function gradJ(model: ReferenceModel, theta: readonly number[], c: readonly number[]): number[] {
  const p = probabilities(model, theta);
  const N = p.length;
  const g = p.map((px) => (hPrime(c, px) * px * (1 - px)) / N);
  if (model.kind === 'tabular') return g;
  return theta.map((_, j) => g.reduce((s, gx, x) => s + gx * model.features![x]![j]!, 0));
}

/** The mean-field path theta <- theta + lr grad J(theta): the mean p at every step 0..T. */
export function referenceMeanField(
  model: ReferenceModel,
  c: readonly number[],
  lr: number,
  steps: number,
): number[] {
  let theta = initial(model);
  const meanP: number[] = [];
  for (let t = 0; ; t++) {
    const p = probabilities(model, theta);
    meanP.push(p.reduce((s, v) => s + v, 0) / p.length);
    if (t === steps) return meanP;
    const g = gradJ(model, theta, c);
    theta = theta.map((v, i) => v + lr * g[i]!);
  }
}

/**
 * Stochastic gradient ascent by the letter of docs/theory.md §8, seed by seed: B prompts uniform with
 * replacement, M rewards Bernoulli(p_x) each from seedrandom's xor4096 (not the suite's alea
 * streams), weights from the scheme's validated native formula `advantages`, and
 * theta <- theta + lr (1/B) sum_b (1/M) sum_i Z_i (R_i - p_x) grad logit_x. Returns, per seed,
 * the mean p at every step 0..T.
 */
export function referenceSga(
  model: ReferenceModel,
  spec: string,
  M: number,
  options: { lr: number; steps: number; batch: number; seeds: number; seed: string },
): number[][] {
  const scheme = buildScheme(spec, M);
  const N = model.q.length;
  const runs: number[][] = [];
  for (let r = 0; r < options.seeds; r++) {
    const u = seedrandom.xor4096(`reference/${options.seed}/${spec}/${r}`);
    let theta = initial(model);
    const meanP: number[] = [];
    for (let t = 0; ; t++) {
      const p = probabilities(model, theta);
      meanP.push(p.reduce((s, v) => s + v, 0) / N);
      if (t === options.steps) break;
      const step = theta.map(() => 0);
      for (let b = 0; b < options.batch; b++) {
        const x = Math.floor(u() * N);
        const rewards = Array.from({ length: M }, () => (u() < p[x]! ? 1 : 0));
        const Z = scheme.advantages(rewards);
        const update = Z.reduce((s, z, i) => s + z * (rewards[i]! - p[x]!), 0) / M;
        if (model.kind === 'tabular') step[x] = step[x]! + update;
        else
          model.features![x]!.forEach((f, j) => {
            step[j] = step[j]! + update * f;
          });
      }
      theta = theta.map((v, i) => v + (options.lr / options.batch) * step[i]!);
    }
    runs.push(meanP);
  }
  return runs;
}
