import { InputError, quote, requirePositiveInteger } from '../errors/index.ts';
import { compositionCount, compositions } from '../math/index.ts';
import { type RewardClasses, rewardClasses } from '../rewards/index.ts';
import { type GradedScheme, resolveGradedScheme } from '../schemes/index.ts';
import { type FieldPoint, type GradedField, gradedField } from './graded-field.ts';
import { type GradedPotential, recognisePotential } from './potential-form.ts';

/** What {@link gradedObjective} is asked for. */
export interface GradedObjectiveOptions {
  /** Scheme spec acting on the classes, e.g. `grpo:eps=1e-6` or `trl-grpo:aggregation=normalize_then_sum`. */
  readonly scheme: string;
  /** Group size. */
  readonly M: number;
  /** Scalar graded levels, strictly increasing (exactly one of `levels`, `rewardFunctions`). */
  readonly levels?: readonly number[];
  /** Number of binary reward functions `d` (`2^d` classes). */
  readonly rewardFunctions?: number;
  /** Points of the simplex, each with one entry per class, `>= 0`, summing to 1. */
  readonly q?: readonly (readonly number[])[];
  /**
   * Points per side of a simplex grid (`>= 2`): every `q` whose entries are multiples of
   * `1/(grid - 1)`. Default 5 when no `q` is given and there are at most 6 classes.
   */
  readonly grid?: number;
}

/** One point of the report: the field, its curl and, where the form is closed, the potential. */
export interface GradedPoint extends FieldPoint {
  /** `J_M(q)`, the integral of `omega_M` from `e_0` to `q`; only where the field is closed. */
  readonly J?: number;
}

/** The `objective` command's answer for reward classes (docs/theory.md §10). */
export interface GradedObjective {
  /** Canonical scheme spec. */
  readonly scheme: string;
  /** The classes, as an option (`levels=0,0.5,1`, `reward-functions=2`), and their labels. */
  readonly classes: string;
  /** Each class as written in a spec or a trace (`0.5`, `0/1`), in class order. */
  readonly labels: readonly string[];
  /** Group size. */
  readonly M: number;
  /** Whether `omega_M = sum_{j>=1} D_j dq_j` is closed, i.e. Algorithm 1 ascends an objective. */
  readonly closed: boolean;
  /** The rounding bound the curl was held to (`GradedField.tolerance`). */
  readonly tolerance: number;
  /** The largest curl over every point evaluated, the fixed check points included. */
  readonly curl: number;
  /** The largest `|d_k D_j|` over the same points (the scale the curl is read against). */
  readonly largestDerivative: number;
  /** The integral of `omega_M` around {@link GradedObjective.loop}. */
  readonly circulation: number;
  /** The rounding bound on the circulation of a closed form. */
  readonly circulationTolerance: number;
  /** The loop: `(barycentre + e_i)/2` for the classes `0, 1, C-1`, in that order (none for C = 2). */
  readonly loop: readonly (readonly number[])[];
  /** Fixed interior points where the curl is also evaluated, whatever the requested points. */
  readonly checkPoints: readonly (readonly number[])[];
  /** The requested points, then the grid: the field at each, and `J` where closed. */
  readonly points: readonly GradedPoint[];
  /** Where closed: the potential's recognised form. */
  readonly objective?: GradedPotential;
  /** Where not closed: the large-M reading of the update, when the scheme states one. */
  readonly reading?: string;
  /** The verdict in one line. */
  readonly verdict: string;
}

/** The most grid points `objective` evaluates. */
export const MAX_GRID_POINTS = 20_000;

/** How far from 1 the entries of a requested `q` may sum (typed decimals round). */
const SIMPLEX_SLACK = 1e-9;

/**
 * The update field and its verdict for a scheme acting on reward classes (docs/theory.md §10):
 * `W_j(q)` exactly (multinomial sums), the derivatives `d_k D_j` by the identity of §10, the
 * curl (largest antisymmetric entry; `kappa` for three classes), a `closed` verdict held to a
 * rounding bound, the circulation around a stated loop, and where closed the potential
 * `J_M(q)` with `J_M(e_0) = 0` and its recognised form (a multiple of `E[r]`, affine, or separable
 * in the reward functions' marginals). Where not closed there is no potential, only the
 * scheme's large-M reading when it has one.
 *
 * `closed` requires every curl (requested points, grid, and {@link GradedObjective.checkPoints})
 * within `tolerance` and the circulation within `circulationTolerance`.
 *
 * Every input is validated before any work: levels or reward functions (exactly one), the
 * scheme, `M`, each `q` (one entry per class, finite, `>= 0`, summing to 1 within 1e-9), the
 * grid, and the size of the enumeration. Throws InputError naming the input.
 */
export function gradedObjective(options: GradedObjectiveOptions): GradedObjective {
  const classes = rewardClasses(options);
  if (classes === undefined) {
    throw new InputError('graded objective needs levels or reward-functions');
  }
  const M = requirePositiveInteger('M', options.M);
  const resolved = resolveGradedScheme(options.scheme, classes);
  const requested = (options.q ?? []).map((q) => requireSimplexPoint(q, classes));
  const gridSize = options.grid ?? (requested.length === 0 && classes.C <= 6 ? 5 : undefined);
  if (gridSize !== undefined) requireGrid(gridSize, classes.C);
  compositions(Math.max(M - 1, 0), classes.C);
  return fieldVerdict(resolved.bind(M), requested, gridSize);
}

