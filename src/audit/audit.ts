import { AUDIT_DEFAULTS, type PythonArray } from '../defaults/index.ts';
import { InputError, quote } from '../errors/index.ts';
import {
  DEFAULT_LIMIT_M,
  type LargeMLimit,
  type LimitShape,
  limitCounts,
} from '../objective/index.ts';
import { auditFunction, auditModule } from './audit-function.ts';
import { auditPython } from './audit-python.ts';
import { auditLimit, auditTable } from './audit-report.ts';
import { auditTraces } from './audit-traces.ts';
import {
  checkExpectation,
  type Expectation,
  type ExpectationVerdict,
  parseExpectation,
} from './expect-objective.ts';
import type { PythonTarget } from './python-bridge.ts';
import { readCodeLimit } from './read-limit.ts';
import type { AdvantagesFn, AuditReport, AuditReportOptions } from './types.ts';

/**
 * What {@link audit} reads: a weight function, or where to find the code or data to audit: an
 * ES module exporting `advantages` (`module`), a Python function (`python`, `FILE.py[:FUNC]`), a
 * trainer's trace (`traces`, JSONL) or count-form tables (`table`, JSON).
 */
export type AuditSource =
  | AdvantagesFn
  | { readonly module: string }
  | { readonly python: string | PythonTarget }
  | { readonly traces: string }
  | { readonly table: string };

/** Options of {@link audit}; each has a default in `AUDIT_DEFAULTS` unless it says otherwise. */
export interface AuditOptions extends AuditReportOptions {
  /** Group size(s) at which code (a function, module or Python function) is audited; required for code. */
  readonly M?: number | readonly number[];
  /**
   * Random arrangements of every count `K` when `M` is too large for every reward pattern;
   * default `AUDIT_DEFAULTS.samples`, fewer at large `M` (`defaultSamples`).
   */
  readonly samples?: number;
  /** Seed of those arrangements. */
  readonly seed?: string | number;
  /** The expected objective, e.g. `arcsin:0.05` (`parseExpectation`); none by default. */
  readonly expect?: string | Expectation;
  /**
   * Add the large-M study (`auditLimit`): the limit read from the code at one group of `limitM`
   * responses, and the audited sizes against it; off by default. Code only: a trace or a table
   * has one group size, and is refused.
   */
  readonly limit?: boolean;
  /** The group size `M*` the limit is read at (docs/theory.md §9); default 10^6. */
  readonly limitM?: number;
  /** Python: what the function receives; default numpy when it imports, else a list. */
  readonly array?: PythonArray;
  /** Python: the interpreter; default `$PYTHON`, else `python3`. */
  readonly python?: string;
  /**
   * A module or Python function: seconds one call may take before its thread or process is
   * stopped.
   */
  readonly timeout?: number;
  /** Write the audit report here (agreement.json, agreement.md, index.html, figures/). */
  readonly out?: string;
  /** The command line the report records; default `rl-objective audit`. */
  readonly command?: string;
  /** Code: called after every batch of calls with the patterns done and in all. */
  readonly progress?: (done: number, total: number) => void;
}

/** What {@link audit} returns: exactly the JSON printed by `rl-objective audit --json`. */
export interface AuditResult extends AuditReport {
  /** The verdict on `expect`, when one was given. */
  readonly expectation?: ExpectationVerdict;
  /** With `limit`: the limit read from the code (null where it could not be, see `limitReason`). */
  readonly limit?: LargeMLimit['limit'];
  readonly limitReason?: string;
  /** With `limit`: the audited sizes against the stated and the read limit. */
  readonly largeM?: LargeMLimit['largeM'];
}

/**
 * `rl-objective audit` as a function (docs/theory.md §2, §7): is the source's weight function
 * count form, `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`, and if so which objective `h_M` does it
 * induce; how far is it from `expect`, and (with `limit`) how does it behave as `M` grows. The
 * audit passes when the source is count form and meets the expectation, if any.
 *
 * Every option is checked before a module is imported or a file read. Throws an InputError for
 * bad input, and for code that fails to load, throws, or returns other than `M` numbers.
 */
