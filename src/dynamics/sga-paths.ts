import type { BernoulliGroup } from '../estimators/index.ts';
import { UniformStream } from '../rng/index.ts';
import type { Scheme } from '../schemes/index.ts';
import type { ClosedFormEvaluator } from './closed-form-evaluator.ts';
import type { Corpus } from './corpus.ts';
import { type MetricLayout, recordMetrics } from './curve-metrics.ts';

/** Everything one seed's stochastic path needs, built once per chunk. */
export interface PathSetup {
  readonly corpus: Corpus;
  readonly scheme: Scheme;
  /**
   * The scheme's group of Algorithm 1 (`BernoulliGroup`: M rewards Bernoulli(p), native weights,
   * `(1/M) sum_i Z_i (R_i - p)`), built once for every seed.
   */
  readonly group: BernoulliGroup;
  /** The closed form `h_M'` (docs/theory.md §2) that `lr grad J` is built from, for `D_T` and `J`. */
  readonly closedForm: ClosedFormEvaluator;
  readonly layout: MetricLayout;
  /** Recorded steps, increasing, from 0 to `steps`. */
  readonly recorded: readonly number[];
  readonly steps: number;
  readonly batch: number;
  readonly lr: number;
  /** Run seed and substream family; seed `r` of the scheme draws from `(seed, stream, scheme, 'seed', r)`. */
  readonly seed: string | number;
  readonly stream: string;
}

/** What one seed's path gives: its metric curves and its martingale sum `D_T`. */
export interface PathResult {
  /** `layout.size` metrics at each recorded step, record-major. */
  readonly curves: Float64Array;
  /** `D_T = theta_T - theta_0 - lr sum_{t<T} grad J(theta_t)`, one entry per parameter. */
  readonly drift: Float64Array;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** A prompt drawn uniformly from `N` (docs/theory.md §8: `Q` uniform, with replacement). */
function drawPrompt(u: UniformStream, N: number): number {
  return Math.floor(u.next() * N);
}

/**
 * Runs seed `r` of a stochastic path (docs/theory.md §8, Algorithm 1 as SGA): `steps` steps, each
 * drawing `batch` prompts uniformly with replacement and `M` responses per prompt with rewards
 * exactly Bernoulli(`p_x`), weighting them with the scheme's native group formula, and applying
 * `theta <- theta + lr (1/B) sum_b (1/M) sum_i Z_{b,i} grad log pi(y_{b,i} | x_b)` with every
 * group computed at `theta_t`. Records the metrics at the recorded steps and accumulates the
 * martingale sum `D_T` against the closed form's `lr grad J(theta_t)` at every step.
 *
 * `tabular` costs O(B M) per step: only the sampled prompts' logits move, and `sum_t grad J`
 * is kept per prompt as (steps held) x (gradient at the held value), so a prompt's term is
 * updated only when the prompt is drawn. `shared` costs O(N (d + M)) per step: every `p_x`
 * moves with `w`.
 */
export function runSeed(setup: PathSetup, r: number): PathResult {
  const u = new UniformStream(setup.seed, setup.stream, setup.scheme.spec, 'seed', r);
  return setup.corpus.description.kind === 'tabular' ? tabularPath(setup, u) : sharedPath(setup, u);
}

function tabularPath(setup: PathSetup, u: UniformStream): PathResult {
  const { corpus, closedForm, layout, recorded, steps, batch, lr } = setup;
  const N = corpus.N;
  const { group } = setup;
  const theta = Float64Array.from(corpus.logits);
  const p = Float64Array.from(corpus.q);
  const gradient = Float64Array.from(p, (px) => closedForm.gradient(px));
  // held[x]: sum over the steps before since[x] of N dJ/dtheta_x at each step's theta.
  const held = new Float64Array(N);
  const since = new Float64Array(N);
  const delta = new Float64Array(N);
  const drawn = new Uint8Array(N);
  const touched = new Int32Array(batch);
  const curves = new Float64Array(recorded.length * layout.size);
  recordMetrics(layout, corpus, closedForm, p, curves, 0);
  let next = 1;
  const step = lr / batch;
  for (let t = 0; t < steps; t++) {
    let count = 0;
    for (let b = 0; b < batch; b++) {
      const x = drawPrompt(u, N);
      delta[x] = delta[x]! + group.draw(p[x]!, u);
      if (drawn[x] === 0) {
        drawn[x] = 1;
        touched[count++] = x;
      }
    }
    for (let i = 0; i < count; i++) {
      const x = touched[i]!;
      held[x] = held[x]! + (t + 1 - since[x]!) * gradient[x]!;
      since[x] = t + 1;
      theta[x] = theta[x]! + step * delta[x]!;
      const px = sigmoid(theta[x]!);
      p[x] = px;
      gradient[x] = closedForm.gradient(px);
      delta[x] = 0;
      drawn[x] = 0;
    }
    if (recorded[next] === t + 1) {
      recordMetrics(layout, corpus, closedForm, p, curves, next * layout.size);
      next++;
    }
  }
  const drift = new Float64Array(N);
  const scale = lr / N;
  for (let x = 0; x < N; x++) {
    const total = held[x]! + (steps - since[x]!) * gradient[x]!;
    drift[x] = theta[x]! - corpus.logits[x]! - scale * total;
  }
  return { curves, drift };
}

function sharedPath(setup: PathSetup, u: UniformStream): PathResult {
  const { corpus, closedForm, layout, recorded, steps, batch, lr } = setup;
  const { N, dim: d } = corpus;
  const phi = corpus.features!;
  const offsets = corpus.logits;
  const { group } = setup;
  const w = new Float64Array(d);
  const p = new Float64Array(N);
  const gradientSum = new Float64Array(d);
  const delta = new Float64Array(d);
  const curves = new Float64Array(recorded.length * layout.size);
  const probabilities = () => {
    for (let x = 0; x < N; x++) {
      let z = offsets[x]!;
      const row = x * d;
      for (let j = 0; j < d; j++) z += w[j]! * phi[row + j]!;
      p[x] = sigmoid(z);
    }
  };
  let next = 0;
  const step = lr / batch;
  for (let t = 0; t <= steps; t++) {
    probabilities();
    if (recorded[next] === t) {
      recordMetrics(layout, corpus, closedForm, p, curves, next * layout.size);
      next++;
    }
    if (t === steps) break;
    for (let x = 0; x < N; x++) {
      const g = closedForm.gradient(p[x]!);
      const row = x * d;
      for (let j = 0; j < d; j++) gradientSum[j] = gradientSum[j]! + g * phi[row + j]!;
    }
    delta.fill(0);
    for (let b = 0; b < batch; b++) {
      const x = drawPrompt(u, N);
      const update = group.draw(p[x]!, u);
      const row = x * d;
      for (let j = 0; j < d; j++) delta[j] = delta[j]! + update * phi[row + j]!;
    }
    for (let j = 0; j < d; j++) w[j] = w[j]! + step * delta[j]!;
  }
  const drift = Float64Array.from(w, (wj, j) => wj - (lr / N) * gradientSum[j]!);
  return { curves, drift };
}
