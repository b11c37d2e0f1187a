import type { Command } from 'commander';

interface MergeFlags {
  out: string;
  json?: boolean;
}

const EXAMPLES = `
Examples:
  rl-objective verify --full --shard 0/2 --out out/part-0     (on one machine)
  rl-objective verify --full --shard 1/2 --out out/part-1     (on another)
  rl-objective merge out/part-0 out/part-1 --out out/report

Exit status: 0 if every check agrees, 1 if some check disagrees, 3 if none disagrees but some
check is insufficient (no verdict), 2 for bad input (a part missing, given twice, of another
run, or unreadable).`;

/**
 * Registers `rl-objective merge PART... [--out DIR] [--json]`: reads the `partial.json` of each
 * shard of a `verify` run (`readPartial`; a directory or the file itself), checks that they are
 * one run with every chunk exactly once, and writes the report a single-machine run writes, with
 * the same estimates bit for bit (`mergeVerify`). Prints the summary line (or, with `--json`,
 * the report) and exits like `verify`. The library is imported when the command runs.
 */
export function registerMerge(root: Command): void {
  root
    .command('merge')
    .description('combine the parts written by verify --shard i/n into the report of the whole run')
    .argument('<parts...>', 'the --out directories of the shards (or their partial.json files)')
    .option('--out <DIR>', 'report directory', 'reports/out')
    .option('--json', 'print agreement.json on stdout instead of the summary line')
    .addHelpText('after', EXAMPLES)
    .action(async (sources: string[], flags: MergeFlags) => {
      const [{ readPartial }, { mergeVerify }, { publishReport }] = await Promise.all([
        import('../../checkpoint/index.ts'),
        import('../../verify/index.ts'),
        import('../output.ts'),
      ]);
      const report = mergeVerify(sources.map(readPartial), {
        command: ['rl-objective', ...process.argv.slice(2)].join(' '),
      });
      await publishReport(report, flags.out, flags.json === true);
    });
}
