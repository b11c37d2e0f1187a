import type { Command } from 'commander';
import { InputError, quote } from '../../errors/input-error.ts';
import { parseNumber } from '../../errors/require.ts';
import type { Normalization } from '../../objective/objective-table.ts';
import { formatLimit } from '../format-limit.ts';
import { formatTable } from '../output.ts';

interface ObjectiveFlags {
  scheme: string;
  M: string;
  t?: string;
  grid?: string;
  normalize?: string | true;
  limit?: boolean;
  json?: boolean;
}

const TABLES_SHOWN_MAX_M = 16;

const HELP_REQUEST = new Set(['-h', '--help']);

const EXAMPLES = `Examples:
  rl-objective objective --scheme grpo --M 8 --grid 5
  rl-objective objective --scheme passk:k=4 --M 16 --t 0.01,0.1,0.5 --json
  rl-objective objective --scheme rs --M 16 --t 0.01,0.1,1 --normalize harmonic
  rl-objective objective --scheme f-grpo:gamma=1 --M 16,64,256,1024 --limit`;

/**
 * Registers `rl-objective objective`: the objective `h_M` a weight scheme induces (docs/theory.md §2),
 * and its derivative, at chosen points. A thin shell over `objectiveTable`, imported (like the
 * scheme catalogue of its help) only when this command runs, so that other commands and
 * `rl-objective --help` start fast.
 */
export function registerObjective(root: Command): void {
  const command = root
    .command('objective')
    .description("the objective h_M (and dh = h_M') that a weight scheme induces at group size M")
    .requiredOption('--scheme <spec>', 'weight scheme, e.g. grpo:std=sample,eps=1e-6 (see below)')
    .requiredOption(
      '--M <n>',
      'group size, a positive integer (with --limit: increasing sizes, e.g. 16,64,256)',
    )
    .option('--t <list>', 'comma-separated points in [0, 1], e.g. 0.1,0.5,0.9')
    .option('--grid <n>', 'n equally spaced points from 0 to 1 (default 11 when --t is absent)')
    .option(
      '--normalize [kind]',
      "add hNormalized: 'end' is h/h(1) (default), 'harmonic' is h - (H_M - 1), the paper's rs normalization",
    )
    .option(
      '--limit',
      'large-M study over the sizes of --M: best beta fit, sup distance to the previous size and to the stated limit (default grid 101)',
    )
    .option('--json', 'print {"scheme","M","a","b","fit","points":[{"t","h","dh"}]}')
    .action(async (flags: ObjectiveFlags) => {
      if (flags.t !== undefined && flags.grid !== undefined) {
        throw new InputError('give either --t or --grid, not both');
      }
      if (flags.limit) {
        await runLimit(flags);
        return;
      }
      if (flags.M.includes(',')) {
        throw new InputError(
          `--M takes one group size, got ${quote(flags.M)}; a list needs --limit`,
        );
      }
      const input = {
        scheme: flags.scheme,
        M: parseNumber('--M', flags.M),
        t: flags.t?.split(',').map((t) => parseNumber('--t', t)),
        grid: flags.grid === undefined ? undefined : parseNumber('--grid', flags.grid),
        normalize: normalization(flags.normalize),
      };
      const { objectiveTable } = await import('../../objective/objective-table.ts');
      const { formatBetaFit } = await import('../../objective/beta-fit.ts');
      const table = objectiveTable(input);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(table)}\n`);
        return;
      }
      const normalized = flags.normalize !== undefined;
      const lines = [`scheme ${table.scheme}, M = ${table.M}`];
      if (table.M <= TABLES_SHOWN_MAX_M) {
        lines.push(`a = [${table.a.join(', ')}]`, `b = [${table.b.join(', ')}]`);
      } else {
        lines.push(`(tables a and b have ${table.M} entries each: use --json to see them)`);
      }
      lines.push(
        `best beta fit: ${formatBetaFit(table.fit, table.fitReason)}${table.fit === null ? '' : ` (sup distance to h/h(1) on these ${table.points.length} points)`}`,
      );
      process.stdout.write(`${lines.join('\n')}\n\n`);
      process.stdout.write(
        formatTable(
          normalized ? ['t', 'h', 'dh', 'hNormalized'] : ['t', 'h', 'dh'],
          table.points.map((p) =>
            normalized ? [p.t, p.h, p.dh, p.hNormalized!] : [p.t, p.h, p.dh],
          ),
        ),
      );
    });

  // Commander's help text is synchronous, so the catalogue (it loads every scheme) is imported
  // when this command is chosen with a help request among its arguments (`objective --help`;
  // main.ts turns `help objective` into that), before commander reads them; runs and bad flags
  // never pay for it.
  root.hook('preSubcommand', async (parent, chosen) => {
    if (chosen !== command || !parent.args.some((arg) => HELP_REQUEST.has(arg))) return;
    const { schemeCatalogueHelp } = await import('../../schemes/catalogue.ts');
    command.addHelpText('after', `\nSchemes:\n${schemeCatalogueHelp()}\n\n${EXAMPLES}`);
  });
}

async function runLimit(flags: ObjectiveFlags): Promise<void> {
  if (flags.normalize !== undefined) {
    throw new InputError('--normalize does not apply to --limit (it always uses h/h(1))');
  }
  const input = {
    scheme: flags.scheme,
    M: flags.M.split(',').map((m) => parseNumber('--M', m)),
    t: flags.t?.split(',').map((t) => parseNumber('--t', t)),
    grid: flags.grid === undefined ? undefined : parseNumber('--grid', flags.grid),
  };
  const { objectiveLimit } = await import('../../objective/objective-table.ts');
  const study = objectiveLimit(input);
  process.stdout.write(
    flags.json ? `${JSON.stringify(study)}\n` : formatLimit(`scheme ${study.scheme}`, study),
  );
}

function normalization(flag: string | true | undefined): Normalization | undefined {
  if (flag === undefined) return undefined;
  if (flag === true || flag === 'end') return 'end';
  if (flag === 'harmonic') return 'harmonic';
  throw new InputError(`--normalize must be 'end' or 'harmonic', got ${quote(flag)}`);
}
