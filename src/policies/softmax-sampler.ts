import type { VectorSink } from '../stats/index.ts';
import type { Categorical } from './categorical.ts';
import type { GuidedSampler, Sampler } from './policy.ts';

/** A whole guide bucket's entry holds its answer's class from this bit on (counting draw). */
const CLASS_SHIFT = 20;

/** The answer's bits of a whole guide bucket's entry (answers are fewer than `2^20`). */
const ANSWER_MASK = 2 ** CLASS_SHIFT - 1;

/** The bit of a packed entry that marks a split bucket: the sign bit of an int32. */
const SPLIT_BIT = 31;

/** Bits of one answer's field in a packed count: at most this many. */
const MAX_FIELD_BITS = 16;

/** Bits of one answer's field in a packed count: at least this many, else the counting draw. */
const MIN_FIELD_BITS = 4;

/**
 * Draws the answers of a tabular softmax policy (docs/theory.md §5) for the simulators: answer `y`
 * from one uniform by inversion (row 0 of `categorical`, whose probabilities are `pi`), counted
 * per answer. Each answer belongs to a reward class `classOf[y]` in `0..classes-1`, and the
 * reward written for it is its class: with two classes, 0 wrong and 1 correct.
 *
 * With `grad log pi(y) = e_y - pi`, the update of the counts `n_y` under class weights `w` is
 * `n_y w'[classOf[y]] - W pi_y` for every answer `y`, where `w' = w · scale` and
 * `W = sum_c N_c w'[c]` over the classes in order, `N_c` the responses of class `c`: O(K) per
 * group however many responses it has, and never a vector per response. The same form gives the
 * Bernoulli policy's update (one logit) and each row of the sequence model's.
 *
 * Counting: with few answers (`K · bits + classBits <= 31` for fields of at least
 * {@link MIN_FIELD_BITS} bits), every answer's count lives in one `bits`-wide field of a single
 * int32, and a response adds its guide bucket's entry `2^(bits·y)` to it: one load and one
 * register addition per response, no store whose address depends on the answer (such stores
 * form a chain through memory whenever an answer repeats). The fields are added into the counts
 * every `2^bits - 1` responses, before one can overflow. With more answers, each response
 * increments its answer's count in memory. Both give the same integer counts, so the same
 * update bits.
 */
export class SoftmaxSampler implements Sampler, GuidedSampler {
  readonly width = 1;
  rewards: Int32Array;
  /**
   * With binary rewards and few answers (`(K + 1) · bits <= 31` for fields of at least
   * {@link MIN_FIELD_BITS} bits): this sampler, whose guide table {@link entries} the stream's
   * fill draws through; else undefined.
   */
  readonly guided: GuidedSampler | undefined;
  /**
   * For the stream's fill: bucket `j` of the guide table holds, for a whole bucket of answer
   * `y`, `classOf[y] + 2^(bits·(y + 1))`, the response's class in the low field and a count of 1
   * in answer `y`'s field, and for a split one `categorical`'s `~v` (negative), which
   * {@link resolve} replaces by the entry of the answer drawn. Empty when {@link guided} is
   * undefined.
   */
  readonly entries: Int32Array;
  /** Guide-table buckets (`categorical.buckets`). */
  readonly buckets: number;
  /** The mask of the low field of {@link entries}, the class: also each field's mask. */
  readonly low: number;
  /** Bits of each field of {@link entries}. */
  private readonly guideBits: number;
  /** The entry of each answer (see {@link entries}). */
  private readonly answerEntries: Int32Array;
  private readonly K: number;
  private readonly G: number;
  private readonly classes: number;
  /** Bits of each answer's field in a packed count; 0 for the counting draw. */
  private readonly bits: number;
  /** A packed field's mask `2^bits - 1`: also the most responses added before unpacking. */
  private readonly field: number;
  /** Where a packed entry holds its answer's class, and the class's mask. */
  private readonly classShift: number;
  private readonly classMask: number;
  /**
   * Everything the draw loop reads or writes, in one array, so that the compiled loop checks a
   * single array: at `[0, G)` the guide table of `categorical`, bucket by bucket; packed, a
   * whole bucket of answer `y` holds `2^(bits·y) + classOf[y]·2^classShift` and a split one
   * `2^31` (as an int32: negative); counting, a whole bucket holds
   * `y + classOf[y]·2^CLASS_SHIFT` and a split one `~v`. Then each answer's class at
   * `classAt + y`; its counts at `countAt + y` and `countAt + K + 1 + y` (counting: by the
   * parity of the response, two chains of increments that overlap when an answer repeats;
   * packed: the first only); then the rewards of the group. Counting, answer `K` holds a
   * response of a split bucket until {@link resolveSplits} finds its answer.
   */
  private table: Int32Array;
  private readonly classAt: number;
  private readonly countAt: number;
  private readonly rewardAt: number;
  /**
   * The update's numbers, in one array: `pi` at `[0, K)`, each class's scaled weight `w'[c]` at
   * `K + c`, and its number of responses `N_c` at `K + classes + c`.
   */
  private readonly work: Float64Array;
  /** Responses drawn since the last update, and the sum of their classes. */
  private drawn = 0;
  private classSum = 0;
  /** Guided: the answers' fields of a group's sum of entries not yet added into the counts. */
  private pending = 0;
  /** Guided: whether {@link count} added responses into the counts in memory since the update. */
  private inTable = false;

