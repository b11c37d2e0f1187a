import seedrandom from 'seedrandom';

/** Number of interleaved alea lanes; see {@link UniformStream}. */
export const UNIFORM_LANES = 4;

/** Uniforms produced per refill of a {@link UniformStream}'s buffer (a multiple of the lanes). */
export const UNIFORM_BUFFER = 4096;

interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/**
 * The same seed string as `substream(seed, ...path)` builds, so that lane `l` of a
 * {@link UniformStream} on `path` is exactly `substream(seed, ...path, 'lane', l)` (tested).
 */
function aleaState(seed: string | number, path: readonly (string | number)[]): AleaState {
  const prng = seedrandom.alea(`rl-objective/${seed}/${path.join('/')}`, { state: true });
  return prng.state() as unknown as AleaState;
}

/**
 * A fast reproducible uniform stream for the simulators' inner loops (MATH.md §6, "Randomness
 * must be reproducible"): four independent alea substreams, `substream(seed, ...path, 'lane', l)`
 * for `l = 0..3`, interleaved (uniform `4j + l` is draw `j` of lane `l`) and produced a buffer
 * at a time.
 *
 * Why not one `substream`: alea's recurrence is one serial chain (multiply, add, truncate), so a
 * single generator is latency bound at about 1.7e8 uniforms/s here; four chains in registers
 * overlap and fill about 5e8/s (bench/simulate.bench.ts measures both). The arithmetic is
 * seedrandom's alea step, copied so that its state lives in local variables; a test checks it
 * against `substream` bit for bit.
 *
 * Hot loops may read {@link UniformStream.buffer} directly from {@link UniformStream.index},
 * calling {@link UniformStream.refill} when the index reaches {@link UNIFORM_BUFFER}, best read
 * as `buffer.length` into a local (in a worker the import is a getter call on every read).
 */
export class UniformStream {
  /** The current block of uniforms in [0, 1), each a multiple of 2^-32. */
  readonly buffer = new Float64Array(UNIFORM_BUFFER);
  /** Next unread position in {@link buffer}; {@link UNIFORM_BUFFER} when it is used up. */
  index = UNIFORM_BUFFER;
  private readonly state = new Float64Array(4 * UNIFORM_LANES);

  constructor(seed: string | number, ...path: readonly (string | number)[]) {
    for (let l = 0; l < UNIFORM_LANES; l++) {
      const s = aleaState(seed, [...path, 'lane', l]);
      this.state.set([s.s0, s.s1, s.s2, s.c], 4 * l);
    }
  }

  /** The next uniform in [0, 1). */
  next(): number {
    if (this.index === UNIFORM_BUFFER) this.refill();
    return this.buffer[this.index++]!;
  }

  /** Fills {@link buffer} with the next {@link UNIFORM_BUFFER} uniforms and sets the index to 0. */
  refill(): void {
    const s = this.state;
    const buf = this.buffer;
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
    for (let i = 0; i < UNIFORM_BUFFER; i += 4) {
      const ta = 2091639 * a0 + ac * 2.3283064365386963e-10;
      a0 = a1;
      a1 = a2;
      ac = ta | 0;
      a2 = ta - ac;
      const tb = 2091639 * b0 + bc * 2.3283064365386963e-10;
      b0 = b1;
      b1 = b2;
      bc = tb | 0;
      b2 = tb - bc;
      const tc = 2091639 * c0 + cc * 2.3283064365386963e-10;
      c0 = c1;
      c1 = c2;
      cc = tc | 0;
      c2 = tc - cc;
      const td = 2091639 * d0 + dc * 2.3283064365386963e-10;
      d0 = d1;
      d1 = d2;
      dc = td | 0;
      d2 = td - dc;
      buf[i] = a2;
      buf[i + 1] = b2;
      buf[i + 2] = c2;
      buf[i + 3] = d2;
    }
    s.set([a0, a1, a2, ac, b0, b1, b2, bc, c0, c1, c2, cc, d0, d1, d2, dc]);
    this.index = 0;
  }
}
