import type { GuidedSampler, SampledPolicy, Sampler } from '../policies/index.ts';
import { UNIFORM_BUFFER, type UniformStream } from '../rng/index.ts';
import type { GradedScheme } from '../schemes/index.ts';
import { PATTERN_TABLE_MAX_M, type Scheme } from '../schemes/index.ts';
import type { VectorMoments } from '../stats/index.ts';
import { ShiftedSums, VectorBuffer } from '../stats/index.ts';
import { BernoulliGroup } from './bernoulli-group.ts';
import { ClassWeights, type GroupWeights } from './class-weights.ts';
import { CountHistogram } from './count-histogram.ts';
import { classWeightsOf } from './graded-class-weights.ts';
import { promptBlocks, putZeros } from './prompt-blocks.ts';

/** Groups summed before a Chan merge into the moments: one division per block, not per group. */
const BLOCK = 1024;

/**
 * Algorithm 1 (docs/theory.md §1) for `groups` groups of any policy, each group's update
 * `g = (1/M) sum_i Z_i grad log pi(y_i)` summarised into `moments`: draw the group's prompt (a
 * corpus), its `M` responses from the group's uniforms (read as one block, `take`), which the
 * prompt's sampler keeps as counts per answer and class; the weights `Z` per class from the
 * scheme's native group formula on the classes in response order (`ClassWeights` for binary
 * rewards, `GradedClassWeights` for the reward classes of docs/theory.md §10, built once per
 * scheme by the caller or here); the update from the counts, the prompt's block of `g` (the
 * other blocks are 0). Groups are summarised in blocks of {@link BLOCK} as shifted sums
 * ({@link ShiftedSums}) that are Chan-merged into `moments`; the sampler sends each component
 * of `g` to them as it computes it (one pass per group, `g` never stored). No allocation per
 * group, and no per-prompt setup in the loop: the samplers are made once.
 */
export function algorithm1Groups(
  policy: SampledPolicy,
  scheme: Scheme | GradedScheme,
  groups: number,
  u: UniformStream,
  moments: VectorMoments,
  weightsOf: GroupWeights = classWeightsOf(scheme),
): void {
  const M = scheme.M;
  const invM = 1 / M;
  const dim = policy.dim;
  const sampler = policy.sampler();
  const samplers = sampler.prompts;
  const guided = samplers.length === 1 ? samplers[0]!.guided : undefined;
  if (guided !== undefined && u.index === UNIFORM_BUFFER) {
    algorithm1Guided(samplers[0]!, guided, M, groups, u, moments, weightsOf);
    return;
  }
  const blocks = promptBlocks(policy);
  const w = new Float64Array(weightsOf.classes);
  const block = new ShiftedSums(dim);
  for (let done = 0; done < groups; ) {
    const size = Math.min(BLOCK, groups - done);
    for (let n = 0; n < size; n++) {
      const x = sampler.prompt(u);
      const prompt = samplers[x]!;
      const uniforms = u.take(M * prompt.width);
      const K = prompt.draw(uniforms, u.at, M);
      weightsOf.into(prompt.rewards, 0, K, w);
      block.next();
      const start = blocks[x]!;
      prompt.update(w, invM, block, start);
      putZeros(block, blocks, x, dim);
    }
    block.flushInto(moments);
    done += size;
  }
}

/**
 * {@link algorithm1Groups} for a single prompt whose sampler is guided (`Sampler.guided`, the
 * softmax policy with binary rewards and few answers), specialised: the stream draws the
 * responses as it makes the uniforms (`refillGuided`: the same uniforms, so the same answers),
 * a group's counts are the differences of the stream's running sums of entries, and its classes
 * in response order are the stream's rewards; the weights and the update are the sampler loop's,
 * so a group's update has the same bits. A group that straddles refills gathers its classes.
 *
 * Pooled, when the weights depend on `K` alone (`GroupWeights.byCount`) and a group's counts fit
 * the guide entries' fields (`M <= low`): a group's update is then a function of its counts per
 * answer, so each block keeps only its distinct counts and their numbers of groups
 * ({@link CountHistogram}), and adds each distinct update once, weighted by its groups, in the
 * order the counts were first met (`ShiftedSums.addRepeated`): the same moments up to the
 * rounding of those sums, with one update per distinct count instead of one per group.
 *
 * `u` must not have been read yet, or only to the end of its buffer; it is left where the
 * groups end, its buffer holding uniforms again.
 */
