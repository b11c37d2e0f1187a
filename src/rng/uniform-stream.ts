import { substreamState } from './substream.ts';

/** Number of interleaved alea lanes; see {@link UniformStream}. */
export const UNIFORM_LANES = 4;

/** Uniforms produced per refill of a {@link UniformStream}'s buffer (a multiple of the lanes). */
export const UNIFORM_BUFFER = 4096;

/** alea's multiplier (seedrandom's `alea.js`). */
const ALEA_MULTIPLIER = 2091639;

/** alea's carry enters the next step, and its outputs are given, in units of 2^-32. */
const ALEA_UNIT = 2 ** -32;

/**
 * What {@link UniformStream.refillGuided} maps each uniform `u` through: the entry of bucket
 * `floor(u·buckets)` of `entries` (a guide table of inversion, docs/theory.md §5), or, for a
 * negative entry (a split bucket), `resolve(u, entry)`. An entry's bits below `low` (a mask
 * `2^b - 1`) are the response's reward class; the entries are summed as int32 (their fields are
 * counts, see `SoftmaxSampler`).
 */
export interface GuideTable {
  readonly entries: Int32Array;
  /** A power of two, so that `u·buckets` is exact. */
  readonly buckets: number;
  readonly low: number;
  resolve(u: number, entry: number): number;
}

/**
 * A fast reproducible uniform stream for the simulators' inner loops (docs/theory.md §6,
 * "Reproducible randomness"): four independent alea substreams,
 * `substream(seed, ...path, 'lane', l)` for `l = 0..3`, interleaved (uniform `4j + l` is draw `j`
 * of lane `l`) and produced a buffer at a time.
 *
 * Why not one `substream`: alea's recurrence is one serial chain (multiply, add, floor), so a
 * single generator is latency bound; four chains in registers overlap (bench/simulate.bench.ts
 * measures both). The arithmetic is seedrandom's alea step, copied so that its state lives in
 * local variables, with `Math.floor(t)` for seedrandom's `t | 0` (equal, as `0 <= t < 2^31`, and
 * a shorter chain); a test checks it against `substream` bit for bit.
 *
 * Hot loops read a group's uniforms as one block ({@link UniformStream.take}), or read
 * {@link UniformStream.buffer} directly from {@link UniformStream.index}, calling
 * {@link UniformStream.refill} when the index reaches {@link UNIFORM_BUFFER}. A Bernoulli loop
 * reads {@link UniformStream.rewards} instead, calling {@link UniformStream.refillBernoulli}:
 * the rewards `1[u < p]` of the same uniforms, one per uniform. A stream is read one way or the
 * other, from its start.
 */
export class UniformStream {
  /** The current block of uniforms in [0, 1), each a multiple of 2^-32. */
  readonly buffer = new Float64Array(UNIFORM_BUFFER);
  /**
   * After {@link refillBernoulli}: the current block of rewards, 0 or 1; after
   * {@link refillGuided}: the reward classes of the responses the uniforms draw.
   */
  readonly rewards = new Int32Array(UNIFORM_BUFFER);
  /**
   * After {@link refillBernoulli}: `counts[j]` is the number of ones in `rewards[0 .. j-1]`, so a
   * group's count of correct answers is a difference of two entries; after {@link refillGuided}:
   * the int32 sum of the entries drawn by uniforms `0 .. j-1`, so that a group's sum of entries
   * is a difference of two.
   */
  readonly counts = new Int32Array(UNIFORM_BUFFER + 1);
  /** Next unread position in {@link buffer}; {@link UNIFORM_BUFFER} when it is used up. */
  index = UNIFORM_BUFFER;
  /** Where the uniforms of the last {@link take} start in the array it returned. */
  at = 0;
  private readonly state = new Float64Array(4 * UNIFORM_LANES);
  /** The state the last {@link refillGuided} started from. */
  private readonly mapped = new Float64Array(4 * UNIFORM_LANES);
  /** {@link take}'s copy of uniforms that straddle a refill; grown to the largest such take. */
  private spill = new Float64Array(0);

  constructor(seed: string | number, ...path: readonly (string | number)[]) {
    for (let l = 0; l < UNIFORM_LANES; l++) {
      const s = substreamState(seed, [...path, 'lane', l]);
      this.state.set([s.s0, s.s1, s.s2, s.c], 4 * l);
    }
  }

  /** The next uniform in [0, 1). */
  next(): number {
    if (this.index === UNIFORM_BUFFER) this.refill();
    return this.buffer[this.index++]!;
  }