  constructor(
    private readonly categorical: Categorical,
    pi: Float64Array,
    classOf: Uint8Array,
    classes: number,
  ) {
    const K = pi.length;
    const G = categorical.buckets;
    this.K = K;
    this.G = G;
    this.classes = classes;
    const classBits = Math.max(1, Math.ceil(Math.log2(classes)));
    const bits = Math.min(MAX_FIELD_BITS, Math.floor((SPLIT_BIT - classBits) / K));
    this.bits = bits >= MIN_FIELD_BITS ? bits : 0;
    this.field = (1 << this.bits) - 1;
    this.classShift = this.bits * K;
    this.classMask = (2 ** classBits - 1) | 0;
    this.classAt = G;
    this.countAt = G + K + 1;
    this.rewardAt = this.countAt + 2 * (K + 1);
    this.table = new Int32Array(this.rewardAt);
    categorical.guideRow(0).forEach((y, j) => {
      if (this.bits === 0) {
        this.table[j] = y >= 0 ? y + classOf[y]! * 2 ** CLASS_SHIFT : y;
      } else {
        const entry = y >= 0 ? 2 ** (this.bits * y) + classOf[y]! * 2 ** this.classShift : 0;
        this.table[j] = y >= 0 ? entry : 2 ** SPLIT_BIT;
      }
    });
    this.table.set(classOf, this.classAt);
    this.rewards = this.table.subarray(this.rewardAt);
    this.work = new Float64Array(K + 2 * classes);
    this.work.set(pi);
    this.buckets = G;
    const guideBits = Math.min(MAX_FIELD_BITS, Math.floor(SPLIT_BIT / (K + 1)));
    const guided = classes === 2 && guideBits >= MIN_FIELD_BITS;
    this.guideBits = guided ? guideBits : 0;
    this.low = 2 ** this.guideBits - 1;
    this.answerEntries = guided
      ? Int32Array.from(classOf, (c, y) => c + 2 ** (guideBits * (y + 1)))
      : new Int32Array(0);
    this.entries = guided
      ? categorical.guideRow(0).map((v) => (v >= 0 ? this.answerEntries[v]! : v))
      : new Int32Array(0);
    this.guided = guided ? this : undefined;
  }

  /** Adds the {@link pending} fields into the counts. */
  private spill(): void {
    const { table, K, countAt, guideBits: bits, low: field } = this;
    let x = this.pending;
    for (let y = 0; y < K; y = (y + 1) | 0) {
      table[(countAt + y) | 0] = (table[(countAt + y) | 0]! + (x & field)) | 0;
      x >>>= bits;
    }
    this.pending = 0;
  }