function algorithm1Guided(
  prompt: Sampler,
  guided: GuidedSampler,
  M: number,
  groups: number,
  u: UniformStream,
  moments: VectorMoments,
  weightsOf: GroupWeights,
): void {
  const invM = 1 / M;
  const w = new Float64Array(weightsOf.classes);
  const block = new ShiftedSums(moments.dim);
  const byCount = M <= guided.low ? weightsOf.byCount : null;
  const histogram = byCount === null ? null : new CountHistogram(BLOCK);
  const update = new VectorBuffer(moments.dim);
  const gathered = new Int32Array(M);
  const { rewards, counts } = u;
  let k = u.index;
  for (let done = 0; done < groups; ) {
    const size = Math.min(BLOCK, groups - done);
    for (let n = 0; n < size; n++) {
      if (k === UNIFORM_BUFFER) {
        u.refillGuided(guided);
        k = 0;
      }
      let K = 0;
      let classes = rewards;
      let start = k;
      if (k + M <= UNIFORM_BUFFER) {
        K = guided.count(counts, k, k + M);
        k += M;
      } else {
        classes = gathered;
        start = 0;
        for (let i = 0; i < M; ) {
          if (k === UNIFORM_BUFFER) {
            u.refillGuided(guided);
            k = 0;
          }
          const part = Math.min(M - i, UNIFORM_BUFFER - k);
          K += guided.count(counts, k, k + part);
          for (let j = 0; j < part; j++) gathered[i + j] = rewards[k + j]!;
          i += part;
          k += part;
        }
      }
      if (histogram !== null) {
        histogram.add(guided.takeCounts(), K);
      } else {
        weightsOf.into(classes, start, K, w);
        block.next();
        prompt.update(w, invM, block, 0);
      }
    }
    if (histogram !== null && byCount !== null) {
      const { keys, times, correct, order } = histogram;
      for (let i = 0; i < histogram.size; i++) {
        const slot = order[i]!;
        const K = correct[slot]!;
        w[0] = byCount[2 * K]!;
        w[1] = byCount[2 * K + 1]!;
        guided.updateCounts(keys[slot]!, M, K, w, invM, update, 0);
        block.addRepeated(update.x, times[slot]!);
      }
      histogram.clear();
    }
    block.flushInto(moments);
    done += size;
  }
  u.index = k;
  if (k < UNIFORM_BUFFER) u.restoreUniforms();
}

/** Groups whose updates are summed side by side, each in its own order (see below). */
const INTERLEAVED = 4;

/**
 * Algorithm 1 (docs/theory.md §1) on the Bernoulli-logistic policy (§5), specialised for speed: the
 * rewards `R = 1[u < p]` come straight from the stream (`refillBernoulli`, one uniform per
 * response, in the order of the generic loop, with running counts that give each group's `K`),
 * each group's update is a {@link BernoulliGroup}'s `(1/M) sum_i Z_i (R_i - p)`, and groups are
 * summarised in blocks of {@link BLOCK} as shifted sums (shift = the block's first value, so no
 * cancellation) that are Chan-merged into `moments`.
 *
 * Up to `PATTERN_TABLE_MAX_M` the update of each of the `2^M` reward patterns is computed first,
 * by exactly the same operations (the update is a function of the rewards alone), and a group
 * only reads its rewards into the pattern's index. Above it, a scheme with the two-weight native
 * form has {@link INTERLEAVED} groups' sums `sum_i Z_i (R_i - p)` run side by side, each term by
 * term in response order: the same bits as one group at a time, without waiting on one chain of
 * additions.
 *
 * `u` must not have been read yet: it is read as rewards.
 */
