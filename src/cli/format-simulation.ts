import type { SimulationResult } from '../estimators/index.ts';
import { largest, maxAbs } from '../math/index.ts';
import { significant } from './output.ts';

/** The documented `--json` line of `rl-objective simulate` (docs/simulate.md). */
export function simulationJson(r: SimulationResult) {
  return {
    estimate: r.estimate,
    stderr: r.stderr,
    closedForm: r.closedForm,
    z: r.z,
    resolution: r.resolution,
    agree: r.agree,
    outcome: r.outcome,
    groupsNeeded: r.groupsNeeded,
    groups: r.groups,
    responses: r.responses,
    seconds: r.seconds,
    responsesPerSecond: r.responsesPerSecond,
    ...(r.draws ? { meanDraws: r.draws.mean } : {}),
  };
}

/**
 * A simulation as `rl-objective simulate` prints it: what ran and how fast, one row per
 * compared parameter (and the mean draws of pure-rs) with 8 significant digits, and the verdict.
 */
export function simulationText(r: SimulationResult): string {
  const c = r.config;
  const classes =
    c.estimator !== 'algorithm1'
      ? ''
      : c.levels !== undefined
        ? `, levels ${c.levels.join(',')}`
        : c.rewardFunctions !== undefined
          ? `, ${c.rewardFunctions} reward functions`
          : '';
  const what =
    c.estimator === 'algorithm1'
      ? `algorithm1, scheme ${c.scheme}, M = ${c.M}${classes}`
      : `pure-rs, B = ${c.B}`;
  const fmt = (x: number) => significant(x, 8);
  const header = ['param', 'estimate', 'stderr', 'closedForm', 'z', '±resolution'];
  const rows = r.estimate.map((e, j) => [
    String(j),
    fmt(e),
    fmt(r.stderr[j]!),
    fmt(r.closedForm[j]!),
    fmt(r.z[j]!),
    fmt(r.resolution[j]!),
  ]);
  if (r.draws) {
    const d = r.draws;
    rows.push(['draws', fmt(d.mean), fmt(d.stderr), fmt(d.expected), fmt(d.z), fmt(d.resolution)]);
  }
  const widths = header.map((h, j) =>
    Math.max(
      h.length,
      largest(rows, (row) => row[j]!.length),
    ),
  );
  const line = (row: readonly string[]) =>
    row.map((cell, j) => cell.padStart(widths[j]!)).join('  ');
  const maxZ = Math.max(maxAbs(r.z), r.draws ? Math.abs(r.draws.z) : 0);
  return [
    `${what}, ${r.groups} groups, ${r.responses} responses ${rate(r)}`,
    line(header),
    ...rows.map(line),
    r.outcome === 'insufficient'
      ? `NO VERDICT: ${r.groups} groups are too few for the normal approximation behind z at threshold ${fmt(r.threshold)} (a rare event or a skewed update); rerun with --groups ${r.groupsNeeded} or more`
      : `${r.agree ? 'agrees' : 'DISAGREES'}: max |z| = ${fmt(maxZ)}, threshold ${fmt(r.threshold)} (alpha ${r.alpha}, Holm over ${rows.length} comparisons); resolution at beta ${r.beta}`,
    '',
  ].join('\n');
}

/**
 * How fast the run went: the responses simulated by this process, in its own time. After a
 * resume, the chunks read from the checkpoint took no time here, so they are not counted.
 */
function rate(r: SimulationResult): string {
  const speed = `in ${r.seconds.toFixed(2)} s (${r.responsesPerSecond.toExponential(2)}/s)`;
  if (r.simulated === r.responses) return speed;
  return `(${r.responses - r.simulated} read from the checkpoint, ${r.simulated} simulated ${speed})`;
}