  /** The entry of the answer that `u` draws in the split bucket whose guide entry is `entry`. */
  resolve(u: number, entry: number): number {
    return this.answerEntries[this.categorical.search(0, u, entry)]!;
  }

  /**
   * Adds the responses of uniforms `from .. to - 1` of a guided refill into the counts: each
   * field of the difference of two running sums of at most `2^bits - 1` entries is the count of
   * its answer (the low one, of correct responses), with no carry between fields. A group that
   * fits one such run keeps its answers' fields in {@link pending} until the update reads them,
   * with no count in memory to add or clear.
   */
  count(sums: Int32Array, from: number, to: number): number {
    const { table, K, countAt, guideBits: bits, low: field } = this;
    if (this.drawn === 0 && to - from <= field) {
      // A whole group in one run: its counts stay in the sum of entries until the update.
      const entries = (sums[to]! - sums[from]!) | 0;
      const correct = entries & field;
      this.pending = entries >>> bits;
      this.drawn = to - from;
      this.classSum = correct;
      return correct;
    }
    this.spill();
    this.inTable = true;
    let correct = 0;
    for (let a = from; a < to; a = (a + field) | 0) {
      const b = Math.min(to, a + field);
      const entries = (sums[b]! - sums[a]!) | 0;
      correct = (correct + (entries & field)) | 0;
      let x = entries >>> bits;
      for (let y = 0; y < K; y = (y + 1) | 0) {
        table[(countAt + y) | 0] = (table[(countAt + y) | 0]! + (x & field)) | 0;
        x >>>= bits;
      }
    }
    this.drawn += to - from;
    this.classSum += correct;
    return correct;
  }

  takeCounts(): number {
    const { table, K, countAt, guideBits: bits } = this;
    let packed = this.pending;
    if (this.inTable) {
      // At most `low` responses: every count fits its field.
      for (let y = 0; y < K; y++) {
        packed = (packed + (table[countAt + y]! << (bits * y))) | 0;
        table[countAt + y] = 0;
      }
      this.inTable = false;
    }
    this.pending = 0;
    this.drawn = 0;
    this.classSum = 0;
    return packed;
  }

  updateCounts(
    packed: number,
    M: number,
    K: number,
    w: Float64Array,
    scale: number,
    out: VectorSink,
    offset: number,
  ): void {
    this.pending = packed;
    this.drawn = M;
    this.classSum = K;
    this.update(w, scale, out, offset);
  }

  draw(uniforms: Float64Array, k: number, count: number): number {
    if (this.pending !== 0) this.spill();
    if (this.rewards.length < count) this.grow(count);
    let sum =
      this.bits === 0 ? this.drawCounting(uniforms, k, count) : this.drawPacked(uniforms, k, count);
    if (sum < 0) sum = ~sum + this.resolveSplits(uniforms, k, count);
    this.drawn += count;
    this.classSum += sum;
    return sum;
  }

  /**
   * The packed draw (see the class): returns the sum of the classes of the responses drawn, or
   * its complement `~sum` when some fell in split buckets, which drew nothing yet.
   */
  private drawPacked(uniforms: Float64Array, k: number, count: number): number {
    const { table, G, K, bits, field, classShift, classMask, countAt, rewardAt } = this;
    let sum = 0;
    let split = 0;
    for (let start = 0; start < count; start = (start + field) | 0) {
      const end = Math.min(count, start + field);
      let packed = 0;
      // No call and no inner loop, so that the compiled loop keeps its arrays at hand; `| 0`
      // keeps its integer arithmetic free of overflow checks.
      for (let i = start; i < end; i = (i + 1) | 0) {
        // `| 0` is the floor: `0 <= u·G < 2^31`.
        const entry = table[(uniforms[k + i]! * G) | 0]!;
        // A split bucket's bit 31 only ever carries out of the int32: the fields keep their sums.
        packed = (packed + entry) | 0;
        split |= entry;
        const c = (entry >>> classShift) & classMask;
        table[(rewardAt + i) | 0] = c;
        sum = (sum + c) | 0;
      }
      for (let y = 0; y < K; y = (y + 1) | 0) {
        table[(countAt + y) | 0] = (table[(countAt + y) | 0]! + (packed & field)) | 0;
        packed >>>= bits;
      }
    }
    return split < 0 ? ~sum : sum;
  }

