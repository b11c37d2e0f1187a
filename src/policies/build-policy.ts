import { InputError } from '../errors/index.ts';
import { bernoulli } from './bernoulli.ts';
import { corpus } from './corpus.ts';
import type { Policy } from './policy.ts';
import type { PolicyDescription } from './policy-schema.ts';
import { sequence } from './sequence.ts';
import { softmax } from './softmax.ts';

/**
 * Builds the policy (docs/theory.md §5) a validated description names, with its exact `p` and
 * `grad p`. Throws InputError for limits the schema cannot express (enumeration limit, indices,
 * `sum Q = 1`), and for a softmax policy with graded rewards (see `gradedSoftmax`).
 */
export function buildPolicy(description: PolicyDescription): Policy {
  switch (description.kind) {
    case 'bernoulli':
      return bernoulli(description);
    case 'softmax':
      if ('rewards' in description) {
        throw new InputError(
          'softmax policy: rewards= gives graded rewards, which need reward classes (--levels or --reward-functions); binary rewards are given by correct=',
        );
      }
      return softmax(description);
    case 'sequence':
      return sequence(description);
    case 'corpus':
      return corpus(
        description.prompts.map(({ Q, policy }) => ({ Q, policy: buildPolicy(policy) })),
      );
  }
}
