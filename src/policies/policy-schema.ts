import { z } from 'zod';
import { ENUMERATION_LIMIT } from './categorical.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const probability = z.number().min(0).max(1);
const count = (max: number) => z.number().int().min(1).max(max);

const bernoulliSchema = z.union([
  z.strictObject({ kind: z.literal('bernoulli'), p: probability }),
  z.strictObject({ kind: z.literal('bernoulli'), theta: finite }),
]);

const softmaxSchema = z.strictObject({
  kind: z.literal('softmax'),
  logits: z.array(finite).min(1),
  correct: z.array(z.number().int().min(0)),
});

const sequenceSchema = z.strictObject({
  kind: z.literal('sequence'),
  V: count(ENUMERATION_LIMIT),
  L: count(64),
  r: z.number().int().min(0),
  seed: z.union([z.number(), z.string()]),
  scale: z.number().min(0).refine(Number.isFinite, 'must be finite').default(1),
});

const singleSchema = z.union([bernoulliSchema, softmaxSchema, sequenceSchema]);

const corpusSchema = z.strictObject({
  kind: z.literal('corpus'),
  prompts: z
    .array(z.strictObject({ Q: z.number().positive().max(1), policy: singleSchema }))
    .min(1),
});

/**
 * The JSON form of a policy (docs/theory.md §5), validated with zod. Examples:
 * `{"kind":"bernoulli","p":0.3}`, `{"kind":"bernoulli","theta":-0.5}`,
 * `{"kind":"softmax","logits":[0.1,-0.4,0.3,0],"correct":[0,2]}`,
 * `{"kind":"sequence","V":4,"L":3,"r":1,"seed":7,"scale":1}`,
 * `{"kind":"corpus","prompts":[{"Q":0.5,"policy":{...}},...]}` (weights Q summing to 1).
 * Cross-field limits (`K`, `V^L`, indices, the sum of Q) are checked when the policy is built.
 */
export const policySchema = z.union([singleSchema, corpusSchema]);

/** The schema of each policy kind, to validate against the kind a JSON object names. */
export const policyKindSchemas = {
  bernoulli: bernoulliSchema,
  softmax: softmaxSchema,
  sequence: sequenceSchema,
  corpus: corpusSchema,
} as const;

/** A validated policy description: the JSON form, with defaults filled in. */
export type PolicyDescription = z.infer<typeof policySchema>;
/** A description of one prompt's policy (anything but a corpus). */
export type SinglePolicyDescription = z.infer<typeof singleSchema>;
