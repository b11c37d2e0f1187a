import type { Command } from 'commander';
import { OBJECTIVE_DEFAULTS } from '../../defaults/index.ts';
import { formatLimit } from '../format-limit.ts';
import {
  addGradedObjectiveOptions,
  type GradedObjectiveFlags,
  runGradedObjective,
} from '../graded-objective-flags.ts';
import { OBJECTIVE_EXAMPLES } from '../help.ts';
import { objectiveFlags } from '../objective-flags.ts';
import { progressBar } from '../output.ts';

const HELP_REQUEST = new Set(['-h', '--help']);

/**
 * Registers `rl-objective objective`: a thin shell over the library's `objective` (the objective
 * `h_M` a weight scheme induces and its derivative at chosen points, docs/theory.md §2) and, with
 * `--limit`, `objectiveLimit` (docs/theory.md §9). The library, like the scheme catalogue of the
 * help, is imported only when this command runs, so that other commands and
 * `rl-objective --help` start fast.
 */
export function registerObjective(root: Command): void {
  const command = addGradedObjectiveOptions(root.command('objective'))
    .description(
      "the objective h_M (and dh = h_M') that a weight scheme induces at group size M; with --levels or --reward-functions, the update field on the classes, whether it is closed, and its potential J",
    )
    .requiredOption('--scheme <spec>', 'weight scheme, e.g. grpo:std=sample,eps=1e-6 (see below)')
    .requiredOption(
      '--M <n>',
      'group size, a positive integer (with --limit: increasing sizes, e.g. 16,64,256)',
    )
    .option('--t <list>', 'comma-separated points in [0, 1], e.g. 0.1,0.5,0.9')
    .option(
      '--grid <n>',
      `n equally spaced points from 0 to 1 (default ${OBJECTIVE_DEFAULTS.grid} when --t is absent); with classes, n points per side of the simplex`,
    )
    .option(
      '--normalize [kind]',
      "add hNormalized: 'end' is h/h(1) (default), 'harmonic' is h - (H_M - 1), the paper's rs normalization",
    )
    .option(
      '--limit',
      `read the large-M limit from the scheme at one group of --limit-m responses, and compare the sizes of --M with it and with the stated limit (default grid ${OBJECTIVE_DEFAULTS.limitGrid})`,
    )
    .option('--limit-m <n>', 'with --limit: the group size the limit is read at (default 1e6)')
    .option(
      '--stated <target>',
      "with --limit: the limit you state, a target or a formula such as 'expr:log(1+t)' (default the catalogue's)",
    )
    .option(
      '--json',
      'print the table (with --limit the study, with classes the field) as JSON: shapes below',
    )
    .action(async (flags: GradedObjectiveFlags) => {
      if (await runGradedObjective(flags)) return;
      const { M, t, grid, normalize, limitM } = objectiveFlags(flags);
      const [lib, { objectiveText }] = await Promise.all([
        import('../../objective/objective-table.ts'),
        import('../format-objective.ts'),
      ]);
      const json = (result: unknown) => `${JSON.stringify(result)}\n`;
      if (flags.limit) {
        const { scheme, stated } = flags;
        const study = lib.objectiveLimit({ scheme, M, t, grid, limitM, stated });
        process.stdout.write(
          flags.json ? json(study) : formatLimit(`scheme ${study.scheme}`, study),
        );
        return;
      }
      const bar = await progressBar('objective [{bar}] {percentage}% | {value}/{total} points');
      const table = lib.objective({
        scheme: flags.scheme,
        M: M[0]!,
        t,
        grid,
        normalize,
        progress: bar.update,
      });
      bar.stop();
      process.stdout.write(
        flags.json ? json(table) : objectiveText(table, normalize !== undefined),
      );
    });

  // Commander's help text is synchronous, so the catalogue (it loads every scheme) is imported
  // when this command is chosen with a help request among its arguments (`objective --help`;
  // main.ts turns `help objective` into that), before commander reads them; runs and bad flags
  // never pay for it.
  root.hook('preSubcommand', async (parent, chosen) => {
    if (chosen !== command || !parent.args.some((arg) => HELP_REQUEST.has(arg))) return;
    const { schemeCatalogueHelp } = await import('../../schemes/catalogue.ts');
    command.addHelpText('after', `\nSchemes:\n${schemeCatalogueHelp()}\n\n${OBJECTIVE_EXAMPLES}`);
  });
}
