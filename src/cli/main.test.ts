import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_NODE_ARGS } from '../../test/support/cli/run-cli.ts';

/** Runs the CLI, closes its stdout after the first chunk as `| head -c 1` would, and waits. */
function closedEarly(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  child.stdout.once('data', () => child.stdout.destroy());
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

describe('rl-objective with a reader that stops early', () => {
  it('ends quietly with its own exit status, no stack trace (EPIPE)', async () => {
    const run = await closedEarly('objective --scheme grpo --M 64 --grid 4001 --json'.split(' '));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
