import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, quote } from '../errors/input-error.ts';
import { requireInputFile } from '../errors/input-file.ts';
import { requirePositiveInteger } from '../errors/require.ts';
import { auditReport } from './audit-report.ts';
import { CountFormCollector } from './count-form-collector.ts';
import { rewardPatterns } from './reward-patterns.ts';
import type { AdvantagesFn, AuditReport, AuditReportOptions } from './types.ts';

/**
 * Loads the weight function to audit (docs/theory.md §2, the `Z_i` of Algorithm 1 step 3) from an ES
 * module: its named export `advantages(rewards: number[]): number[]`, possibly async. A CommonJS
 * module's `module.exports.advantages` (seen as `default.advantages`) is accepted too.
 *
 * A TypeScript module loads through tsx: the one installed next to the module (the user's
 * project), else the one installed with this package in development; Node 20 cannot strip types by
 * itself. Under a runner that already compiles TypeScript (vitest, tsx) nothing is registered.
 * Throws an {@link InputError} when the file is missing, is not a regular file of at most 256 MiB
 * (`requireInputFile`: importing `/dev/zero` would never end), fails to load, or has no such
 * function.
 */
export async function loadAdvantagesModule(file: string): Promise<AdvantagesFn> {
  const what = `module ${quote(file)}`;
  const path = resolve(file);
  requireInputFile(path, what);
  let module: Record<string, unknown>;
  try {
    module = await importModule(path, what);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${what} failed to load: ${message.split('\n')[0]}`);
  }
  const fallback = module.default as Record<string, unknown> | undefined;
  const fn = module.advantages ?? (typeof fallback === 'object' ? fallback?.advantages : undefined);
  if (typeof fn !== 'function') {
    const names = Object.keys(module).filter((name) => name !== 'default');
    const found = names.length > 0 ? `it exports ${names.join(', ')}` : 'it has no named exports';
    throw new InputError(
      `${what} does not export a function advantages(rewards: number[]): number[]; ${found}`,
    );
  }
  return fn as AdvantagesFn;
}

const TYPESCRIPT = /\.[cm]?tsx?$/;

async function importModule(path: string, what: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(path).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !TYPESCRIPT.test(path)) throw error;
  }
  const tsImport = await tsxImport(path, what);
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/**
 * tsx's `tsImport` (an import through tsx's hooks, scoped to that one import: a plain import of a
 * URL that already failed would fail again from Node's cache), from the tsx installed next to the
 * module first and then from this package. Its `esm/api` entry is taken from tsx's own `exports`
 * map under the `import` condition: the CommonJS build of that entry cannot be imported from an
 * ES module.
 */
async function tsxImport(path: string, what: string): Promise<TsImport> {
  for (const from of [path, import.meta.url]) {
    let manifest: string;
    try {
      manifest = createRequire(from).resolve('tsx/package.json');
    } catch {
      continue;
    }
    const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as TsxManifest).exports;
    const entry = exports['./esm/api']?.import?.default;
    if (entry === undefined) continue;
    const api = (await import(pathToFileURL(join(dirname(manifest), entry)).href)) as {
      tsImport: TsImport;
    };
    return api.tsImport;
  }
  throw new InputError(
    `${what} is TypeScript, which needs tsx: install it in your project (npm install -D tsx) or compile the module to JavaScript`,
  );
}

type TsImport = (specifier: string, parentURL: string) => Promise<unknown>;

interface TsxManifest {
  readonly exports: Record<string, { readonly import?: { readonly default?: string } }>;
}

/** Options of {@link auditFunction}. */
export interface FunctionAuditOptions extends AuditReportOptions {
  /** The group size(s) to audit; one `bySize` entry each. */
  readonly M: number | readonly number[];
  /** Random arrangements per count `K` when `M > 16`; default 64. */
  readonly samples?: number;
  /** Seed of those arrangements; default 0. */
  readonly seed?: string | number;
  /** Names the function in error messages, e.g. the module file. */
  readonly label?: string;
}

/**
 * Audits a weight function (docs/theory.md §2): is it count form, `Z_i = (1 - R_i) a[S_i] + R_i b[S_i]`,
 * and if so which objective `h_M` does it induce?
 *
 * The function is called on every reward pattern of {@link rewardPatterns} (all `2^M` for
 * `M <= 16`, else at least `samples` random arrangements of every count `K`), and each weight is
 * filed under its cell `(R_i, S_i)`. Calls are awaited one at a time, so an async function works.
 *
 * Throws an {@link InputError} when the function throws, or returns something other than `M`
 * numbers; a weight that is NaN or infinite is reported as a count-form violation instead.
 */
export async function auditFunction(
  fn: AdvantagesFn,
  options: FunctionAuditOptions,
): Promise<AuditReport> {
  const sizes = auditSizes(options.M);
  const label = options.label ?? 'advantages';
  const collector = new CountFormCollector();
  for (const M of sizes) {
    for (const rewards of rewardPatterns(M, options)) {
      const pattern = rewards.join('');
      let out: unknown;
      try {
        out = await fn([...rewards]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new InputError(
          `${label} threw on pattern ${pattern} (M=${M}): ${message.split('\n')[0]}`,
        );
      }
      collector.add({
        rewards,
        advantages: weights(out, M, `${label} on pattern ${pattern}`),
        where: { pattern },
      });
    }
  }
  return auditReport(collector, options);
}

/** The group sizes of a function audit: at least one, each a positive integer. */
export function auditSizes(M: number | readonly number[]): number[] {
  const sizes = typeof M === 'number' ? [M] : [...M];
  if (sizes.length === 0) throw new InputError('M: give at least one group size');
  for (const size of sizes) requirePositiveInteger('M', size);
  return sizes;
}

function weights(out: unknown, M: number, at: string): number[] {
  const isList = Array.isArray(out) || ArrayBuffer.isView(out);
  const list = isList ? Array.from(out as ArrayLike<unknown>) : undefined;
  if (list === undefined || list.length !== M) {
    const got = list === undefined ? typeof out : `${list.length} values`;
    throw new InputError(`${at}: expected an array of ${M} numbers, got ${got}`);
  }
  const bad = list.findIndex((z) => typeof z !== 'number');
  if (bad >= 0) {
    throw new InputError(`${at}: weight ${bad} is ${typeof list[bad]}, not a number`);
  }
  return list as number[];
}
