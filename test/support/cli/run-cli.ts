import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/rl-objective.js', import.meta.url));

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
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