export async function audit(source: AuditSource, options: AuditOptions = {}): Promise<AuditResult> {
  const expectation =
    typeof options.expect === 'string' ? parseExpectation(options.expect) : options.expect;
  const limitM = options.limit ? (options.limitM ?? DEFAULT_LIMIT_M) : undefined;
  if (limitM !== undefined) limitCounts(limitM);
  if (
    limitM !== undefined &&
    typeof source !== 'function' &&
    ('traces' in source || 'table' in source)
  ) {
    const kind = 'traces' in source ? 'a trace' : 'a table';
    throw new InputError(
      `--limit reads the weights of one group of ${limitM} responses, which ${kind} (one group size) cannot give; audit the code itself with --module or --python`,
    );
  }
  let shape: LimitShape | { readonly reason: string } | undefined;
  const readLimit =
    limitM === undefined
      ? undefined
      : async (
          call: (rewards: number[]) => Promise<readonly unknown[]> | readonly unknown[],
          label: string,
        ) => {
          shape = await readCodeLimit(call, label, options.relTol ?? AUDIT_DEFAULTS.relTol, limitM);
        };
  const report = await auditReportOf(source, options, readLimit);
  const verdict = expectation && checkExpectation(report, expectation);
  const study = options.limit
    ? auditLimit(report, {
        points: options.grid ?? AUDIT_DEFAULTS.grid,
        ...(expectation && { stated: { text: 'the --expect target', target: expectation.target } }),
        ...(shape !== undefined && { shape }),
      })
    : undefined;
  if (options.out !== undefined) {
    const [{ auditDocument }, { writeReport }] = await Promise.all([
      import('./audit-document.ts'),
      import('../report/write-report.ts'),
    ]);
    const provenance = {
      source: sourceText(source),
      command: options.command ?? 'rl-objective audit',
      seed: options.seed ?? AUDIT_DEFAULTS.seed,
      relTol: options.relTol ?? AUDIT_DEFAULTS.relTol,
    };
    await writeReport(auditDocument(report, provenance, verdict), options.out);
  }
  return { ...report, ...(verdict && { expectation: verdict }), ...study };
}

/** Reads the large-M limit from code that weighs one group per call (`readCodeLimit`). */
type LimitReader = (
  call: (rewards: number[]) => Promise<readonly unknown[]> | readonly unknown[],
  label: string,
) => Promise<void>;

/** The count-form audit of `source`; code is then also weighed by `readLimit`, when given. */
async function auditReportOf(
  source: AuditSource,
  options: AuditOptions,
  readLimit?: LimitReader,
): Promise<AuditReport> {
  const report = { relTol: options.relTol, grid: options.grid };
  const code = {
    ...report,
    M: options.M ?? [],
    samples: options.samples,
    seed: options.seed,
    progress: options.progress,
  };
  const weighed = async (fn: AdvantagesFn, label: string) => {
    const result = await auditFunction(fn, { ...code, label });
    await readLimit?.(fn, label);
    return result;
  };
  if (typeof source === 'function') return weighed(source, 'advantages');
  if ('python' in source) {
    const { array, python, timeout } = options;
    const label = `python ${typeof source.python === 'string' ? source.python : source.python.func}`;
    return auditPython(source.python, {
      ...code,
      array,
      python,
      timeout,
      ...(readLimit && { andThen: (call) => readLimit(call, label) }),
    });
  }
  if ('module' in source) {
    const label = `module ${quote(source.module)}: advantages`;
    return auditModule(source.module, {
      ...code,
      timeout: options.timeout,
      ...(readLimit && { andThen: (call) => readLimit(call, label) }),
    });
  }
  if ('traces' in source) return auditTraces(source.traces, report);
  return Promise.resolve(auditTable(source.table, report));
}

/** The source as the report's provenance names it, e.g. `module src/my-advantages.ts`. */
function sourceText(source: AuditSource): string {
  if (typeof source === 'function') return `function ${source.name || 'advantages'}`;
  if ('python' in source) {
    const { python } = source;
    return `python ${typeof python === 'string' ? python : `${python.file}:${python.func}`}`;
  }
  if ('module' in source) return `module ${source.module}`;
  if ('traces' in source) return `traces ${source.traces}`;
  return `table ${source.table}`;
}
