import { bernsteinBasisInto } from '../math/index.ts';
import type { Scheme } from '../schemes/index.ts';
import type { ClosedFormEvaluator } from './closed-form-evaluator.ts';
import type { Corpus } from './corpus.ts';
import { type MetricLayout, recordMetrics } from './curve-metrics.ts';
import type { DriftProjections } from './drift-projections.ts';

/** The law of the projections of `D_T` along the mean-field path, for the precondition. */
export interface DriftLaw {
  /** Per projection, the variance of `v . D_T`. */
  readonly variance: Float64Array;
  /** Per projection, its third central moment (cumulant). */
  readonly third: Float64Array;
}

/** What {@link meanField} computes. */
export interface MeanFieldResult {
  /** `layout.size` metrics at each recorded step, record-major, as for a stochastic path. */
  readonly curves: Float64Array;
  /** Present when `law` was asked for. */
  readonly law?: DriftLaw;
}

/** What the drift law needs besides the path: the scheme's tables, the batch, the projections. */
export interface DriftLawInput {
  readonly scheme: Scheme;
  readonly batch: number;
  readonly projections: DriftProjections;
}

/**
 * The mean-field path of docs/theory.md §8: the deterministic iteration `theta <- theta + lr grad
 * J(theta)`, `J = (1/N) sum_x h_M(p_x)`, from the corpus's initial parameters, with `grad J` from
 * the closed form `h_M'` (`tabular`: `dJ/dtheta_x = (1/N) h_M'(p_x) p_x (1 - p_x)`; `shared`:
 * `grad_w J = (1/N) sum_x h_M'(p_x) p_x (1 - p_x) phi_x`). Records the same metrics as a
 * stochastic path at the recorded steps.
 *
 * With `law`, also the approximate law of each projection `v . D_T` of the martingale sum, for
 * the precondition of the path check's normal approximation (a function of the configuration
 * only): at step t a group of prompt x moves `v . D` by `(lr/B) (a_x u_K - E[.])`, with
 * `a_x = v . grad_theta logit_x` and `u_K = (1/M)(K b[K-1] (1-p_x) - (M-K) a[K] p_x)` the
 * count-form group update when K answers are right, `x` uniform and `K ~ Binomial(M, p_x)`. The
 * B groups of a step are independent given `theta_t`; the steps' increments are summed as if
 * independent, at the mean-field state, so the variance and third cumulant add:
 * `Var = sum_t (lr^2/B) sigma_t^2`, `kappa_3 = sum_t (lr^3/B^2) kappa_t`. (The true path's
 * state is random; its increments are uncorrelated but not independent. The binding condition
 * of the precondition at a path's scale is the number of seeds, not this skewness.)
 */
export function meanField(
  corpus: Corpus,
  closedForm: ClosedFormEvaluator,
  layout: MetricLayout,
  recorded: readonly number[],
  steps: number,
  lr: number,
  law?: DriftLawInput,
): MeanFieldResult {
  const { N } = corpus;
  const tabular = corpus.description.kind === 'tabular';
  const d = corpus.dim;
  const phi = corpus.features;
  const theta = tabular ? Float64Array.from(corpus.logits) : new Float64Array(d);
  const p = Float64Array.from(corpus.q);
  const g = new Float64Array(N);
  const curves = new Float64Array(recorded.length * layout.size);
  const moments = law && lawMoments(corpus, law);
  const variance = new Float64Array(law?.projections.names.length ?? 0);
  const third = new Float64Array(variance.length);
  let next = 0;
  for (let t = 0; t <= steps; t++) {
    if (!tabular) {
      for (let x = 0; x < N; x++) {
        let z = corpus.logits[x]!;
        for (let j = 0; j < d; j++) z += theta[j]! * phi![x * d + j]!;
        p[x] = 1 / (1 + Math.exp(-z));
      }
    }
    if (recorded[next] === t) {
      recordMetrics(layout, corpus, closedForm, p, curves, next * layout.size);
      next++;
    }
    if (t === steps) break;
    for (let x = 0; x < N; x++) g[x] = closedForm.gradient(p[x]!);
    if (moments) moments.addStep(p, lr, variance, third);
    if (tabular) {
      const scale = lr / N;
      for (let x = 0; x < N; x++) {
        theta[x] = theta[x]! + scale * g[x]!;
        p[x] = 1 / (1 + Math.exp(-theta[x]!));
      }
    } else {
      const gradient = new Float64Array(d);
      for (let x = 0; x < N; x++) {
        for (let j = 0; j < d; j++) gradient[j] = gradient[j]! + g[x]! * phi![x * d + j]!;
      }
      for (let j = 0; j < d; j++) theta[j] = theta[j]! + (lr / N) * gradient[j]!;
    }
  }
  return law ? { curves, law: { variance, third } } : { curves };
}

/** The per-step moments of the drift's increments at the mean-field state (see meanField). */
function lawMoments(corpus: Corpus, { scheme, batch, projections }: DriftLawInput) {
  const { N } = corpus;
  const { M, a, b } = scheme;
  const count = projections.names.length;
  // reach[x * count + j] = v_j . grad_theta logit_x: e_x for tabular, phi_x for shared.
  const reach = new Float64Array(N * count);
  for (let x = 0; x < N; x++) {
    for (let j = 0; j < count; j++) {
      const v = projections.vectors[j]!;
      let s = 0;
      if (corpus.description.kind === 'tabular') s = v[x]!;
      else for (let i = 0; i < corpus.dim; i++) s += v[i]! * corpus.features![x * corpus.dim + i]!;
      reach[x * count + j] = s;
    }
  }
  const pmf = new Float64Array(M + 1);
  const m1 = new Float64Array(count);
  const m2 = new Float64Array(count);
  const m3 = new Float64Array(count);
  return {
    addStep(p: Float64Array, lr: number, variance: Float64Array, third: Float64Array) {
      m1.fill(0);
      m2.fill(0);
      m3.fill(0);
      for (let x = 0; x < N; x++) {
        const px = p[x]!;
        bernsteinBasisInto(M, px, pmf);
        let e1 = 0;
        let e2 = 0;
        let e3 = 0;
        for (let K = 0; K <= M; K++) {
          const w = pmf[K]!;
          if (w === 0) continue;
          const right = K > 0 ? K * b[K - 1]! * (1 - px) : 0;
          const wrong = K < M ? (M - K) * a[K]! * px : 0;
          const u = (right - wrong) / M;
          e1 += w * u;
          e2 += w * u * u;
          e3 += w * u * u * u;
        }
        for (let j = 0; j < count; j++) {
          const r = reach[x * count + j]!;
          if (r === 0) continue;
          m1[j] = m1[j]! + r * e1;
          m2[j] = m2[j]! + r * r * e2;
          m3[j] = m3[j]! + r * r * r * e3;
        }
      }
      for (let j = 0; j < count; j++) {
        const mu = m1[j]! / N;
        const s2 = m2[j]! / N;
        const s3 = m3[j]! / N;
        variance[j] = variance[j]! + ((lr * lr) / batch) * Math.max(0, s2 - mu * mu);
        third[j] =
          third[j]! + ((lr * lr * lr) / (batch * batch)) * (s3 - 3 * mu * s2 + 2 * mu ** 3);
      }
    },
  };
}
