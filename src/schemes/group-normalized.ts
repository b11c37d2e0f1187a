import type { SchemeFormulas } from './scheme-kind.ts';

/** How a group-normalized advantage divides `r - mean` (MATH.md §3, grpo row and notes). */
export interface GroupNormalization {
  /** `false`: no division at all, `Z = r - mean` (Dr. GRPO, TRL `scale_rewards="none"`). */
  readonly scale: boolean;
  /** `population`: divide the sum of squares by `M`; `sample`: by `M - 1` (Bessel). */
  readonly std: 'population' | 'sample';
  /** Added to the std (`eps-at=std`) or to the variance under the root (`eps-at=var`). */
  readonly eps: number;
  readonly epsAt: 'std' | 'var';
}

/**
 * The group-normalized advantage shared by grpo and the trainer presets (MATH.md §3 and §7):
 * `Z_i = (R_i - mu)/(sigma + eps)` or `(R_i - mu)/sqrt(sigma^2 + eps)`, `mu` the group mean and
 * `sigma` the population or Bessel-corrected std, and `Z = 0` for a group whose answers are all
 * equal (where `sigma = 0`; with `eps = 0` this avoids 0/0). Callers check `M >= 2` for `sample`.
 *
 * Native formula: two passes over the rewards (mean, then sum of squared deviations), as
 * `torch.mean`/`torch.std` do. Closed form: `mu = K/M`, `sigma^2 = K(M-K)/(M·M)` or
 * `K(M-K)/(M(M-1))`, with `K(M-K)` and the denominator exact integers.
 */
export function groupNormalized(norm: GroupNormalization, M: number): SchemeFormulas {
  const { scale, eps } = norm;
  const divisor = norm.std === 'sample' ? M - 1 : M;
  const epsInRoot = norm.epsAt === 'var';
  const denominator = (variance: number): number =>
    epsInRoot ? Math.sqrt(variance + eps) : Math.sqrt(variance) + eps;
  // Built on the first call of groupWeightsInto: only the simulators call it.
  let exact: Uint8Array | false | null = null;
  return {
    advantagesInto(rewards, out) {
      let sum = 0;
      for (let i = 0; i < M; i++) sum += rewards[i]!;
      const mean = sum / M;
      if (!scale) {
        for (let i = 0; i < M; i++) out[i] = rewards[i]! - mean;
        return;
      }
      let squares = 0;
      for (let i = 0; i < M; i++) {
        const d = rewards[i]! - mean;
        squares += d * d;
      }
      if (squares === 0) {
        out.fill(0, 0, M);
        return;
      }
      const sd = denominator(squares / divisor);
      for (let i = 0; i < M; i++) out[i] = (rewards[i]! - mean) / sd;
    },
    // The same operations with `sum = K` (the sum of M rewards, each 0 or 1, is exact) and
    // `rewards[i] - mean` taken once for each reward value. Where every partial sum of the
    // squares is exact (see exactSquareSums), the loop's result is `K q1 + (M - K) q0` whatever
    // the order of the rewards, so it is computed as that, the very same double.
    groupWeightsInto(rewards, start, K, out) {
      const mean = K / M;
      const d0 = 0 - mean;
      const d1 = 1 - mean;
      if (!scale) {
        out[0] = d0;
        out[1] = d1;
        return;
      }
      exact ??= exactSquareSums(M);
      let squares = 0;
      if (exact !== false && exact[K] === 1) {
        squares = K * (d1 * d1) + (M - K) * (d0 * d0);
      } else {
        for (let i = start; i < start + M; i++) {
          const d = rewards[i]! - mean;
          squares += d * d;
        }
      }
      if (squares === 0) {
        out[0] = 0;
        out[1] = 0;
        return;
      }
      const sd = denominator(squares / divisor);
      out[0] = d0 / sd;
      out[1] = d1 / sd;
    },
    weight(R, K) {
      const mean = K / M;
      if (!scale) return R - mean;
      if (K === 0 || K === M) return 0;
      return (R - mean) / denominator((K * (M - K)) / (M * divisor));
    },
  };
}

/** Above this group size the squares are always summed response by response. */
const EXACT_TABLE_MAX_M = 2 ** 20;

/**
 * For each count `K` of ones in a group of `M` rewards, 1 when every partial sum of the native
 * formula's squares `d^2` (`d0 = 0 - K/M` and `d1 = 1 - K/M`, squared, each a double) is exact:
 * both squares are integer multiples of some `2^e`, and the largest partial sum
 * `K d1^2 + (M - K) d0^2` is at most `2^(52 + e)`, so that every partial sum is a multiple of `2^e`
 * below `2^(53 + e)`, a double. Then no addition rounds, and the sum is the same double in any
 * order. It holds for every `K` when `M` is a power of two up to `2^17`; `false` above
 * {@link EXACT_TABLE_MAX_M}.
 */
export function exactSquareSums(M: number): Uint8Array | false {
  if (M > EXACT_TABLE_MAX_M) return false;
  const exact = new Uint8Array(M + 1);
  for (let K = 0; K <= M; K++) {
    const mean = K / M;
    const q0 = (0 - mean) * (0 - mean);
    const q1 = (1 - mean) * (1 - mean);
    const present = [K < M ? q0 : 0, K > 0 ? q1 : 0].filter((q) => q !== 0);
    if (present.length === 0) {
      exact[K] = 1;
      continue;
    }
    const e = Math.min(...present.map(unitExponent));
    exact[K] = K * q1 + (M - K) * q0 <= 2 ** (52 + e) ? 1 : 0;
  }
  return exact;
}

const bits = new DataView(new ArrayBuffer(8));

/** The exponent `e` with `x = m 2^e`, `m` an odd integer, of a positive finite double `x`. */
function unitExponent(x: number): number {
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (high & 0xfffff) * 2 ** 32 + bits.getUint32(4);
  if (biased !== 0) mantissa += 2 ** 52;
  let e = biased === 0 ? -1074 : biased - 1075;
  while (mantissa % 2 === 0) {
    mantissa /= 2;
    e++;
  }
  return e;
}
