import type { Command } from 'commander';
import { AUDIT_DEFAULTS, PYTHON_ARRAYS } from '../../defaults/index.ts';
import { type AuditFlags, auditFlags } from '../audit-flags.ts';
import { EXIT } from '../exit-codes.ts';
import { AUDIT_HELP } from '../help.ts';
import { progressBar } from '../output.ts';
import { addRewardClassOptions } from '../reward-class-flags.ts';
import { runClassAudit } from '../run-class-audit.ts';

const PROGRESS =
  'audit [{bar}] {percentage}% | {value}/{total} reward patterns | ETA {eta_formatted}';

/**
 * Registers `rl-objective audit` (docs/theory.md §2, §7): a thin shell over the library's
 * `audit`: is a weight function, a trainer's trace or a table count form, and which objective
 * does it induce? Exit 0 when count form (and the expectation, if any, is met); 1 when not count
 * form or an `--expect` fails; 2 on bad input. The audit library and the report renderer are
 * imported only when the command runs, after every flag is checked, so that `--help` and bad
 * flags answer fast.
 */
export function registerAudit(root: Command): void {
  const d = AUDIT_DEFAULTS;
  const audit = root
    .command('audit')
    .description(
      'audit advantage code for count form and recover the objective it optimizes (exit 1 if not count form or --expect fails)',
    )
    .option(
      '--module <file>',
      'ES module (JS or TS) exporting advantages(rewards: number[]): number[] (number[][], M x d, with --reward-functions d > 1), may be async',
    )
    .option(
      '--python <file.py:func>',
      'a Python function FUNC(rewards) -> advantages in FILE.py (default FUNC: advantages), run by python3',
    )
    .option(
      '--traces <file>',
      'JSONL, one group per line: {"rewards": [0|1, ...], "advantages": [...]}; graded rewards or reward vectors ([[1,0],[0,1],...]) and a "batch" field too',
    )
    .option('--table <file>', 'count-form tables {"M": n, "a": [...], "b": [...]}')
    .option(
      '--M <list>',
      'group sizes to audit a --module or --python at, comma-separated, e.g. 8,64 (required with them)',
    )
    .option(
      '--samples <n>',
      `random arrangements of every count K when M > 16 (default ${d.samples}, fewer at large M: at least 2)`,
    )
    .option('--seed <seed>', 'seed of those arrangements', String(d.seed))
    .option('--rel-tol <x>', 'relative tolerance of the count-form check', String(d.relTol))
    .option('--grid <n>', 'number of points t = 0..1 in the output', String(d.grid))
    .option(
      '--expect <name[:tol]>',
      `expected objective, e.g. arcsin:0.05, passk:k=4:0.02 or beta:a=0.5,b=1.5:0.03 (tol defaults to ${d.expectTol}); with reward classes: closed`,
    )
    .option(
      '--limit',
      'read the large-M limit from the code at one group of --limit-m responses (--module, --python), and compare the sizes with it and with an --expect target',
    )
    .option('--limit-m <n>', 'with --limit: the group size the limit is read at (default 1e6)')
    .option(
      '--python-array <kind>',
      `with --python: what FUNC receives, ${PYTHON_ARRAYS.join(' | ')} (float64; default numpy if it imports, else list)`,
    )
    .option('--python-bin <path>', 'with --python: the interpreter (default $PYTHON, else python3)')
    .option(
      '--timeout <seconds>',
      `with --module or --python: stop the code if one call takes longer (default ${d.timeout}; the import gets at least that)`,
    )
    .option('--json', 'print the audit as JSON')
    .option(
      '--out <dir>',
      'also write the audit report (agreement.json, agreement.md, index.html, figures/) into DIR',
    );
  addRewardClassOptions(audit)
    .addHelpText('after', AUDIT_HELP)
    .action(async (flags: AuditFlags) => {
      const { source, options, classes } = auditFlags(flags);
      const command = ['rl-objective', ...process.argv.slice(2)].join(' ');
      const [lib, bar] = await Promise.all([import('../../audit/index.ts'), progressBar(PROGRESS)]);
      const run = { ...options, command, progress: bar.update };
      // A binary audit does not start the bar here, so stopping it is a no-op for one.
      const graded = runClassAudit(source, run, classes, flags.json === true);
      if (await graded.finally(() => bar.stop())) return;
      const result = await lib.audit(source, run).finally(() => bar.stop());
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } else {
        process.stdout.write(lib.formatAudit(result, result.expectation));
        if (result.largeM !== undefined) {
          const { formatLimit } = await import('../format-limit.ts');
          const study = {
            limit: result.limit ?? null,
            limitReason: result.limitReason,
            largeM: result.largeM,
          };
          process.stdout.write(`\n${formatLimit('large-M study of the audited weights', study)}`);
        }
      }
      if (flags.out !== undefined && !flags.json) {
        const { reportFiles } = await import('../../report/write-report.ts');
        process.stdout.write(`report: ${reportFiles(flags.out).html}\n`);
      }
      const met = result.expectation?.met ?? true;
      process.exitCode = result.countForm && met ? EXIT.ok : EXIT.disagree;
    });
}
