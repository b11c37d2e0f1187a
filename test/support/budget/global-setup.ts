// vitest globalSetup (main process): one directory per `npm test` for the false-fail records, and
// the list of every test file of the run, which total.test.ts compares with the records.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { RUN_FILES } from './registry.ts';

/**
 * Where the first project's setup leaves the run directory for the others: vitest calls this
 * setup once per project, in one process, possibly from separate module instances. Not an
 * environment variable, which a vitest started by a test would inherit.
 */
const RUN_DIR = Symbol.for('rl-objective.false-fail-dir');
const shared = globalThis as { [RUN_DIR]?: string };

export default function setup(project: TestProject): () => void {
  shared[RUN_DIR] ??= mkdtempSync(join(tmpdir(), 'rl-objective-false-fail-'));
  const dir = shared[RUN_DIR];
  // Every file vitest will run in this invocation, after filters: the test files of every project.
  writeFileSync(join(dir, RUN_FILES), JSON.stringify(project.vitest.state.getPaths()));
  project.provide('falseFailDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
