// The test files that share a module graph (vitest.config.ts) leave their process as they found
// it: none of them spies, stubs, changes the working directory, process.env or the exit code,
// runs the CLI in-process or adds a process listener. Deterministic.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED, isIsolated, processStateChange } from '../support/isolation/isolated-tests.ts';

const root = join(import.meta.dirname, '..', '..');
const FOLDERS = ['src', 'simulations', 'properties', 'bench', 'deploy', 'test'];

function* testFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* testFiles(path);
    else if (entry.name.endsWith('.test.ts')) yield relative(root, path).split(sep).join('/');
  }
}

describe('test isolation', () => {
  const files = FOLDERS.flatMap((folder) => [...testFiles(join(root, folder))]);

  it('no file that shares a module graph changes its process state', () => {
    const offending = files
      .filter((file) => !isIsolated(file))
      .flatMap((file) => {
        const what = processStateChange(readFileSync(join(root, file), 'utf8'));
        return what === undefined ? [] : [`${file}: ${what}`];
      });
    expect(offending).toEqual([]);
    expect(files.filter((file) => !isIsolated(file)).length).toBeGreaterThan(100);
  });

  it('every isolated file exists', () => {
    for (const entry of ISOLATED.filter((e) => !e.includes('*'))) {
      expect(existsSync(join(root, entry)), entry).toBe(true);
    }
  });

  it('can fail: each change is recognised, and equality tests are not changes', () => {
    expect(processStateChange("vi.spyOn(process.stdout, 'write')")).toBe(
      'a vitest spy, mock or stub',
    );
    expect(processStateChange('vi.stubEnv("A", "1")')).toBe('a vitest spy, mock or stub');
    expect(processStateChange("process.chdir('/tmp')")).toBe('the working directory');
    expect(processStateChange("process.env.PYTHON = 'python3'")).toBe('process.env');
    expect(processStateChange("process.env['X'] = '1'")).toBe('process.env');
    expect(processStateChange('delete process.env.X')).toBe('process.env');
    expect(processStateChange('await runCliInProcess(["verify"])')).toBe('the CLI run in-process');
    expect(processStateChange("process.once('SIGTERM', stop)")).toBe('a process listener');
    expect(processStateChange('process.exitCode = 2')).toBe('the exit code');
    expect(processStateChange("if (process.env.CI === '1') skip()")).toBeUndefined();
    expect(processStateChange('expect(process.exitCode === 0)')).toBeUndefined();
    expect(isIsolated('test/architecture/x.test.ts')).toBe(true);
    expect(isIsolated('src/cli/output.test.ts')).toBe(true);
    expect(isIsolated('src/cli/outputs.test.ts')).toBe(false);
  });
});
