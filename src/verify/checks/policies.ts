/**
 * The policies of the battery, one per kind of docs/theory.md §5, as `simulate` reads them: a Bernoulli
 * logistic, a tabular softmax with K = 4, a sequence model with V^L = 64, and a corpus of three
 * prompts mixing kinds.
 */
export const POLICIES: readonly string[] = [
  'bernoulli:p=0.3',
  'softmax:logits=0.1;-0.4;0.3;0,correct=0;2',
  'sequence:V=4,L=3,r=1,seed=7',
  JSON.stringify({
    kind: 'corpus',
    prompts: [
      { Q: 0.5, policy: { kind: 'bernoulli', p: 0.2 } },
      { Q: 0.3, policy: { kind: 'softmax', logits: [0.1, -0.4, 0.3, 0], correct: [0, 2] } },
      { Q: 0.2, policy: { kind: 'bernoulli', p: 0.7 } },
    ],
  }),
];

/**
 * The policy of kind `k` (index into {@link POLICIES}) for group size `M`. The Bernoulli policy
 * uses `p = min(0.3, 2/M)`: with one parameter, rejection sampling's update is the constant
 * `1 - p` in every group with a correct answer, so the only randomness is the event `K = 0` of
 * probability `(1-p)^M`. At p = 0.3 and M = 64 that is 1.2e-10, never seen in a run, and the
 * normal approximation behind z fails (the closed form differs from the constant by exactly that
 * unseen contribution). With `p <= 2/M`, `(1-p)^M >= e^-2.3`, so every M sees it often.
 */
export function policyFor(k: number, M: number): string {
  if (k === 0) return `bernoulli:p=${Math.min(0.3, 2 / M)}`;
  return POLICIES[k]!;
}

/** Logits of the softmax policy's wrong answers 1..3 in {@link POLICIES}. */
const SOFTMAX_WRONG = [-0.4, 0.3, 0];

/**
 * A less extreme policy of kind `k` for group size `M`, the fallback of a check whose
 * {@link policyFor} policy needs too many groups for its precondition (docs/theory.md §6). Only the
 * softmax kind has one: the same logits with answer 0 alone correct, its logit set so that
 * `p = min(0.3, 2/M)` as for the Bernoulli policy (to three decimals), so that a group with no
 * correct answer is frequent at every M instead of a rare event.
 */
export function fallbackPolicyFor(k: number, M: number): string | undefined {
  if (k !== 1) return undefined;
  const p = Math.min(0.3, 2 / M);
  const rest = SOFTMAX_WRONG.reduce((sum, logit) => sum + Math.exp(logit), 0);
  const logit = Math.round(Math.log((p / (1 - p)) * rest) * 1000) / 1000;
  return `softmax:logits=${[logit, ...SOFTMAX_WRONG].join(';')},correct=0`;
}
