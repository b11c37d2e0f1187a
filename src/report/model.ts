import type { SimplexFigure } from './simplex-figure.ts';

/**
 * The report model shared by every command that publishes evidence (`verify`, `audit`): a list of
 * checks, each a comparison of an estimate with a closed form (docs/theory.md §6), and a list of figures,
 * each a set of curves. `agreement.json` is this object serialised as is.
 */

/** One point of a curve. `yError` is a symmetric half-width (e.g. the resolution δ) when drawn. */
export interface Point {
  readonly x: number;
  readonly y: number;
  readonly yError?: number;
}

/**
 * How a series is drawn: a curve, points with optional error bars, histogram bars, or a band
 * from `y - yError` to `y + yError` (e.g. a mean with its standard errors).
 */
export type SeriesMark = 'line' | 'point' | 'bar' | 'band';

/** One curve of a figure: a label for the legend, the parameters it was computed with, its points. */
export interface Series {
  readonly label: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly points: readonly Point[];
  /** Defaults to `line`. A `bar` series draws each point as a bar of width `barWidth` centred on x. */
  readonly mark?: SeriesMark;
  /** Bar width in x units, for `bar` series. */
  readonly barWidth?: number;
  /** A `line` series drawn dashed (e.g. a deterministic reference beside a simulated curve). */
  readonly dashed?: boolean;
  /**
   * Series with the same group share a colour and one legend entry (a curve, its band and its
   * reference); defaults to the label.
   */
  readonly group?: string;
}

/** An axis: its title and scale. */
export interface Axis {
  readonly title: string;
  /** `symlog` is logarithmic away from 0 and linear near it, for values of both signs. */
  readonly scale?: 'linear' | 'log' | 'symlog';
}

/** A figure: data first, so that it can be re-plotted from `agreement.json` with any tool. */
export interface Figure {
  /** File-safe id; the SVG is written to `figures/<id>.svg`. */
  readonly id: string;
  readonly title: string;
  readonly x: Axis;
  readonly y: Axis;
  /** A line printed under the figure, e.g. the Kolmogorov–Smirnov distance. */
  readonly note?: string;
  readonly series: readonly Series[];
}

/** Any figure of a report: curves ({@link Figure}), or panels on the simplex of three classes. */
export type ReportFigure = Figure | SimplexFigure;

/**
 * One comparison of an estimate with its closed form. For a Monte Carlo check `stderr > 0`,
 * `z = (estimate - closedForm) / stderr`, `threshold` is the |z| bound from Holm's split of the
 * run's α and `resolution` the discrepancy detected with probability 1 - β. For a deterministic
 * check `stderr = 0`, `z` is null, and `threshold` is the stated tolerance on |estimate - closedForm|
 * (also reported as `resolution`).
 */
export interface CheckRow {
  readonly id: string;
  readonly theorem: string;
  readonly scheme: string;
  readonly M: number | null;
  readonly policy: string;
  readonly closedForm: number;
  readonly estimate: number;
  readonly stderr: number;
  readonly z: number | null;
  readonly threshold: number;
  readonly resolution: number;
  readonly agree: boolean;
  readonly groups: number;
  readonly seconds: number;
  /** What was compared, in one line (e.g. which component, or which tolerance). */
  readonly detail?: string;
  /**
   * Set when a Monte Carlo check gives no verdict (`agree` is then false, but it does not
   * disagree): its groups are too few for the normal approximation behind z (docs/theory.md §6), and
   * this many would do.
   */
  readonly groupsNeeded?: number;
}

/** Totals of a run, the summary line of every rendering. */
export interface Summary {
  readonly checks: number;
  readonly agree: number;
  readonly disagree: number;
  /** Checks with no verdict (rows with `groupsNeeded`); absent means 0. */
  readonly insufficient?: number;
  readonly monteCarlo: number;
  readonly deterministic: number;
  /** Per theorem id: how many checks and how many agree. */
  readonly byTheorem: Readonly<Record<string, { readonly checks: number; readonly agree: number }>>;
  /** Kolmogorov–Smirnov distance of the Monte Carlo z-scores from N(0, 1), when there are any. */
  readonly ksDistance: number | null;
  readonly seconds: number;
}

/** A complete report: what `agreement.json` holds. */
export interface Report {
  /** Heading of the Markdown and HTML renderings. */
  readonly title: string;
  readonly seed: string | number;
  readonly alpha: number;
  readonly versions: Readonly<Record<string, string>>;
  readonly command: string;
  readonly checks: readonly CheckRow[];
  readonly figures: readonly ReportFigure[];
  readonly summary: Summary;
}
