import { InputError, requireFinite, requireUnitInterval } from '../errors/index.ts';
import type { UniformStream } from '../rng/index.ts';
import { drawEach, type Policy } from './policy.ts';

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
    sampler(slots, g) {
      const rewards = new Float64Array(slots);
      // Branch-free `u < p ? 1 : 0`: u - p lies in (-1, 1).
      const draw = (u: UniformStream, slot: number) => {
        const r = 0 - Math.floor(u.next() - p);
        rewards[slot] = r;
        return r;
      };
      return {
        drawGroup(u, out, count) {
          if (!u.holds(count)) return drawEach(draw, u, out, count);
          let correct = 0;
          const buffer = u.buffer;
          const k = u.index;
          for (let i = 0; i < count; i++) {
            const r = 0 - Math.floor(buffer[k + i]! - p);
            rewards[i] = r;
            out[i] = r;
            correct += r;
          }
          u.index = k + count;
          return correct;
        },
        beginGroup() {},
        draw,
        addScores(weights, count, scale) {
          for (let i = 0; i < count; i++) {
            const w = weights[i]!;
            if (w !== 0) g[0] = g[0]! + w * scale * (rewards[i]! - p);
          }
        },
      };
    },
  };
}
