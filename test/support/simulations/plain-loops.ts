// The simulators' loops written plainly (docs/theory.md §1, §4, §5), as the references the fast
// sampler loops must reproduce bit for bit: every uniform through `next()`, every index by a
// linear search of running sums, the weights from the scheme's validated native formula
// (`advantages`, never a table or the two-weight form), arrays allocated per group. What they
// share with the fast loops is only the documented arithmetic of a group's update from its
// counts, and of the moments.
import type { GradedPolicy, Policy } from '../../../src/policies/index.ts';
import { softmaxProbabilities } from '../../../src/policies/index.ts';
import { prefixLength } from '../../../src/policies/sequence-sampler.ts';
import type { UniformStream } from '../../../src/rng/index.ts';
import type { GradedScheme, Scheme } from '../../../src/schemes/index.ts';
import { VectorMoments } from '../../../src/stats/index.ts';

/** Groups per block of the moments' shifted sums. */
const BLOCK = 1024;

/** Running sums of `q` divided by their total, the last exactly 1. */
function runningSums(q: ArrayLike<number>): number[] {
  let total = 0;
  for (let j = 0; j < q.length; j++) total += q[j]!;
  let running = 0;
  return Array.from({ length: q.length }, (_, j) => {
    running += q[j]!;
    return j === q.length - 1 ? 1 : running / total;
  });
}

/** The smallest index whose running sum exceeds `u`. */
function invert(cdf: readonly number[], u: number): number {
  let v = 0;
  while (!(u < cdf[v]!)) v++;
  return v;
}

/** One response: its reward and the parameters' cells it uses (an answer, or transitions). */
interface Response {
  readonly reward: number;
  readonly cells: readonly number[];
}

/** A prompt drawn plainly, with its documented update from counts. */
interface PlainPrompt {
  readonly offset: number;
  draw(u: UniformStream): Response;
  /** Writes the update of `responses` under scaled class weights `ws` into its block of `g`. */
  update(responses: readonly Response[], ws: readonly number[], g: Float64Array): void;
}

/**
 * How a plain prompt sums a softmax update's `W`: over the classes, as the fast loops do, or
 * deliberately otherwise, over the answers.
 */
export type Summation = 'documented' | 'by-answer';

