import type { Command } from 'commander';
import { VERIFY_DEFAULTS } from '../../defaults/index.ts';
import { MERGE_HELP } from '../help.ts';
import { directoryFlag } from '../parse-flags.ts';

interface MergeFlags {
  out: string;
  json?: boolean;
}

/**
 * Registers `rl-objective merge PART... [--out DIR] [--json]`: a thin shell over the library's
 * `mergeVerify`, which reads the `partial.json` of each shard of a `verify` run, checks that they
 * are one run with every chunk exactly once, and writes the report a single-machine run writes,
 * with the same estimates bit for bit. Prints the summary line (or, with `--json`, the report)
 * and exits like `verify`. The library is imported when the command runs.
 */
export function registerMerge(root: Command): void {
  root
    .command('merge')
    .description('combine the parts written by verify --shard i/n into the report of the whole run')
    .argument('<parts...>', 'the --out directories of the shards (or their partial.json files)')
    .option('--out <DIR>', 'report directory', VERIFY_DEFAULTS.out)
    .option('--json', 'print agreement.json on stdout instead of the summary line')
    .addHelpText('after', MERGE_HELP)
    .action(async (sources: string[], flags: MergeFlags) => {
      directoryFlag('--out', flags.out);
      const [{ mergeVerify }, { printReport }] = await Promise.all([
        import('../../verify/index.ts'),
        import('../output.ts'),
      ]);
      const command = ['rl-objective', ...process.argv.slice(2)].join(' ');
      const report = await mergeVerify(sources, { command, out: flags.out });
      await printReport(report, flags.out, flags.json === true);
    });
}
