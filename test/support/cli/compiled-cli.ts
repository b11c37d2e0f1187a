// vitest globalSetup (main process): compiles the shipped sources once per run, so that the tests
// that start the CLI as a user does run plain JavaScript. Under tsx every module of a child
// process goes through tsx's loader thread, and starting the CLI costs several times the work of
// the compiled start; the suite starts it hundreds of times.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The compiled CLI's entry point, `src/cli/main.js` below {@link OUT} (compiled-cli.ts). */
    cliEntry: string;
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/**
 * Inside the checkout (ignored by git), so that the compiled modules resolve the checkout's
 * node_modules and its own package.json ('rl-objective/package.json') as the sources do.
 */
const OUT = join(ROOT, '.vitest-cache', 'cli');
/** Records which sources {@link OUT} was compiled from. */
const STAMP = join(OUT, 'sources.sha256');

/** Every file below `dir`, in a fixed order. */
function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true });
  for (const entry of entries.sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const child = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(child);
    else yield child;
  }
}

/** A digest of every file the compiled CLI is made from (and the build), names and contents. */
function sourcesDigest(): string {
  const hash = createHash('sha256');
  const files = [
    ...walk(join(ROOT, 'src')),
    ...['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.js'].map((name) =>
      join(ROOT, name),
    ),
  ];
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Compiles src/ as `npm run build` does, with its `--tests` mode (no type checking, which is its
 * own CI step, and no declarations, maps or bundle). Skipped when the sources are those of the last
 * compilation.
 */
function compile(): void {
  const digest = sourcesDigest();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) return;
  rmSync(OUT, { recursive: true, force: true });
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.js'), '--tests', OUT], {
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`compiling the CLI for the tests failed:\n${build.stdout}${build.stderr}`);
  }
  writeFileSync(STAMP, digest);
}

export default function setup(project: TestProject): void {
  compile();
  project.provide('cliEntry', join(OUT, 'src', 'cli', 'main.js'));
  // In watch mode a re-run tests the sources as they are then.
  project.onTestsRerun(() => compile());
}