function plainPrompts(policy: Policy, summation: Summation): PlainPrompt[] {
  const single = policy.description.kind === 'corpus' ? policy.description.prompts : null;
  return policy.prompts.map((term, x) => {
    const description = single === null ? policy.description : single[x]!.policy;
    const offset = term.offset;
    const theta = policy.theta.subarray(offset, offset + term.gradP.length);
    if (description.kind === 'bernoulli') {
      const p = term.p;
      return {
        offset,
        draw: (u) => ({ reward: u.next() < p ? 1 : 0, cells: [] }),
        update(responses, ws, g) {
          const correct = responses.filter((r) => r.reward === 1).length;
          const wrong = responses.length - correct;
          g[offset] = correct * ws[1]! - (wrong * ws[0]! + correct * ws[1]!) * p;
        },
      };
    }
    if (description.kind === 'softmax' && 'correct' in description) {
      const pi = softmaxProbabilities(theta);
      const cdf = runningSums(pi);
      const right = new Set(description.correct);
      return {
        offset,
        draw(u) {
          const y = invert(cdf, u.next());
          return { reward: right.has(y) ? 1 : 0, cells: [y] };
        },
        update(responses, ws, g) {
          const n = new Array<number>(pi.length).fill(0);
          for (const r of responses) n[r.cells[0]!]!++;
          const t = n.map((count, y) => count * ws[right.has(y) ? 1 : 0]!);
          let W = 0;
          if (summation === 'documented') {
            const correct = responses.filter((r) => r.reward === 1).length;
            W = (responses.length - correct) * ws[0]! + correct * ws[1]!;
          } else {
            for (const ty of t) W += ty;
          }
          t.forEach((ty, y) => {
            g[offset + y] = ty - W * pi[y]!;
          });
        },
      };
    }
    if (description.kind !== 'sequence') throw new Error('a corpus inside a corpus');
    const { V, L, r } = description;
    const rows = theta.length / V;
    const pi = new Float64Array(theta.length);
    for (let row = 0; row < rows; row++)
      pi.set(softmaxProbabilities(theta.subarray(row * V, row * V + V)), row * V);
    // The first P tokens together: the prefixes in enumeration order (y_0 the most significant
    // digit), each with its probability, the product of its tokens' in the rows they are drawn
    // from; then each later token in its row.
    const P = prefixLength(V, L);
    const rowOf = (l: number, y: readonly number[]) => (l === 0 ? 0 : 1 + (l - 1) * V + y[l - 1]!);
    const prefixOf = (index: number) =>
      Array.from({ length: P }, (_, l) => Math.floor(index / V ** (P - 1 - l)) % V);
    const prefixCdf = runningSums(
      Array.from({ length: V ** P }, (_, index) => {
        const y = prefixOf(index);
        let prob = 1;
        for (let l = 0; l < P; l++) prob *= pi[rowOf(l, y) * V + y[l]!]!;
        return prob;
      }),
    );
    const rowCdfs = Array.from({ length: rows }, (_, row) =>
      runningSums(pi.subarray(row * V, row * V + V)),
    );
    return {
      offset,
      draw(u) {
        const y = prefixOf(invert(prefixCdf, u.next()));
        for (let l = P; l < L; l++) y.push(invert(rowCdfs[rowOf(l, y)]!, u.next()));
        const sum = y.reduce((a, b) => a + b, 0);
        return { reward: sum % V === r ? 1 : 0, cells: y.map((v, l) => rowOf(l, y) * V + v) };
      },
      update(responses, ws, g) {
        const n = [0, 1].map(() => new Array<number>(theta.length).fill(0));
        for (const response of responses) {
          for (const cell of response.cells) n[response.reward]![cell]!++;
        }
        for (let row = 0; row < rows; row++) {
          const uses = [0, 1].map((c) =>
            n[c]!.slice(row * V, row * V + V).reduce((a, b) => a + b, 0),
          );
          const W = uses[0]! * ws[0]! + uses[1]! * ws[1]!;
          for (let v = 0; v < V; v++) {
            const at = row * V + v;
            g[offset + at] = n[0]![at]! * ws[0]! + n[1]![at]! * ws[1]! - W * pi[at]!;
          }
        }
      },
    };
  });
}

/** The prompt of a group: a corpus's by one uniform, else 0 without one. */
function drawPrompt(policy: Policy, u: UniformStream): number {
  if (policy.kind !== 'corpus') return 0;
  return invert(runningSums(policy.prompts.map((t) => t.Q)), u.next());
}

/** The weight of each class at its first response (0 for a class with none). */
function classWeights(classes: readonly number[], weights: readonly number[], C: number): number[] {
  const w = new Array<number>(C).fill(0);
  for (let c = 0; c < C; c++) {
    const i = classes.indexOf(c);
    if (i >= 0) w[c] = weights[i]!;
  }
  return w;
}

/**
 * Algorithm 1 (docs/theory.md §1) for `groups` groups of `policy` under `scheme`, plainly: each
 * group's update into shifted sums over blocks of 1024 groups, Chan-merged into the moments.
 * `pooled`: each block's groups with the same responses' cells (the same answer counts) summed
 * as one update times their number, in the order first met, as the guided softmax loop does for
 * a scheme whose weights depend on `K` alone.
 */
export function plainAlgorithm1(
  policy: Policy,
  scheme: Scheme,
  groups: number,
  u: UniformStream,
  summation: Summation = 'documented',
  pooled = false,
): VectorMoments {
  const prompts = plainPrompts(policy, summation);
  const countsOf = (responses: readonly Response[]): string => {
    const counts = new Map<number, number>();
    for (const r of responses)
      for (const cell of r.cells) counts.set(cell, (counts.get(cell) ?? 0) + 1);
    return JSON.stringify([...counts].sort((x, y) => x[0] - y[0]));
  };
  let key = '';
  const keyOf = pooled ? () => key : undefined;
  return blockMoments(policy.dim, groups, keyOf, () => {
    const prompt = prompts[drawPrompt(policy, u)]!;
    const responses = Array.from({ length: scheme.M }, () => prompt.draw(u));
    key = countsOf(responses);
    const rewards = responses.map((r) => r.reward);
    const w = classWeights(rewards, scheme.advantages(rewards), 2);
    const g = new Float64Array(policy.dim);
    prompt.update(
      responses,
      w.map((wc) => wc * (1 / scheme.M)),
      g,
    );
    return g;
  });
}