/**
 * The field and its verdict for a bound graded scheme (docs/theory.md §10), as
 * {@link gradedObjective} reports it: `W_j`, `d_k D_j`, the curl at the `requested` points, on a
 * simplex grid of `gridSize` points per side (none when undefined) and at fixed check points; the
 * circulation around the loop; `closed` held to the field's rounding bounds; and where closed the
 * potential `J` and its recognised form, where not the scheme's large-M reading. The caller has
 * validated the points and the grid, and that the compositions of `M - 1` can be enumerated.
 */
export function fieldVerdict(
  scheme: GradedScheme,
  requested: readonly (readonly number[])[],
  gridSize: number | undefined,
): GradedObjective {
  const { classes } = scheme;
  const field = gradedField(scheme);
  const reported = [
    ...requested,
    ...(gridSize === undefined ? [] : simplexGrid(gridSize, classes.C)),
  ];
  const checkPoints = genericPoints(classes.C);
  const fieldPoints = reported.map((q) => field.at(q));
  const checks = checkPoints.map((q) => field.at(q));
  const all = [...fieldPoints, ...checks];
  const curl = Math.max(0, ...all.map((p) => p.curl));
  const largestDerivative = Math.max(0, ...all.flatMap((p) => p.dD.flat().map(Math.abs)));
  const loop = classes.C >= 3 ? loopVertices(classes.C) : [];
  const circulation = circulationAround(field, loop);
  const circulationTolerance = field.integralTolerance(loopLength(loop));
  const closed = curl <= field.tolerance && Math.abs(circulation) <= circulationTolerance;

  const head = {
    scheme: scheme.spec,
    classes: classes.spec,
    labels: classes.labels,
    M: scheme.M,
    closed,
    tolerance: field.tolerance,
    curl,
    largestDerivative,
    circulation,
    circulationTolerance,
    loop,
    checkPoints,
  };
  const measured = `largest curl ${show(curl)} against derivatives up to ${show(largestDerivative)}, tolerance ${show(field.tolerance)}; circulation ${show(circulation)} around the loop`;
  if (!closed) {
    const reading = scheme.largeMReading;
    return {
      ...head,
      points: fieldPoints,
      ...(reading === undefined ? {} : { reading }),
      verdict: `not closed (${measured}): Algorithm 1 ascends no objective${reading === undefined ? '' : `; large M: ${reading}`}`,
    };
  }
  const withJ = all.map((p) => ({ ...p, J: field.potential(p.q) }));
  const points = withJ.slice(0, fieldPoints.length);
  const objective = recognisePotential(field, withJ);
  return {
    ...head,
    points,
    objective,
    verdict: `closed (${measured}): ${objective.text}`,
  };
}

function show(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** Requires `q` on the simplex of the classes: one entry per class, finite, `>= 0`, sum 1. */
function requireSimplexPoint(q: readonly number[], classes: RewardClasses): number[] {
  const shown = quote(q.join(','));
  if (q.length !== classes.C) {
    throw new InputError(
      `q ${shown} has ${q.length} entries; ${classes.spec} has ${classes.C} classes (${classes.labels.join(', ')})`,
    );
  }
  q.forEach((x, j) => {
    if (!(Number.isFinite(x) && x >= 0)) {
      throw new InputError(
        `q ${shown} is not on the simplex: entry ${j} is ${x}, not a number >= 0`,
      );
    }
  });
  const sum = q.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SIMPLEX_SLACK) {
    throw new InputError(`q ${shown} is not on the simplex: its entries sum to ${sum}, not 1`);
  }
  return [...q];
}

function requireGrid(size: number, C: number): void {
  if (!(Number.isSafeInteger(size) && size >= 2)) {
    throw new InputError(`grid must be an integer >= 2 (points per side), got ${String(size)}`);
  }
  const count = compositionCount(size - 1, C);
  if (count > MAX_GRID_POINTS) {
    throw new InputError(
      `grid ${size} on ${C} classes has ${count.toPrecision(3)} points; at most ${MAX_GRID_POINTS} (use a smaller grid or --q)`,
    );
  }
}

/** Every point of the simplex whose entries are multiples of `1/(size - 1)`. */
function simplexGrid(size: number, C: number): number[][] {
  const steps = size - 1;
  const comps = compositions(steps, C);
  return Array.from({ length: comps.count }, (_, i) =>
    Array.from(comps.counts.subarray(i * C, (i + 1) * C), (n) => n / steps),
  );
}

/**
 * Three fixed interior points with no symmetry among the classes (entries proportional to
 * `1 + frac((j + 1) m phi)`, `phi` the golden ratio's conjugate, `m = 1, 2, 3`), so that a curl
 * that vanishes on a symmetric grid by symmetry alone still shows.
 */
function genericPoints(C: number): number[][] {
  const phi = (Math.sqrt(5) - 1) / 2;
  return [1, 2, 3].map((m) => {
    const raw = Array.from({ length: C }, (_, j) => 1 + (((j + 1) * m * phi) % 1));
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((x) => x / total);
  });
}

/** `(barycentre + e_i)/2` for `i = 0, 1, C - 1`. */
function loopVertices(C: number): number[][] {
  return [0, 1, C - 1].map((i) =>
    Array.from({ length: C }, (_, j) => 0.5 / C + (j === i ? 0.5 : 0)),
  );
}

function circulationAround(field: GradedField, loop: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i < loop.length; i++)
    sum += field.lineIntegral(loop[i]!, loop[(i + 1) % loop.length]!);
  return sum;
}

/** The l1 length of the closed polygon through the vertices. */
function loopLength(loop: readonly (readonly number[])[]): number {
  let length = 0;
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i]!;
    const b = loop[(i + 1) % loop.length]!;
    length += a.reduce((s, x, j) => s + Math.abs(b[j]! - x), 0);
  }
  return length;
}
