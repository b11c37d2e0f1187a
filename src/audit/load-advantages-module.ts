import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, quote } from '../errors/input-error.ts';
import { requireInputFile } from '../errors/input-file.ts';
import type { AdvantagesFn } from './types.ts';

/**
 * Loads the weight function to audit (MATH.md §2, the `Z_i` of Algorithm 1 step 3) from an ES
 * module: its named export `advantages(rewards: number[]): number[]`, possibly async. A CommonJS
 * module's `module.exports.advantages` (seen as `default.advantages`) is accepted too.
 *
 * TypeScript modules load when the process runs under tsx (the CLI always does; so does vitest).
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
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
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