/**
 * Algorithm 1 (docs/theory.md §10) for `groups` groups of a softmax policy with graded rewards
 * under a graded scheme, plainly: each answer by a linear search of the running sums, its class,
 * the weights from the scheme's validated native formula on the groups' rewards (the levels or
 * vectors themselves, not the classes), the documented update from counts, block moments.
 */
export function plainGradedAlgorithm1(
  policy: GradedPolicy,
  scheme: GradedScheme,
  groups: number,
  u: UniformStream,
): VectorMoments {
  const { pi, classOf, dim } = policy;
  const cdf = runningSums(pi);
  const rewards = policy.description.rewards;
  return blockMoments(dim, groups, undefined, () => {
    const answers = Array.from({ length: scheme.M }, () => invert(cdf, u.next()));
    const classes = answers.map((y) => classOf[y]!);
    const w = classWeights(
      classes,
      scheme.advantages(answers.map((y) => rewards[y]!)),
      scheme.classes.C,
    );
    const n = new Array<number>(dim).fill(0);
    for (const y of answers) n[y]!++;
    const scaled = w.map((wc) => wc * (1 / scheme.M));
    // W = sum_c N_c w'_c over the classes in order, N_c the responses of class c.
    let W = 0;
    scaled.forEach((wc, c) => {
      W += classes.filter((k) => k === c).length * wc;
    });
    return Float64Array.from(n, (count, y) => count * scaled[classOf[y]!]! - W * pi[y]!);
  });
}

/**
 * `groups` updates summarised as the loops do: shifted sums over blocks of 1024, Chan-merged.
 * With `keyOf` (read after each update), a block's updates of equal keys are summed once each,
 * times their number (`t·d` and `t·d²`), in the order their keys were first met.
 */
function blockMoments(
  dim: number,
  groups: number,
  keyOf: (() => string) | undefined,
  update: () => Float64Array,
): VectorMoments {
  const moments = new VectorMoments(dim);
  for (let done = 0; done < groups; ) {
    const size = Math.min(BLOCK, groups - done);
    const byKey = new Map<string, { g: Float64Array; times: number }>();
    const terms: { g: Float64Array; times: number }[] = [];
    for (let n = 0; n < size; n++) {
      const g = update();
      const key = keyOf?.();
      const seen = key === undefined ? undefined : byKey.get(key);
      if (seen !== undefined) seen.times++;
      else {
        const term = { g, times: 1 };
        terms.push(term);
        if (key !== undefined) byKey.set(key, term);
      }
    }
    const shift = terms[0]!.g;
    const mean = new Float64Array(dim);
    const m2 = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      let sum = 0;
      let squares = 0;
      for (const { g, times } of terms) {
        const d = g[j]! - shift[j]!;
        sum += times * d;
        squares += times * (d * d);
      }
      mean[j] = shift[j]! + sum / size;
      m2[j] = Math.max(0, squares - (sum * sum) / size);
    }
    moments.mergeSummary(size, mean, m2);
    done += size;
  }
  return moments;
}

/**
 * Pure rejection sampling (docs/theory.md §4) for `groups` groups of `policy`, plainly: draws
 * until `B` are correct, the update of the correct ones, Welford's moments of the updates and of
 * the draw counts; a group that reaches `maxDraws` draws stops the run unpushed.
 */
export function plainPureRs(
  policy: Policy,
  B: number,
  maxDraws: number,
  groups: number,
  u: UniformStream,
): { gradient: VectorMoments; draws: VectorMoments; capped: boolean } {
  const prompts = plainPrompts(policy, 'documented');
  const gradient = new VectorMoments(policy.dim);
  const draws = new VectorMoments(1);
  for (let n = 0; n < groups; n++) {
    const prompt = prompts[drawPrompt(policy, u)]!;
    const responses: Response[] = [];
    let correct = 0;
    while (correct < B) {
      if (responses.length === maxDraws) return { gradient, draws, capped: true };
      const response = prompt.draw(u);
      responses.push(response);
      correct += response.reward;
    }
    const g = new Float64Array(policy.dim);
    prompt.update(responses, [0, 1 / B], g);
    gradient.push(g);
    draws.push([responses.length]);
  }
  return { gradient, draws, capped: false };
}
