// The deterministic checks that an induced objective approaches a target as M grows (docs/theory.md §3):
// GRPO towards arcsin, and the Bernstein designs towards their targets.
import { targetDistance } from '../../objective/index.ts';
import { scheme } from '../../schemes/index.ts';
import { target } from '../../targets/index.ts';
import type { Budget } from '../budget.ts';
import type { DeterministicCheck, TheoremId } from '../check.ts';

/** A distance to a target that must fall along a ladder of group sizes, to below a bound. */
interface Ladder {
  readonly theorem: TheoremId;
  /** Start of every check id, e.g. `design/log`. */
  readonly id: string;
  /** Canonical spec of the scheme whose objective approaches the target. */
  readonly scheme: string;
  /** Increasing group sizes. */
  readonly sizes: readonly number[];
  /** The distance of `h_M` to the target at group size `M`. */
  distance(M: number): number;
  /** What the distance at the top of the ladder must not exceed. */
  readonly bound: number;
  /** The detail of the check at `M` against the size before it. */
  decreasingDetail(M: number, previous: number): string;
  /** The detail of the bound check at the top of the ladder. */
  boundDetail(top: number): string;
}

/**
 * The checks of a {@link Ladder}: at each size the distance is at most the distance at the size
 * before it, and at the top it is at most the bound (bound checks, tolerance 0).
 */
function ladderChecks(ladder: Ladder): DeterministicCheck[] {
  const { sizes, distance } = ladder;
  const base = {
    kind: 'deterministic' as const,
    theorem: ladder.theorem,
    scheme: ladder.scheme,
    policy: 'none',
    relation: 'at-most' as const,
    tolerance: 0,
  };
  const checks: DeterministicCheck[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const M = sizes[i]!;
    const previous = sizes[i - 1]!;
    checks.push({
      ...base,
      M,
      id: `${ladder.id}/M=${M}/decreasing`,
      detail: ladder.decreasingDetail(M, previous),
      evaluate: () => ({ closedForm: distance(previous), estimate: distance(M) }),
    });
  }
  const top = sizes[sizes.length - 1]!;
  checks.push({
    ...base,
    M: top,
    id: `${ladder.id}/M=${top}/bound`,
    detail: ladder.boundDetail(top),
    evaluate: () => ({ closedForm: ladder.bound, estimate: distance(top) }),
  });
  return checks;
}

/** Bound at the top of GRPO's ladder, by top size (docs/verify.md gives the measured distances). */
const GRPO_ARCSIN_BOUND: Readonly<Record<number, number>> = { 256: 0.01, 1024: 0.003 };

/**
 * `grpo-arcsin` (docs/theory.md §3, GRPO limit): GRPO's induced objective approaches `2 arcsin √t` as M
 * grows and eps falls, for population and sample std. The distance is `targetDistance` (sup of
 * the affine-fit residual on [1e-3, 1 - 1e-3], dimensionless). Bound checks: the distance at
 * each M of the ladder is at most the distance at the previous M; at the top it is below a
 * stated bound; and at M = 128 the distance with eps = 1e-8 is at most that with eps = 1e-1.
 */
export function grpoArcsinChecks(budget: Budget): DeterministicCheck[] {
  const arcsin = target('arcsin');
  const distance = (spec: string, M: number) => targetDistance(scheme(spec, M).c, arcsin).distance;
  return (['population', 'sample'] as const).flatMap((std) => {
    const spec = scheme(`grpo:std=${std},eps=1e-8`, 2).spec;
    const sizes = budget.ladders.grpoArcsin;
    const bound = GRPO_ARCSIN_BOUND[sizes[sizes.length - 1]!]!;
    return [
      ...ladderChecks({
        theorem: 'grpo-arcsin',
        id: `grpo-arcsin/${std}`,
        scheme: spec,
        sizes,
        distance: (M) => distance(spec, M),
        bound,
        decreasingDetail: (M, previous) =>
          `affine-fit residual to arcsin at M = ${M} is at most the residual at M = ${previous}`,
        boundDetail: (top) => `affine-fit residual to arcsin at M = ${top} is at most ${bound}`,
      }),
      {
        kind: 'deterministic',
        theorem: 'grpo-arcsin',
        scheme: spec,
        policy: 'none',
        relation: 'at-most',
        tolerance: 0,
        M: 128,
        id: `grpo-arcsin/${std}/M=128/eps`,
        detail:
          'affine-fit residual to arcsin with eps = 1e-8 is at most the residual with eps = 1e-1',
        evaluate: () => ({
          closedForm: distance(`grpo:std=${std},eps=0.1`, 128),
          estimate: distance(spec, 128),
        }),
      },
    ];
  });
}

/** Compact subset [DELTA, 1 - DELTA] on which the Bernstein design converges (docs/theory.md §3). */
const DELTA = 0.05;

/** Bound at the top of the designs' ladder (docs/verify.md gives the measured distances). */
const DESIGN_BOUND = 1e-3;

/**
 * `design` (docs/theory.md §3, the Bernstein recipe, scheme `design:target=...`): for the singular
 * targets log, logit and arcsin (nodes `ξ_s = (s+1)/(M+1)`), the distance of `h_M` to the target
 * on [0.05, 0.95] falls with M (each M at most the previous) and is below 1e-3 at the top of the
 * ladder; for pass@k (k = 4, exact Bernstein coefficients) `h_M = 1 - (1-t)^4` to rounding.
 */
export function designChecks(budget: Budget): DeterministicCheck[] {
  const checks = ['log', 'logit', 'arcsin'].flatMap((name) => {
    const T = target(name);
    const spec = scheme(`design:target=${name}`, 2).spec;
    const on = `on [${DELTA}, ${1 - DELTA}]`;
    return ladderChecks({
      theorem: 'design',
      id: `design/${name}`,
      scheme: spec,
      sizes: budget.ladders.design,
      distance: (M) => targetDistance(scheme(spec, M).c, T, { delta: DELTA }).distance,
      bound: DESIGN_BOUND,
      decreasingDetail: (M, previous) =>
        `affine-fit residual to ${name} ${on} at M = ${M} is at most that at M = ${previous}`,
      boundDetail: (top) =>
        `affine-fit residual to ${name} ${on} at M = ${top} is at most ${DESIGN_BOUND}`,
    });
  });
  const passk = target('passk:k=4');
  for (const M of [8, 64]) {
    const s = scheme('design:target=passk,k=4', M);
    checks.push({
      kind: 'deterministic',
      theorem: 'design',
      scheme: s.spec,
      policy: 'none',
      M,
      id: `design/passk:k=4/M=${M}/exact`,
      tolerance: 1e-12,
      detail:
        'affine-fit residual of h_M (exact Bernstein coefficients) to 1 − (1−t)^4 on [1e-3, 1 − 1e-3]',
      evaluate: () => ({ closedForm: 0, estimate: targetDistance(s.c, passk).distance }),
    });
  }
  return checks;
}
