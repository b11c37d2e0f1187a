import { InputError, requireFinite, requireUnitInterval } from '../errors/index.ts';
import type { VectorSink } from '../stats/index.ts';
import { type Policy, PolicySampler, type Sampler } from './policy.ts';

/**
 * The Bernoulli-logistic policy (docs/theory.md §5): one parameter `theta`, `p = sigmoid(theta)`,
 * `grad log pi = R - p` (`1 - p` for a correct draw, `-p` for a wrong one), `grad p = p(1-p)`.
 * Given `p` in [0, 1] (then `theta = logit p`, infinite at the ends, and `grad p = 0` there) or
 * a finite `theta`.
 */
export function bernoulli(params: { readonly p: number } | { readonly theta: number }): Policy {
  if ('p' in params && 'theta' in params) {
    throw new InputError('bernoulli policy: give p or theta, not both');
  }
  let p: number;
  if ('p' in params) {
    p = requireUnitInterval('bernoulli policy: p', params.p);
  } else {
    const theta = requireFinite('bernoulli policy: theta', params.theta);
    p = 1 / (1 + Math.exp(-theta));
  }
  const description =
    'p' in params
      ? { kind: 'bernoulli' as const, p }
      : { kind: 'bernoulli' as const, theta: params.theta };
  return {
    kind: 'bernoulli',
    description,
    dim: 1,
    theta: Float64Array.of(Math.log(p) - Math.log1p(-p)),
    prompts: [
      {
        Q: 1,
        p,
        gradP: Float64Array.of(p * (1 - p)),
        offset: 0,
        // grad log pi = R - p: "token" R = 1 in a single row, always used.
        scores: {
          pi: Float64Array.of(p),
          correct: { used: Float64Array.of(p > 0 ? 1 : 0), hit: Float64Array.of(p > 0 ? 1 : 0) },
          wrong: { used: Float64Array.of(p < 1 ? 1 : 0), hit: Float64Array.of(0) },
        },
      },
    ],
    sampler() {
      return new PolicySampler([new BernoulliSampler(p)]);
    },
  };
}

/**
 * Draws Bernoulli responses (docs/theory.md §5): `R = 1[u < p]` from one uniform, counted by
 * class. With `grad log pi = R - p`, the update of `N_0` wrong and `N_1` correct responses is
 * `N_1 w_1 - (N_0 w_0 + N_1 w_1) p` (times the scale): the softmax form with one logit.
 */
class BernoulliSampler implements Sampler {
  readonly width = 1;
  rewards = new Int32Array(0);
  private correct = 0;
  private wrong = 0;

  constructor(private readonly p: number) {}

  draw(uniforms: Float64Array, k: number, count: number): number {
    if (this.rewards.length < count) this.rewards = new Int32Array(count);
    const { p, rewards } = this;
    let correct = 0;
    for (let i = 0; i < count; i++) {
      // Branch-free `u < p ? 1 : 0`: u - p lies in (-1, 1).
      const r = 0 - Math.floor(uniforms[k + i]! - p);
      rewards[i] = r;
      correct += r;
    }
    this.correct += correct;
    this.wrong += count - correct;
    return correct;
  }

  update(w: Float64Array, scale: number, out: VectorSink, offset: number): void {
    const w0 = w[0]! * scale;
    const w1 = w[1]! * scale;
    out.put(offset, this.correct * w1 - (this.wrong * w0 + this.correct * w1) * this.p);
    this.correct = 0;
    this.wrong = 0;
  }
}
