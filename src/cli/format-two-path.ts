import type { TwoPathResult } from '../estimators/index.ts';

/** The documented `--json` line of `rl-objective simulate --two-path` (docs/simulate.md). */
export function twoPathJson(r: TwoPathResult) {
  return {
    paths: r.paths,
    difference: r.difference,
    threshold: r.threshold,
    alpha: r.alpha,
    agree: r.outcome === 'agree',
    outcome: r.outcome,
    pathsAgree: r.pathsAgree,
    groupsNeeded: r.groupsNeeded,
    groups: r.groups,
    nodes: r.nodes,
    responses: r.responses,
    start: r.start,
    end: r.end,
  };
}

/**
 * The two-path test as `rl-objective simulate --two-path` prints it: each path's integral of the
 * expected update with its standard error and exact value, their difference against its exact
 * value (the verdict on the simulation) and against 0 (the finding on closedness).
 */
export function twoPathText(r: TwoPathResult): string {
  const fmt = (x: number) => String(Number(x.toPrecision(6)));
  const q = (v: readonly number[]) => `(${v.map(fmt).join(', ')})`;
  const d = r.difference;
  const row = (name: string, e: { estimate: number; stderr: number; closedForm: number }) =>
    `  ${name.padEnd(10)} ${fmt(e.estimate).padStart(12)} ± ${fmt(e.stderr).padEnd(12)} exact ${fmt(e.closedForm)}`;
  const finding =
    r.pathsAgree === null
      ? 'no finding on closedness'
      : r.pathsAgree
        ? `the paths agree (|z| = ${fmt(Math.abs(d.zAgainstZero))} against 0): consistent with a closed field, an objective`
        : `the paths DIFFER (z = ${fmt(d.zAgainstZero)} against 0): the field is not closed, no objective`;
  return [
    `two-path test from q = ${q(r.start)} to q = ${q(r.end)}: ${r.nodes} node simulations of ${r.groups} groups, ${r.responses} responses`,
    row('path A', r.paths[0]),
    row('path B', r.paths[1]),
    row('A - B', d),
    r.outcome === 'insufficient'
      ? `NO VERDICT: ${r.groups} groups per node are too few for the normal approximation at threshold ${fmt(r.threshold)}; rerun with --groups ${r.groupsNeeded} or more`
      : `${r.outcome === 'agree' ? 'agrees' : 'DISAGREES'} with the exact difference: z = ${fmt(d.z)}, threshold ${fmt(r.threshold)} (alpha ${r.alpha}, 2 comparisons); ${finding}`,
    '',
  ].join('\n');
}