  /**
   * The counting draw (see the class): returns the sum of the classes of the responses drawn,
   * or its complement `~sum` when some fell in split buckets, held at answer `K`.
   */
  private drawCounting(uniforms: Float64Array, k: number, count: number): number {
    const { table, G, rewardAt } = this;
    const stride = this.K + 1;
    let at = this.countAt;
    // `at` alternates between the two parities' counts: `both - at` is the other one.
    const both = (2 * at + stride) | 0;
    let sum = 0;
    let split = 0;
    for (let i = 0; i < count; i = (i + 1) | 0) {
      const entry = table[(uniforms[k + i]! * G) | 0]!;
      let y = entry & ANSWER_MASK;
      let c = entry >> CLASS_SHIFT;
      if (entry < 0) {
        split = 1;
        y = stride - 1;
        c = 0;
      }
      table[(at + y) | 0] = (table[(at + y) | 0]! + 1) | 0;
      table[(rewardAt + i) | 0] = c;
      sum = (sum + c) | 0;
      at = (both - at) | 0;
    }
    return split !== 0 ? ~sum : sum;
  }

  /**
   * Draws the responses of the last draw that fell in split buckets by searching the running
   * sums; returns the sum of their classes.
   */
  private resolveSplits(uniforms: Float64Array, k: number, count: number): number {
    const { table, G, K, classAt, countAt, rewardAt, categorical } = this;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const u = uniforms[k + i]!;
      if (table[(u * G) | 0]! >= 0) continue;
      const y = categorical.draw(0, u);
      table[countAt + y] = table[countAt + y]! + 1;
      const c = table[classAt + y]!;
      table[rewardAt + i] = c;
      sum += c;
    }
    table[countAt + K] = 0;
    table[countAt + K + 1 + K] = 0;
    return sum;
  }

  /** Room for the rewards of a group of `count` responses. */
  private grow(count: number): void {
    const table = new Int32Array(this.rewardAt + count);
    table.set(this.table.subarray(0, this.rewardAt));
    this.table = table;
    this.rewards = table.subarray(this.rewardAt);
  }
  update(w: Float64Array, scale: number, out: VectorSink, offset: number): void {
    const { table, classAt, countAt, work, K, classes } = this;
    const odd = (countAt + K + 1) | 0;
    const totals = (K + classes) | 0;
    if (classes === 2) {
      // The draws' sum of classes is the number of correct responses.
      work[totals] = this.drawn - this.classSum;
      work[totals + 1] = this.classSum;
    } else {
      for (let c = 0; c < classes; c++) work[totals + c] = 0;
      for (let y = 0; y < K; y++) {
        const c = totals + table[classAt + y]!;
        work[c] = work[c]! + table[countAt + y]! + table[odd + y]!;
      }
    }
    let W = 0;
    for (let c = 0; c < classes; c++) {
      work[K + c] = w[c]! * scale;
      W += work[totals + c]! * work[K + c]!;
    }
    const { guideBits: bits, low: field } = this;
    let pending = this.pending;
    for (let y = 0; y < K; y = (y + 1) | 0) {
      const n = (table[(countAt + y) | 0]! + table[(odd + y) | 0]! + (pending & field)) | 0;
      pending >>>= bits;
      out.put((offset + y) | 0, n * work[(K + table[(classAt + y) | 0]!) | 0]! - W * work[y]!);
      table[(countAt + y) | 0] = 0;
      table[(odd + y) | 0] = 0;
    }
    this.drawn = 0;
    this.classSum = 0;
    this.pending = 0;
    this.inTable = false;
  }
}
