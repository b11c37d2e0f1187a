import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';

/**
 * Node's arguments that run the CLI: the sources as checked out, compiled for this test run by
 * compiled-cli.ts (never a dist/ that could be stale). The package and its bin are tested as
 * installed, by the packaging test.
 */
export const CLI_NODE_ARGS: readonly string[] = [inject('cliEntry')];

/** The outcome of one CLI run. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `rl-objective ...args` in a child process, as a user would, and captures its exit status
 * and output. For tests of exit codes and of the one-line-error contract.
 */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): CliRun {
  const run = spawnSync(process.execPath, [...CLI_NODE_ARGS, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
