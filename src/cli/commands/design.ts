import type { Command } from 'commander';
import { parseNumber, requireGridPoints } from '../../errors/index.ts';
import { DESIGN_HELP } from '../help.ts';

interface DesignFlags {
  target: string;
  M: string;
  nodes?: string;
  split?: string;
  grid?: string;
  json?: boolean;
}

/**
 * Registers `rl-objective design`: count-form weights designed by the Bernstein recipe
 * (docs/theory.md §3) to optimize a chosen target, with the sup distance of the induced `h_M` to it.
 * A thin shell over the library's `design`, imported only when this command runs, so that other commands
 * and `rl-objective --help` start fast.
 */
export function registerDesign(root: Command): void {
  root
    .command('design')
    .description('design count-form weights a, b whose induced objective h_M approximates a target')
    .requiredOption(
      '--target <spec>',
      'identity | log | logit | arcsin | power:q=Q | passk:k=K | beta:a=A,b=B (I_t(A, B))',
    )
    .requiredOption('--M <n>', 'group size, a positive integer')
    .option(
      '--nodes <rule>',
      'interior: (s+1)/(M+1) (default) | midpoint: (s+1/2)/M | endpoint: s/(M-1)',
    )
    .option('--split <how>', 'how c splits into a and b: b (a = 0, default) | a | half')
    .option('--grid <n>', 'points t = 0..1 on which the distance is taken, 2 to 1e6 (default 101)')
    .option('--json', 'print {"target","scheme","M","a","b","distance":{...}}')
    .addHelpText('after', DESIGN_HELP)
    .action(async (flags: DesignFlags) => {
      const M = parseNumber('--M', flags.M);
      const { design } = await import('../../objective/design-report.ts');
      const grid =
        flags.grid === undefined
          ? undefined
          : requireGridPoints('--grid', parseNumber('--grid', flags.grid));
      const report = design({
        target: flags.target,
        M,
        nodes: flags.nodes,
        split: flags.split,
        grid,
      });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      const d = report.distance;
      process.stdout.write(
        [
          `target ${report.target}, M = ${report.M}`,
          `scheme ${report.scheme}`,
          `a = [${report.a.join(', ')}]`,
          `b = [${report.b.join(', ')}]`,
          `sup distance to ${report.target}: ${d.distance.toPrecision(4)} (worst at t = ${d.tWorst.toPrecision(4)}; ${d.points} grid points in [${d.lo}, ${d.hi}])`,
        ]
          .map((line) => `${line}\n`)
          .join(''),
      );
    });
}
