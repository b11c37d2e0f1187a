import { DEFAULT_ALPHA, DEFAULT_BETA } from '../defaults/index.ts';
import { holm, holmThresholds, resolution, zScores } from './z-tests.ts';

/** What a verdict compares: an estimate with its standard errors, and a closed form. */
export interface VerdictInput {
  readonly estimate: ArrayLike<number>;
  readonly stderr: ArrayLike<number>;
  readonly closedForm: ArrayLike<number>;
}

export interface VerdictOptions {
  /** Family-wise false-fail rate over the components, split by Holm; default {@link DEFAULT_ALPHA}. */
  readonly alpha?: number;
  /**
   * A per-comparison `|z|` threshold for every component, instead of Holm within this family:
   * for a caller that splits its own, larger family (e.g. a battery applying Holm across checks).
   */
  readonly threshold?: number;
  /** False-pass rate at the reported resolution; default {@link DEFAULT_BETA}. */
  readonly beta?: number;
}

export interface Verdict {
  readonly z: number[];
  /** The `|z|` threshold a single discrepant component must exceed (Holm's first step). */
  readonly threshold: number;
  /** Per component, `(threshold + z_beta) · SE`. */
  readonly resolution: number[];
  /** Per component, whether it is flagged as disagreeing. */
  readonly rejected: boolean[];
  /** True when no component is flagged. */
  readonly agree: boolean;
}

/**
 * Decides whether a Monte Carlo estimate agrees with its closed form (docs/theory.md §6): z per
 * component, Holm's step-down test at family-wise rate `alpha` (or a given per-comparison
 * threshold), and the resolution `delta = (z_alpha' + z_beta)·SE` to report beside it ("agrees
 * to within ± delta"). Under the normal approximation the false-fail rate is at most `alpha`,
 * and a single component off by more than its resolution is flagged with probability
 * at least `1 - beta`.
 */
export function verdict(input: VerdictInput, options: VerdictOptions = {}): Verdict {
  const m = input.estimate.length;
  const beta = options.beta ?? DEFAULT_BETA;
  const z = zScores(input.estimate, input.stderr, input.closedForm);
  let threshold: number;
  let rejected: boolean[];
  if (options.threshold !== undefined) {
    threshold = options.threshold;
    rejected = z.map((v) => !(Math.abs(v) <= threshold));
  } else {
    const alpha = options.alpha ?? DEFAULT_ALPHA;
    threshold = m === 0 ? Number.POSITIVE_INFINITY : holmThresholds(alpha, m)[0]!;
    rejected = holm(z, alpha);
  }
  const delta = Array.from({ length: m }, (_, j) => resolution(input.stderr[j]!, threshold, beta));
  return { z, threshold, resolution: delta, rejected, agree: !rejected.includes(true) };
}
