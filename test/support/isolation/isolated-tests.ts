/**
 * The test files that change the state of the process they run in, and the checks of the whole
 * repository: each runs in a fresh module graph (vitest.config.ts). The changes: spies on
 * process.stdout and stderr and a TTY stderr (exit-codes, output, isolated-module), the CLI run
 * in-process, which sets process.exitCode and installs signal handlers (audit-cli,
 * class-audit-cli, directory-flags, the CLI fuzz), the working directory (cli-argv), process.env
 * and the Python bridge's signal handlers (audit-python).
 *
 * Every other file calls the sources, whose module-level state is caches of pure results, or
 * starts the CLI in child processes: those files share one module graph per vitest worker, so
 * the sources are imported once per worker instead of once per file.
 * test/architecture/test-isolation.test.ts checks that no other file changes the process's
 * state in any of these ways.
 */
export const ISOLATED = [
  'src/audit/audit-cli.test.ts',
  'src/audit/audit-python.test.ts',
  'src/audit/class-audit-cli.test.ts',
  'src/audit/isolated-module.test.ts',
  'src/cli/directory-flags.test.ts',
  'src/cli/exit-codes.test.ts',
  'src/cli/output.test.ts',
  'properties/fuzz/cli-argv.test.ts',
  'properties/fuzz/cli.test.ts',
  'test/**/*.test.ts',
];

/** Whether `file` (relative to the repository, with `/`) is one of {@link ISOLATED}. */
export function isIsolated(file: string): boolean {
  const everyTestUnder = '**/*.test.ts';
  return ISOLATED.some((entry) =>
    entry.endsWith(everyTestUnder)
      ? file.startsWith(entry.slice(0, -everyTestUnder.length)) && file.endsWith('.test.ts')
      : file === entry,
  );
}

/** The ways a test file changes its process's state, each as a pattern of its source. */
export const PROCESS_STATE_CHANGES: readonly { readonly what: string; readonly pattern: RegExp }[] =
  [
    { what: 'a vitest spy, mock or stub', pattern: /\bvi\.(spyOn|mock|doMock|stub\w*)\(/ },
    { what: 'the working directory', pattern: /\bprocess\.chdir\(/ },
    {
      what: 'process.env',
      pattern: /\bprocess\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\+=)|delete process\.env/,
    },
    { what: 'the CLI run in-process', pattern: /\b(runCliInProcess|runProgram)\(/ },
    { what: 'a process listener', pattern: /\bprocess\.(on|once|addListener|prependListener)\(/ },
    { what: 'the exit code', pattern: /\bprocess\.exitCode\s*=(?!=)/ },
  ];

/** What of {@link PROCESS_STATE_CHANGES} a test file's source does, if anything. */
export function processStateChange(source: string): string | undefined {
  return PROCESS_STATE_CHANGES.find(({ pattern }) => pattern.test(source))?.what;
}
