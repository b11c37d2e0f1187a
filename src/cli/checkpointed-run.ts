import { EXIT } from './exit-codes.ts';
import { progressBar, warn } from './output.ts';

/** A signal aborted by the first SIGINT or SIGTERM, and how to stop listening. */
export interface InterruptSignal {
  readonly signal: AbortSignal;
  /** Removes the handlers: a later SIGINT or SIGTERM ends the process as usual. */
  dispose(): void;
}

/**
 * Listens for SIGINT (Ctrl-C) and SIGTERM (a scheduler's stop) once: the first aborts the
 * returned signal, so that a run stops its workers and keeps its completed chunks; a second one
 * finds no handler and ends the process at once, as a user pressing Ctrl-C twice expects.
 */
export function interruptSignal(): InterruptSignal {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/** Characters that need no quoting in a POSIX shell word. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * The command line that resumes an interrupted run: `rl-objective` followed by the run's own
 * arguments, each quoted for a POSIX shell when it needs it (policies hold `;`, JSON holds
 * quotes), with `--resume` appended unless already there. Pasting it continues the run from its
 * checkpoint with the same configuration, so the checkpoint is accepted.
 */
export function resumeCommand(args: readonly string[]): string {
  const all = args.includes('--resume') ? args : [...args, '--resume'];
  const quoted = all.map((arg) => (PLAIN.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`));
  return ['rl-objective', ...quoted].join(' ');
}

/**
 * Runs a chunked command (`simulate`, `train`, `verify`) with the CLI's side of the reliability
 * contract (docs/reliability.md): the first SIGINT or SIGTERM aborts the signal `work` passes to
 * the library, which stops its workers and keeps its completed chunks; a run that stopped
 * (`StoppedRun`) prints one line on stderr naming what stopped it and the command that resumes
 * it (or `keepHint` when nothing was kept), and sets exit status 130 when interrupted, 70 when a
 * chunk failed twice. Any other error propagates (the CLI prints it as one line).
 */
export async function runInterruptible(
  command: string,
  work: (signal: AbortSignal) => Promise<void>,
  keepHint?: string,
): Promise<void> {
  const interrupt = interruptSignal();
  try {
    await work(interrupt.signal);
  } catch (error) {
    const { StoppedRun } = await import('../estimators/index.ts');
    if (!(error instanceof StoppedRun)) throw error;
    const failed = error.reason === 'failed';
    const what = failed ? `${command}: ${error.message}` : `${command} interrupted`;
    const next =
      error.checkpoint === undefined
        ? `no chunk was kept${keepHint ? ` (${keepHint})` : ''}`
        : `${error.kept} of ${error.chunks} chunks are kept in '${error.checkpoint}'; resume with: ${resumeCommand(process.argv.slice(2))}`;
    process.stderr.write(`rl-objective: ${what}; ${next}\n`);
    process.exitCode = failed ? EXIT.internal : EXIT.interrupted;
  } finally {
    interrupt.dispose();
  }
}

/** What the library call of a {@link runChunkedCommand} gets from the CLI (the library's `RunEvents`). */
export interface CommandEvents {
  readonly signal: AbortSignal;
  readonly onWarning: (message: string) => void;
}

/**
 * Runs a single-run chunked command (`simulate`, `train`) through {@link runInterruptible}: the
 * library call `run`, with warnings on stderr and a progress bar on a terminal (format
 * `progress`, cli-progress) that `run` moves, then `print` with its result once the bar is gone.
 */
export async function runChunkedCommand<Result>(
  command: string,
  progress: string,
  run: (events: CommandEvents, progress: (done: number, total: number) => void) => Promise<Result>,
  print: (result: Result) => void,
): Promise<void> {
  const bar = await progressBar(progress);
  await runInterruptible(
    command,
    async (signal) => {
      print(await run({ signal, onWarning: warn }, bar.update).finally(() => bar.stop()));
    },
    'run with --checkpoint DIR to keep them',
  );
}