export function algorithm1Bernoulli(
  p: number,
  scheme: Scheme,
  groups: number,
  u: UniformStream,
  moments: VectorMoments,
): void {
  if (u.index !== UNIFORM_BUFFER) throw new Error('algorithm1Bernoulli: the stream was read');
  const M = scheme.M;
  const invM = 1 / M;
  const group = new BernoulliGroup(scheme);
  const rewards = group.rewards;
  let byPattern: Float64Array | null = null;
  if (M <= PATTERN_TABLE_MAX_M) {
    byPattern = new Float64Array(2 ** M);
    for (let pattern = 0; pattern < 2 ** M; pattern++) {
      let K = 0;
      for (let i = 0; i < M; i++) {
        rewards[i] = (pattern >> i) & 1;
        K += rewards[i]!;
      }
      byPattern[pattern] = group.update(rewards, 0, K, p);
    }
  }
  const twoWeights = byPattern === null ? scheme.groupWeightsInto : undefined;
  const two = new Float64Array(2);
  // Weights that depend on K alone: each K's two terms `w[R]·(R - p)` once, from the weights' table
  // by count, so that the loop reads a table instead of calling the scheme (a call that many
  // schemes in one process make megamorphic).
  const byCount = twoWeights === undefined ? null : new ClassWeights(scheme).byCount;
  const termsByK = byCount?.map((w, j) => w * ((j & 1) - p)) ?? null;
  // Per interleaved group g: its terms Z (R - p) for R = 0 and R = 1, and its update.
  const terms = new Float64Array(2 * INTERLEAVED);
  const updates = new Float64Array(INTERLEAVED);
  const block = new ShiftedSums(1);
  const { rewards: drawn, counts } = u;
  let k = u.index;
  for (let done = 0; done < groups; ) {
    const size = Math.min(BLOCK, groups - done);
    let shift = 0;
    let sum = 0;
    let squares = 0;
    for (let n = 0; n < size; ) {
      // Refilled at a group's start where possible, so that groups of a size dividing the
      // buffer never straddle two refills.
      if (k === UNIFORM_BUFFER) {
        u.refillBernoulli(p);
        k = 0;
      }
      let batch = 1;
      if (
        twoWeights !== undefined &&
        n + INTERLEAVED <= size &&
        k + INTERLEAVED * M <= UNIFORM_BUFFER
      ) {
        for (let g = 0; g < INTERLEAVED; g++) {
          const start = k + g * M;
          const K = counts[start + M]! - counts[start]!;
          if (termsByK !== null) {
            terms[2 * g] = termsByK[2 * K]!;
            terms[2 * g + 1] = termsByK[2 * K + 1]!;
          } else {
            twoWeights(drawn, start, K, two);
            terms[2 * g] = two[0]! * (0 - p);
            terms[2 * g + 1] = two[1]! * (1 - p);
          }
        }
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let i = k; i < k + M; i++) {
          a0 += terms[drawn[i]!]!;
          a1 += terms[2 + drawn[i + M]!]!;
          a2 += terms[4 + drawn[i + 2 * M]!]!;
          a3 += terms[6 + drawn[i + 3 * M]!]!;
        }
        updates[0] = a0 * invM;
        updates[1] = a1 * invM;
        updates[2] = a2 * invM;
        updates[3] = a3 * invM;
        batch = INTERLEAVED;
        k += INTERLEAVED * M;
      } else if (k + M <= UNIFORM_BUFFER) {
        if (byPattern !== null) {
          let pattern = 0;
          for (let i = 0; i < M; i++) pattern |= drawn[k + i]! << i;
          updates[0] = byPattern[pattern]!;
        } else {
          updates[0] = group.update(drawn, k, counts[k + M]! - counts[k]!, p);
        }
        k += M;
      } else {
        // The group straddles two refills: gather its rewards first.
        let K = 0;
        let pattern = 0;
        for (let i = 0; i < M; i++) {
          if (k === UNIFORM_BUFFER) {
            u.refillBernoulli(p);
            k = 0;
          }
          const r = drawn[k++]!;
          rewards[i] = r;
          K += r;
          pattern |= r << i;
        }
        updates[0] = byPattern !== null ? byPattern[pattern]! : group.update(rewards, 0, K, p);
      }
      for (let g = 0; g < batch; g++, n++) {
        const x = updates[g]!;
        if (n === 0) shift = x;
        const d = x - shift;
        sum += d;
        squares += d * d;
      }
    }
    block.set(size, shift, sum, squares);
    block.flushInto(moments);
    done += size;
  }
  u.index = k;
}
