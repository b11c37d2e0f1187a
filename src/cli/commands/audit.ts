import type { Command } from 'commander';
import type { PythonAuditOptions } from '../../audit/audit-python.ts';
import { DEFAULT_REL_TOL } from '../../audit/audit-report.ts';
import {
  DEFAULT_PYTHON_TIMEOUT,
  PYTHON_ARRAYS,
  type PythonArray,
  type PythonTarget,
  parsePythonTarget,
} from '../../audit/python-bridge.ts';
import type { AuditReport } from '../../audit/types.ts';
import { InputError, quote } from '../../errors/input-error.ts';
import { parseNumber, requireNonNegative, requirePositiveInteger } from '../../errors/require.ts';
import { EXIT } from '../exit-codes.ts';

interface AuditFlags {
  module?: string;
  python?: string;
  pythonArray?: string;
  pythonBin?: string;
  timeout?: string;
  traces?: string;
  table?: string;
  M?: string;
  samples: string;
  seed: string;
  relTol: string;
  grid: string;
  expect?: string;
  limit?: boolean;
  json?: boolean;
  out?: string;
}

/**
 * Registers `rl-objective audit` (docs/theory.md §2, §7): is a weight function, a trainer's trace or a
 * table count form, and which objective does it induce? Exit 0 when count form (and the
 * expectation, if any, is met); 1 when not count form or an `--expect` fails; 2 on bad input.
 * The audit library and the report renderer are imported only when the command runs, after
 * every flag is checked, so that `--help` and bad flags answer fast.
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
      '--python <file.py:func>',
      'a Python function FUNC(rewards) -> advantages in FILE.py (default FUNC: advantages), run by python3',
    )
    .option(
      '--traces <file>',
      'JSONL, one group per line: {"rewards": [0|1, ...], "advantages": [...]}',
    )
    .option('--table <file>', 'count-form tables {"M": n, "a": [...], "b": [...]}')
    .option(
      '--M <list>',
      'group sizes to audit a --module or --python at, comma-separated, e.g. 8,64 (required with them)',
    )
    .option('--samples <n>', 'random arrangements of every count K when M > 16', '64')
    .option('--seed <seed>', 'seed of those arrangements', '0')
    .option('--rel-tol <x>', 'relative tolerance of the count-form check', String(DEFAULT_REL_TOL))
    .option('--grid <n>', 'number of points t = 0..1 in the output', '101')
    .option(
      '--expect <name[:tol]>',
      'expected objective, e.g. arcsin:0.05, passk:k=4:0.02 or beta:a=0.5,b=1.5:0.03 (tol defaults to 0.05)',
    )
    .option(
      '--limit',
      'large-M study over the sizes: best beta fit and sup distance between successive h/h(1) (and to a beta --expect target)',
    )
    .option(
      '--python-array <kind>',
      'with --python: what FUNC receives, list | numpy | torch (float64; default numpy if it imports, else list)',
    )
    .option('--python-bin <path>', 'with --python: the interpreter (default $PYTHON, else python3)')
    .option(
      '--timeout <seconds>',
      `with --python: stop the function if one call takes longer (default ${DEFAULT_PYTHON_TIMEOUT}; the import gets at least that)`,
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
  // Every flag is checked before a module is imported or a file read: a bad flag is reported
  // at once, whatever is wrong with the input it would have applied to.
  const inputs = (['module', 'python', 'traces', 'table'] as const).filter(
    (k) => flags[k] !== undefined,
  );
  if (inputs.length !== 1) {
    throw new InputError(
      'audit needs exactly one of --module FILE, --python FILE.py:FUNC, --traces FILE, --table FILE',
    );
  }
  const code =
    flags.module !== undefined ? '--module' : flags.python !== undefined ? '--python' : undefined;
  if (flags.M !== undefined && code === undefined) {
    throw new InputError(
      '--M applies to --module and --python only; traces and tables carry their group size',
    );
  }
  if (code !== undefined && flags.M === undefined) {
    throw new InputError(
      `${code} needs --M N (or a list such as 8,64): the group size(s) to audit`,
    );
  }
  const python = pythonFlags(flags);
  const M = flags.M?.split(',').map((m) => requirePositiveInteger('--M', parseNumber('--M', m)));
  const samples = requirePositiveInteger('--samples', parseNumber('--samples', flags.samples));
  const options = {
    relTol: requireNonNegative('--rel-tol', parseNumber('--rel-tol', flags.relTol)),
    grid: requirePositiveInteger('--grid', parseNumber('--grid', flags.grid)),
  };
  const audit = await import('../../audit/index.ts');
  const expectation = flags.expect === undefined ? undefined : audit.parseExpectation(flags.expect);

  let report: AuditReport;
  if (python !== undefined) {
    report = await audit.auditPython(python.target, {
      ...options,
      ...python.options,
      M: M!,
      samples,
      seed: flags.seed,
    });
  } else if (flags.module !== undefined) {
    const fn = await audit.loadAdvantagesModule(flags.module);
    report = await audit.auditFunction(fn, {
      ...options,
      M: M!,
      samples,
      seed: flags.seed,
      label: `module ${quote(flags.module)}: advantages`,
    });
  } else if (flags.traces !== undefined) {
    report = await audit.auditTraces(flags.traces, options);
  } else {
    report = audit.auditTable(flags.table!, options);
  }
  const verdict =
    expectation === undefined ? undefined : audit.checkExpectation(report, expectation);
  const limit = flags.limit
    ? audit.auditLimit(
        report,
        options.grid,
        expectation && { text: `the --expect target`, target: expectation.target },
      )
    : undefined;
  if (flags.json) {
    const json = {
      ...report,
      ...(verdict && { expectation: verdict }),
      ...(limit && { limit }),
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    process.stdout.write(audit.formatAudit(report, verdict));
    if (limit !== undefined) {
      const { formatLimit } = await import('../format-limit.ts');
      process.stdout.write(`\n${formatLimit('large-M study of the audited weights', limit)}`);
    }
  }
  if (flags.out !== undefined) {
    const { writeReport } = await import('../../report/write-report.ts');
    const source = inputs[0]!;
    const document = audit.auditDocument(
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

/** The `--python` target and its options, checked before anything runs; `undefined` without `--python`. */
function pythonFlags(
  flags: AuditFlags,
):
  | { target: PythonTarget; options: Pick<PythonAuditOptions, 'array' | 'python' | 'timeout'> }
  | undefined {
  const given = (['pythonArray', 'pythonBin', 'timeout'] as const).find(
    (k) => flags[k] !== undefined,
  );
  if (flags.python === undefined) {
    if (given !== undefined) {
      const name = {
        pythonArray: '--python-array',
        pythonBin: '--python-bin',
        timeout: '--timeout',
      }[given];
      throw new InputError(`${name} applies to --python only`);
    }
    return undefined;
  }
  const array = flags.pythonArray;
  if (array !== undefined && !(PYTHON_ARRAYS as readonly string[]).includes(array)) {
    throw new InputError(
      `--python-array must be one of ${PYTHON_ARRAYS.join(', ')}; got ${quote(array)}`,
    );
  }
  const timeout = flags.timeout === undefined ? undefined : parseNumber('--timeout', flags.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new InputError(`--timeout must be a number of seconds > 0, got ${flags.timeout}`);
  }
  return {
    target: parsePythonTarget(flags.python),
    options: {
      array: array as PythonArray | undefined,
      python: flags.pythonBin,
      timeout,
    },
  };
}
