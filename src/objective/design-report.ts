import { DESIGN_DEFAULTS } from '../defaults/index.ts';
import { LIMITS, requireSize } from '../errors/index.ts';
import { parseSpec } from '../grammar/index.ts';
import { scheme as makeScheme } from '../schemes/index.ts';
import { target as makeTarget } from '../targets/index.ts';
import { sampledObjective } from './objective-points.ts';
import { uniformGrid } from './objective-table.ts';
import { type SupDistance, sampled, supDistance } from './sup-distance.ts';

/** What {@link design} is asked for. */
export interface DesignOptions {
  /** Target spec: `identity`, `log`, `logit`, `arcsin`, `power:q=Q`, `passk:k=K` or `beta:a=A,b=B`. */
  readonly target: string;
  readonly M: number;
  /** The nodes `ξ_s`: `interior` `(s+1)/(M+1)` (default), `midpoint` or `endpoint`. */
  readonly nodes?: string;
  /** How `c` splits into `a` and `b`: `b` (`a = 0`, default), `a` or `half`. */
  readonly split?: string;
  /** Points `t = 0..1`, equally spaced, on which the distance is taken. Default 101. */
  readonly grid?: number;
}

/** A designed scheme and how close its induced objective is to the target. */
export interface DesignReport {
  /** Canonical target spec. */
  readonly target: string;
  /** Canonical spec of the designed scheme, usable with `objective` and `simulate`. */
  readonly scheme: string;
  readonly M: number;
  readonly a: readonly number[];
  readonly b: readonly number[];
  /**
   * The sup distance of `h_M` to the target on the grid (`supDistance`, the one distance every
   * command reports: docs/objective.md, "Distances").
   */
  readonly distance: SupDistance;
}

/**
 * `rl-objective design` as a function: the Bernstein recipe of docs/theory.md §3: weights `c_s = h'(ξ_s)` designed to optimize a chosen
 * target `h` at group size `M` (exact when `h'` is a polynomial of degree ≤ M − 1), with the sup
 * distance between the induced `h_M` and the target on `grid` equally spaced points of [0, 1].
 */
export function design(options: DesignOptions): DesignReport {
  const M = requireSize('M', options.M, LIMITS.M);
  const ts = uniformGrid(options.grid ?? DESIGN_DEFAULTS.grid);
  const h = makeTarget(options.target);
  const { name, params } = parseSpec(h.spec, 'target');
  const chosen = { nodes: options.nodes, split: options.split };
  const keys = [
    ['target', name],
    ...params,
    ...Object.entries(chosen).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ];
  const s = makeScheme(`design:${keys.map(([k, v]) => `${k}=${v}`).join(',')}`, M);
  return {
    target: h.spec,
    scheme: s.spec,
    M,
    a: s.a,
    b: s.b,
    distance: supDistance(sampledObjective(s.c, ts), sampled(ts, h.h)),
  };
}
