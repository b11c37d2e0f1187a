import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { InputError } from '../errors/input-error.ts';
import { IsolatedModule } from './isolated-module.ts';

// Each module is written at test time: committed, the misbehaving ones would trip the lint and
// the type check. Every test starts one worker thread (about a second under tsx).
const dir = mkdtempSync(join(tmpdir(), 'rl-objective-isolated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function module(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const at = (i: number) => `on input ${i}`;

async function failure(
  path: string,
  inputs: unknown[] = [[1, 0]],
  options: { timeout?: number; loadTimeout?: number } = {},
): Promise<string> {
  let loaded: IsolatedModule | undefined;
  try {
    loaded = await IsolatedModule.load(path, options);
    await loaded.call(inputs, at);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  } finally {
    await loaded?.close();
  }
  throw new Error(`${path} did not fail`);
}

describe('IsolatedModule', () => {
  it('calls the function on batches of any structured-clonable inputs, async or not', async () => {
    const path = module(
      'sums.mjs',
      'export async function advantages(x) { return Array.isArray(x[0]) ? x.map((row) => row[0] + row[1]) : x.map((v) => 2 * v); }',
    );
    const loaded = await IsolatedModule.load(path);
    try {
      // A group of M x d rewards (graded rewards), a plain array, and a typed array, which the
      // function sees as a plain array (its map returns numbers, not bytes).
      const results = await loaded.call(
        [
          [
            [1, 0.5],
            [0, 0],
          ],
          [1, 2, 3],
          Uint8Array.from([200, 1]),
        ],
        at,
      );
      expect(results.map((r) => Array.from(r))).toEqual([
        [1.5, 0],
        [2, 4, 6],
        [400, 2],
      ]);
      const again = await Promise.all([loaded.call([[1]], at), loaded.call([[2], [3]], at)]);
      expect(again.map((batch) => batch.map((r) => Array.from(r)))).toEqual([[[2]], [[4], [6]]]);
    } finally {
      await loaded.close();
    }
  }, 60_000);

  it('keeps what the module prints off this process, and loads TypeScript', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const writeErr = vi.spyOn(process.stderr, 'write');
    const path = module(
      'loud.mts',
      'console.log("loading"); export function advantages(r: number[]): number[] { console.log("called"); console.error("err"); process.stdout.write("raw"); return r; }',
    );
    const loaded = await IsolatedModule.load(path);
    try {
      const [result] = await loaded.call([[1, 0]], at);
      expect(Array.from(result!)).toEqual([1, 0]);
    } finally {
      await loaded.close();
    }
    const printed = [...write.mock.calls, ...writeErr.mock.calls].map(([text]) => String(text));
    expect(printed.filter((text) => /loading|called|err|raw/.test(text))).toEqual([]);
    write.mockRestore();
    writeErr.mockRestore();
  }, 60_000);

  it.each([
    [
      'process.exit in a call',
      'export function advantages(r) { process.exit(0); }',
      "module '*': advantages called process.exit(0) on input 0: a function must return its result, not end the process",
    ],
    [
      'process.exit while loading',
      'process.exit(3); export function advantages(r) { return r; }',
      "module '*' called process.exit(3) while loading",
    ],
    [
      'a Promise that never settles',
      'export function advantages(r) { return new Promise(() => {}); }',
      "module '*': advantages returned a Promise that never settles on input 0, with nothing left to settle it",
    ],
    [
      'a top-level await that never settles',
      'await new Promise(() => {}); export function advantages(r) { return r; }',
      "module '*' never finished loading: a top-level await that never settles, with nothing left to settle it",
    ],
    [
      'an exception',
      'export function advantages(r) { throw new RangeError("std is zero\\nsecond line"); }',
      "module '*': advantages threw on input 0: std is zero",
    ],
    [
      'a crash outside the call (an uncaught exception in a timer)',
      'export function advantages(r) { setTimeout(() => { throw new Error("late"); }); return new Promise((ok) => setTimeout(() => ok(r), 5000)); }',
      "module '*': advantages on input 0 crashed: late",
    ],
    [
      'a result that is not an array of numbers',
      'export function advantages(r) { return r.map(String); }',
      "module '*': advantages on input 0: value 0 is string, not a number",
    ],
    [
      'a missing export',
      'export const weights = 1;',
      "module '*' does not export a function advantages(...); it exports weights",
    ],
    [
      'a syntax error',
      'export function advantages(r) { return r.map((x) => x }',
      "module '*' failed to load: *",
    ],
  ])(
    'ends in one line on %s',
    async (_, source, expected) => {
      const path = module(`m${Math.random().toString(36).slice(2)}.mjs`, source);
      const message = await failure(path);
      const pattern = expected
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      expect(message).toMatch(new RegExp(`^${pattern}$`));
    },
    60_000,
  );

  it('stops a call that does not return within the timeout, and an import that hangs', async () => {
    const loop = module('loop.mjs', 'export function advantages(r) { for (;;) {} }');
    expect(await failure(loop, [[1], [0]], { timeout: 1 })).toMatch(
      /^module '.*loop\.mjs': advantages did not return within 1 s on input 0 and was stopped; raise --timeout if it is only slow$/,
    );
    const hang = module('hang.mjs', 'for (;;) {} export function advantages(r) { return r; }');
    expect(await failure(hang, [[1]], { loadTimeout: 3 })).toMatch(
      /^module '.*hang\.mjs' did not finish loading within 3 s and was stopped/,
    );
  }, 60_000);

  it('refuses what is not a module file, and a bad timeout, before starting a thread', async () => {
    await expect(IsolatedModule.load(join(dir, 'missing.mjs'))).rejects.toThrow(
      /: file not found$/,
    );
    await expect(IsolatedModule.load(dir)).rejects.toThrow(/not a regular file \(a directory\)$/);
    await expect(
      IsolatedModule.load(fileURLToPath(import.meta.url), { timeout: 0 }),
    ).rejects.toThrow('timeout must be a number of seconds > 0, got 0');
  });
});