  /**
   * The next `n` uniforms, in stream order, at `[at, at + n)` of the array returned (and sets
   * {@link at}): the {@link buffer} itself when they are all in it, which is the common case and
   * copies nothing, else a copy of them read one by one across the refill. The samplers' loops
   * read a whole group's uniforms this way, with no call per uniform and no copy of the buffer
   * logic in each policy.
   */
  take(n: number): Float64Array {
    if (this.index === UNIFORM_BUFFER) this.refill();
    const k = this.index;
    if (k + n <= UNIFORM_BUFFER) {
      this.at = k;
      this.index = k + n;
      return this.buffer;
    }
    return this.takeAcross(n);
  }

  private takeAcross(n: number): Float64Array {
    if (this.spill.length < n) this.spill = new Float64Array(n);
    for (let i = 0; i < n; i++) this.spill[i] = this.next();
    this.at = 0;
    return this.spill;
  }

  /** Fills {@link buffer} with the next {@link UNIFORM_BUFFER} uniforms and sets the index to 0. */
  refill(): void {
    fill(this.state, false, this.buffer, this.rewards, this.counts, 0);
    this.index = 0;
  }

  /**
   * Fills {@link rewards} with the rewards `R = 1[u < p]` of the next {@link UNIFORM_BUFFER}
   * uniforms `u`, exactly as `u < p` compares them (docs/theory.md §5: one draw per response, rewards
   * exactly Bernoulli at the uniforms' resolution), and {@link counts} with their running counts;
   * sets the index to 0. The stream moves on as with {@link refill}; {@link buffer} is left as it
   * was.
   */
  refillBernoulli(p: number): void {
    fill(this.state, true, this.buffer, this.rewards, this.counts, p);
    this.index = 0;
  }

  /**
   * Maps the next {@link UNIFORM_BUFFER} uniforms through `table` (see {@link GuideTable}) as
   * they are made: {@link rewards} gets each entry's class bits and {@link counts} the running
   * int32 sums of the entries; sets the index to 0. A sampler that draws one response per
   * uniform by inversion reads its responses there, without a loop of its own over the
   * uniforms. The stream moves on as with {@link refill}; {@link buffer} is left as it was (one
   * store less per uniform), until {@link restoreUniforms}.
   */
  refillGuided(table: GuideTable): void {
    this.mapped.set(this.state);
    fillGuided(this.state, this.rewards, this.counts, table);
    this.index = 0;
  }

  /**
   * After {@link refillGuided}, which leaves no uniforms in {@link buffer}: makes that refill's
   * uniforms again (from the state it started from) into {@link buffer}, so that the stream
   * can be read on as uniforms from {@link index}.
   */
  restoreUniforms(): void {
    this.state.set(this.mapped);
    const index = this.index;
    this.refill();
    this.index = index;
  }
}

/**
 * The four lanes' next `buffer.length / 4` steps each, interleaved: the uniforms into `buffer`,
 * or with `bernoulli` their rewards `Number(u < p)` into `rewards` (a comparison without a branch,
 * which would be mispredicted on random rewards) and the running counts into `counts`.
 */
