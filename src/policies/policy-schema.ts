import type { z as Zod } from 'zod';
import { lazySchema } from '../errors/index.ts';
import { ENUMERATION_LIMIT } from './categorical.ts';

/**
 * The zod schemas of the JSON form of a policy (docs/theory.md §5), built on first use: one per
 * kind (`kinds`), to validate against the kind a JSON object names, and `single` for the policy
 * of one prompt.
 * Examples:
 * `{"kind":"bernoulli","p":0.3}`, `{"kind":"bernoulli","theta":-0.5}`,
 * `{"kind":"softmax","logits":[0.1,-0.4,0.3,0],"correct":[0,2]}`,
 * `{"kind":"softmax","logits":[0,0.5,1],"rewards":[0,0.5,1]}` (graded; or `[[0,1],[1,1],...]`),
 * `{"kind":"sequence","V":4,"L":3,"r":1,"seed":7,"scale":1}`,
 * `{"kind":"corpus","prompts":[{"Q":0.5,"policy":{...}},...]}` (weights Q summing to 1).
 * Cross-field limits (`K`, `V^L`, indices, the sum of Q) are checked when the policy is built.
 */
export const policySchemas = lazySchema((z) => {
  const finite = z.number().refine(Number.isFinite, 'must be a finite number');
  const probability = z.number().min(0).max(1);
  const count = (max: number) => z.number().int().min(1).max(max);
  const bernoulli = z.union([
    z.strictObject({ kind: z.literal('bernoulli'), p: probability }),
    z.strictObject({ kind: z.literal('bernoulli'), theta: finite }),
  ]);
  const binarySoftmax = z.strictObject({
    kind: z.literal('softmax'),
    logits: z.array(finite).min(1),
    correct: z.array(z.number().int().min(0)),
  });
  // A softmax policy whose answers carry graded rewards (docs/theory.md §10): one reward per
  // answer, a level (a number) or a vector of `d` reward functions, each mapped to its class when
  // the policy is built against declared reward classes.
  const gradedSoftmax = z.strictObject({
    kind: z.literal('softmax'),
    logits: z.array(finite).min(1),
    rewards: z.array(z.union([finite, z.array(finite).min(1)])).min(1),
  });
  const softmax = z.union([binarySoftmax, gradedSoftmax]);
  const sequence = z.strictObject({
    kind: z.literal('sequence'),
    V: count(ENUMERATION_LIMIT),
    L: count(64),
    r: z.number().int().min(0),
    seed: z.union([z.number(), z.string()]),
    scale: z.number().min(0).refine(Number.isFinite, 'must be finite').default(1),
  });
  const single = z.union([bernoulli, softmax, sequence]);
  const corpus = z.strictObject({
    kind: z.literal('corpus'),
    prompts: z.array(z.strictObject({ Q: z.number().positive().max(1), policy: single })).min(1),
  });
  return { single, gradedSoftmax, kinds: { bernoulli, softmax, sequence, corpus } } as const;
});

type Schemas = ReturnType<typeof policySchemas>;

/** A description of one prompt's policy (anything but a corpus). */
export type SinglePolicyDescription = Zod.infer<Schemas['single']>;
/** A validated policy description: the JSON form, with defaults filled in. */
export type PolicyDescription = SinglePolicyDescription | Zod.infer<Schemas['kinds']['corpus']>;
/** A softmax policy with a reward for each answer (docs/theory.md §10). */
export type GradedSoftmaxDescription = Zod.infer<Schemas['gradedSoftmax']>;
