import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors/index.ts';

/**
 * Imports a user's module (an ES module in JavaScript or TypeScript, or a CommonJS one) and
 * returns its exported function `name`: the named export, or `module.exports[name]` of a CommonJS
 * module (seen as `default[name]`). `what` names the module in messages (`module 'my.ts'`) and
 * `signature` the function expected of it.
 *
 * A TypeScript module loads through tsx: the one installed next to the module (the user's
 * project), else the one installed with this package in development; Node 20 cannot strip types by
 * itself. Under a runner that already compiles TypeScript (vitest, tsx) nothing is registered.
 * Throws an {@link InputError} when the module fails to load (its error's first line) or has no
 * such function (naming what it exports). The caller has checked the path (`requireInputFile`).
 */
export async function importUserFunction(
  path: string,
  name: string,
  what: string,
  signature: string,
): Promise<(...args: unknown[]) => unknown> {
  let module: Record<string, unknown>;
  try {
    module = await importModule(path, what);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${what} failed to load: ${message.split('\n')[0]}`);
  }
  const fallback = module.default as Record<string, unknown> | undefined;
  const fn = module[name] ?? (typeof fallback === 'object' ? fallback?.[name] : undefined);
  if (typeof fn !== 'function') {
    const names = Object.keys(module).filter((key) => key !== 'default');
    const found = names.length > 0 ? `it exports ${names.join(', ')}` : 'it has no named exports';
    throw new InputError(`${what} does not export a function ${signature}; ${found}`);
  }
  return fn as (...args: unknown[]) => unknown;
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