function fill(
  s: Float64Array,
  bernoulli: boolean,
  buffer: Float64Array,
  rewards: Int32Array,
  counts: Int32Array,
  p: number,
): void {
  let a0 = s[0]!;
  let a1 = s[1]!;
  let a2 = s[2]!;
  let ac = s[3]!;
  let b0 = s[4]!;
  let b1 = s[5]!;
  let b2 = s[6]!;
  let bc = s[7]!;
  let c0 = s[8]!;
  let c1 = s[9]!;
  let c2 = s[10]!;
  let cc = s[11]!;
  let d0 = s[12]!;
  let d1 = s[13]!;
  let d2 = s[14]!;
  let dc = s[15]!;
  let ones = 0;
  for (let i = 0; i < buffer.length; i += 4) {
    const ta = ALEA_MULTIPLIER * a0 + ac * ALEA_UNIT;
    a0 = a1;
    a1 = a2;
    ac = Math.floor(ta);
    a2 = ta - ac;
    const tb = ALEA_MULTIPLIER * b0 + bc * ALEA_UNIT;
    b0 = b1;
    b1 = b2;
    bc = Math.floor(tb);
    b2 = tb - bc;
    const tc = ALEA_MULTIPLIER * c0 + cc * ALEA_UNIT;
    c0 = c1;
    c1 = c2;
    cc = Math.floor(tc);
    c2 = tc - cc;
    const td = ALEA_MULTIPLIER * d0 + dc * ALEA_UNIT;
    d0 = d1;
    d1 = d2;
    dc = Math.floor(td);
    d2 = td - dc;
    if (bernoulli) {
      const ra = Number(a2 < p);
      const rb = Number(b2 < p);
      const rc = Number(c2 < p);
      const rd = Number(d2 < p);
      rewards[i] = ra;
      rewards[i + 1] = rb;
      rewards[i + 2] = rc;
      rewards[i + 3] = rd;
      counts[i] = ones;
      ones = (ones + ra) | 0;
      counts[i + 1] = ones;
      ones = (ones + rb) | 0;
      counts[i + 2] = ones;
      ones = (ones + rc) | 0;
      counts[i + 3] = ones;
      ones = (ones + rd) | 0;
    } else {
      buffer[i] = a2;
      buffer[i + 1] = b2;
      buffer[i + 2] = c2;
      buffer[i + 3] = d2;
    }
  }
  if (bernoulli) counts[buffer.length] = ones;
  s.set([a0, a1, a2, ac, b0, b1, b2, bc, c0, c1, c2, cc, d0, d1, d2, dc]);
}

/**
 * {@link fill}'s steps, each uniform mapped to its entry of `table` as
 * {@link UniformStream.refillGuided} says: the table's lookups overlap the generator's chains.
 * Its own function, so that the Bernoulli fill's compiled loop keeps its registers.
 */
function fillGuided(
  s: Float64Array,
  rewards: Int32Array,
  counts: Int32Array,
  table: GuideTable,
): void {
  const { entries, buckets: G, low } = table;
  let a0 = s[0]!;
  let a1 = s[1]!;
  let a2 = s[2]!;
  let ac = s[3]!;
  let b0 = s[4]!;
  let b1 = s[5]!;
  let b2 = s[6]!;
  let bc = s[7]!;
  let c0 = s[8]!;
  let c1 = s[9]!;
  let c2 = s[10]!;
  let cc = s[11]!;
  let d0 = s[12]!;
  let d1 = s[13]!;
  let d2 = s[14]!;
  let dc = s[15]!;
  let sum = 0;
  for (let i = 0; i < rewards.length; i += 4) {
    const ta = ALEA_MULTIPLIER * a0 + ac * ALEA_UNIT;
    a0 = a1;
    a1 = a2;
    ac = Math.floor(ta);
    a2 = ta - ac;
    const tb = ALEA_MULTIPLIER * b0 + bc * ALEA_UNIT;
    b0 = b1;
    b1 = b2;
    bc = Math.floor(tb);
    b2 = tb - bc;
    const tc = ALEA_MULTIPLIER * c0 + cc * ALEA_UNIT;
    c0 = c1;
    c1 = c2;
    cc = Math.floor(tc);
    c2 = tc - cc;
    const td = ALEA_MULTIPLIER * d0 + dc * ALEA_UNIT;
    d0 = d1;
    d1 = d2;
    dc = Math.floor(td);
    d2 = td - dc;
    // `| 0` is the floor: `0 <= u·G < 2^31`.
    let ea = entries[(a2 * G) | 0]!;
    let eb = entries[(b2 * G) | 0]!;
    let ec = entries[(c2 * G) | 0]!;
    let ed = entries[(d2 * G) | 0]!;
    if ((ea | eb | ec | ed) < 0) {
      if (ea < 0) ea = table.resolve(a2, ea);
      if (eb < 0) eb = table.resolve(b2, eb);
      if (ec < 0) ec = table.resolve(c2, ec);
      if (ed < 0) ed = table.resolve(d2, ed);
    }
    rewards[i] = ea & low;
    rewards[i + 1] = eb & low;
    rewards[i + 2] = ec & low;
    rewards[i + 3] = ed & low;
    counts[i] = sum;
    sum = (sum + ea) | 0;
    counts[i + 1] = sum;
    sum = (sum + eb) | 0;
    counts[i + 2] = sum;
    sum = (sum + ec) | 0;
    counts[i + 3] = sum;
    sum = (sum + ed) | 0;
  }
  counts[rewards.length] = sum;
  s.set([a0, a1, a2, ac, b0, b1, b2, bc, c0, c1, c2, cc, d0, d1, d2, dc]);
}
