import { InputError } from '../errors/index.ts';
import { type Policy, PolicySampler, type PromptTerm } from './policy.ts';
import type { SinglePolicyDescription } from './policy-schema.ts';

/** Tolerance on `sum Q = 1`: a few ulps per prompt of rounding in weights typed as decimals. */
const Q_SUM_TOLERANCE = 1e-9;

/**
 * A corpus (docs/theory.md §1, §5): prompts `x` with weights `Q(x)`, each with its own policy and
 * parameters. The parameter vector is the concatenation of the prompts' parameters, so the
 * expected Algorithm 1 update is `sum_x Q(x) h_M'(p_x) grad p_x`, each term in its own block.
 * A group first draws `x ~ Q` (one uniform), then its responses from `x`'s policy.
 *
 * Throws InputError when a weight is not in (0, 1] or the weights do not sum to 1.
 */
export function corpus(
  prompts: readonly { readonly Q: number; readonly policy: Policy }[],
): Policy {
  if (prompts.length === 0) throw new InputError('corpus policy: needs at least one prompt');
  let total = 0;
  prompts.forEach(({ Q, policy }, x) => {
    if (!(Q > 0 && Q <= 1))
      throw new InputError(`corpus policy: prompt ${x} has Q = ${Q}; allowed (0, 1]`);
    if (policy.kind === 'corpus')
      throw new InputError(`corpus policy: prompt ${x} is itself a corpus`);
    total += Q;
  });
  if (Math.abs(total - 1) > Q_SUM_TOLERANCE) {
    throw new InputError(`corpus policy: the weights Q sum to ${total}; they must sum to 1`);
  }
  const offsets: number[] = [];
  let dim = 0;
  for (const { policy } of prompts) {
    offsets.push(dim);
    dim += policy.dim;
  }
  const terms: PromptTerm[] = prompts.map(({ Q, policy }, x) => {
    const term = policy.prompts[0]!;
    return { Q, p: term.p, gradP: term.gradP, offset: offsets[x]!, scores: term.scores };
  });
  const cumulative = new Float64Array(prompts.length);
  let running = 0;
  prompts.forEach(({ Q }, x) => {
    running += Q;
    cumulative[x] = x === prompts.length - 1 ? 1 : running / total;
  });
  return {
    kind: 'corpus',
    description: {
      kind: 'corpus',
      prompts: prompts.map(({ Q, policy }) => ({
        Q,
        policy: policy.description as SinglePolicyDescription,
      })),
    },
    dim,
    theta: Float64Array.from(prompts.flatMap(({ policy }) => [...policy.theta])),
    prompts: terms,
    sampler() {
      return new PolicySampler(
        prompts.map(({ policy }) => policy.sampler().prompts[0]!),
        cumulative,
      );
    },
  };
}
