import { vi } from 'vitest';
import { runProgram } from '../../../src/cli/program.ts';
import type { CliRun } from './run-cli.ts';

/** A run of {@link runCliInProcess}: a {@link CliRun} and how long it took. */
export interface TimedCliRun extends CliRun {
  readonly status: number;
  /** Wall-clock seconds of the run. */
  readonly seconds: number;
  /**
   * CPU seconds this process spent during the run, its threads included: the measure of the
   * run's own work on a machine shared with others, where wall-clock time is the load's.
   */
  readonly cpuSeconds: number;
  /** Whether the run was sent SIGINT (as `interruptAfter` asks) before it ended. */
  readonly interrupted: boolean;
}

/**
 * Runs `rl-objective ...args` in this process (`runProgram`, what `main.ts` runs), with stdout
 * and stderr captured, and returns the exit status it set: about a thousand times cheaper than
 * a child process under tsx, for tests that run the CLI many times (the argv fuzz). A run still
 * going after `interruptAfter` seconds gets the SIGINT handlers it installed called, as Ctrl-C
 * would (a command without one would end at once by the signal's default action; this process
 * is the test's, so it is not signalled); a run that blocks this thread cannot be interrupted,
 * and shows as its `seconds`.
 *
 * The process's own state is the test's: runs share the module cache, and a command that
 * leaves a handler or a timer behind leaves it here.
 */
export async function runCliInProcess(
  args: readonly string[],
  options: { interruptAfter?: number } = {},
): Promise<TimedCliRun> {
  let stdout = '';
  let stderr = '';
  const capture =
    (append: (text: string) => void) =>
    (chunk: unknown, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(
    capture((text) => {
      stdout += text;
    }),
  );
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(
    capture((text) => {
      stderr += text;
    }),
  );
  const exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`process.exit(${code}) called in process`);
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  let interrupted = false;
  const others = new Set(process.listeners('SIGINT'));
  const timer =
    options.interruptAfter === undefined
      ? undefined
      : setTimeout(() => {
          const own = process.listeners('SIGINT').filter((listener) => !others.has(listener));
          interrupted = own.length > 0;
          for (const listener of own) listener('SIGINT');
        }, options.interruptAfter * 1000);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    await runProgram(args);
  } finally {
    clearTimeout(timer);
    out.mockRestore();
    err.mockRestore();
    exit.mockRestore();
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const status = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { status, stdout, stderr, seconds, cpuSeconds, interrupted };
}
