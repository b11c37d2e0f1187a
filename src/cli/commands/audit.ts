import type { Command } from 'commander';
import { writeReport } from '../../../reports/write-report.ts';
import { auditDocument } from '../../audit/audit-document.ts';
import { auditFunction } from '../../audit/audit-function.ts';
import { DEFAULT_REL_TOL } from '../../audit/audit-report.ts';
import { auditTable } from '../../audit/audit-table.ts';
import { auditTraces } from '../../audit/audit-traces.ts';
import { checkExpectation } from '../../audit/check-expectation.ts';
import { formatAudit } from '../../audit/format-audit.ts';
import { loadAdvantagesModule } from '../../audit/load-advantages-module.ts';
import { parseExpectation } from '../../audit/parse-expectation.ts';
import type { AuditReport } from '../../audit/types.ts';
import { InputError } from '../../errors/input-error.ts';
import { parseNumber, requireNonNegative, requirePositiveInteger } from '../../errors/require.ts';
import { EXIT } from '../exit-codes.ts';

interface AuditFlags {
  module?: string;
  traces?: string;
  table?: string;
  M?: string;
  samples: string;
  seed: string;
  relTol: string;
  grid: string;
  expect?: string;
  json?: boolean;
  out?: string;
}

/**
 * Registers `rl-objective audit` (MATH.md §2, §7): is a weight function, a trainer's trace or a
 * table count form, and which objective does it induce? Exit 0 when count form (and the
 * expectation, if any, is met); 1 when not count form or an `--expect` fails; 2 on bad input.
 */
export function registerAudit(root: Command): void {
  root
    .command('audit')
    .description(
      'audit advantage code for count form and recover the objective h_M it optimizes (exit 1 if not count form or --expect fails)',
    )
    .option(
      '--module <file>',
      'ES module (JS or TS) exporting advantages(rewards: number[]): number[], may be async',
    )
    .option(
      '--traces <file>',
      'JSONL, one group per line: {"rewards": [0|1, ...], "advantages": [...]}',
    )
    .option('--table <file>', 'count-form tables {"M": n, "a": [...], "b": [...]}')
    .option(
      '--M <list>',
      'group sizes to audit a --module at, comma-separated, e.g. 8,64 (required with --module)',
    )
    .option('--samples <n>', 'random arrangements of every count K when M > 16', '64')
    .option('--seed <seed>', 'seed of those arrangements', '0')
    .option('--rel-tol <x>', 'relative tolerance of the count-form check', String(DEFAULT_REL_TOL))
    .option('--grid <n>', 'number of points t = 0..1 in the output', '101')
    .option(
      '--expect <name[:tol]>',
      'expected objective, e.g. arcsin:0.05 or passk:k=4:0.02 (tol defaults to 0.05)',
    )
    .option('--json', 'print the audit as JSON')
    .option(
      '--out <dir>',
      'also write the audit report (agreement.json, agreement.md, index.html, figures/) into DIR',
    )
    .action(async (flags: AuditFlags) => {
      process.exitCode = await runAudit(flags);
    });
}

async function runAudit(flags: AuditFlags): Promise<number> {
  const inputs = (['module', 'traces', 'table'] as const).filter((k) => flags[k] !== undefined);
  if (inputs.length !== 1) {
    throw new InputError('audit needs exactly one of --module FILE, --traces FILE, --table FILE');
  }
  if (flags.M !== undefined && flags.module === undefined) {
    throw new InputError('--M applies to --module only; traces and tables carry their group size');
  }
  const options = {
    relTol: requireNonNegative('--rel-tol', parseNumber('--rel-tol', flags.relTol)),
    grid: requirePositiveInteger('--grid', parseNumber('--grid', flags.grid)),
  };
  const expectation = flags.expect === undefined ? undefined : parseExpectation(flags.expect);
  let report: AuditReport;
  if (flags.module !== undefined) {
    if (flags.M === undefined) {
      throw new InputError(
        '--module needs --M N (or a list such as 8,64): the group size(s) to audit',
      );
    }
    const M = flags.M.split(',').map((m) => requirePositiveInteger('--M', parseNumber('--M', m)));
    const fn = await loadAdvantagesModule(flags.module);
    report = await auditFunction(fn, {
      ...options,
      M,
      samples: requirePositiveInteger('--samples', parseNumber('--samples', flags.samples)),
      seed: flags.seed,
      label: `module '${flags.module}': advantages`,
    });
  } else if (flags.traces !== undefined) {
    report = await auditTraces(flags.traces, options);
  } else {
    report = auditTable(flags.table!, options);
  }
  const verdict = expectation === undefined ? undefined : checkExpectation(report, expectation);
  if (flags.json) {
    const json = verdict === undefined ? report : { ...report, expectation: verdict };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    process.stdout.write(formatAudit(report, verdict));
  }
  if (flags.out !== undefined) {
    const source = inputs[0]!;
    const document = auditDocument(
      report,
      {
        source: `${source} ${flags[source]}`,
        command: ['rl-objective', ...process.argv.slice(2)].join(' '),
        seed: flags.seed,
        relTol: options.relTol,
      },
      verdict,
    );
    const paths = await writeReport(document, flags.out);
    if (!flags.json) process.stdout.write(`report: ${paths.html}\n`);
  }
  const ok = report.countForm && (verdict === undefined || verdict.met);
  return ok ? EXIT.ok : EXIT.disagree;
}
