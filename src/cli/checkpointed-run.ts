import {
  discardCheckpoint,
  type RunIdentity,
  type RunIdentityInput,
  recordChunk,
  runIdentity,
  startCheckpoint,
} from '../checkpoint/index.ts';
import { ChunkFailure } from '../estimators/index.ts';
import { EXIT } from './exit-codes.ts';
import { progressBar } from './output.ts';
import { type CheckpointFlags, withOutputLock } from './output-lock.ts';

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

/** A command's run and where it keeps its completed chunks. */
export interface CheckpointedRun {
  /** The command, for messages: `simulate` or `verify`. */
  readonly command: string;
  /** The command's arguments (after `rl-objective`), to print the command that resumes. */
  readonly args: readonly string[];
  /** The checkpoint: its directory and the run's identity; absent when nothing is kept. */
  readonly checkpoint?: { readonly dir: string; readonly identity: RunIdentity };
  /** `--resume`: continue from the checkpoint (a fresh start when there is none). */
  readonly resume: boolean;
  /**
   * How many chunks this run computes, for messages: a shard's own share; default all the
   * chunks of the run identity.
   */
  readonly chunks?: number;
  /** What to suggest when there is no checkpoint, e.g. `run with --checkpoint DIR to keep them`. */
  readonly keepHint?: string;
}

/** What the work of a {@link runCheckpointed} gets. */
export interface CheckpointedWork {
  readonly signal: AbortSignal;
  /** The checkpoint's completed chunks, by index, as stored (empty without a checkpoint). */
  readonly completed: ReadonlyMap<number, unknown>;
  /** Records a completed chunk in the checkpoint, atomically. */
  onChunk(index: number, result: unknown): void;
  /** Prints a retried chunk's one-line warning on stderr. */
  onRetry(message: string): void;
}

/**
 * Runs a command's chunked work with the CLI's reliability contract (docs/reliability.md):
 *
 * - opens the checkpoint (`startCheckpoint`: `--resume` continues, a fresh run refuses to
 *   overwrite completed chunks, a checkpoint of another run is refused);
 * - records every completed chunk in it, and discards it once `work` has written the outputs;
 * - on SIGINT or SIGTERM, once the workers have stopped, prints one line on stderr with the
 *   command that resumes and sets exit status 130;
 * - when a chunk failed twice (`ChunkFailure`), prints one line naming it and the command that
 *   resumes, and sets exit status 70.
 *
 * Any other error propagates (the CLI prints it as one line). An interrupted or failed run
 * writes no output: nothing partial is presented as complete.
 */
export async function runCheckpointed(
  run: CheckpointedRun,
  work: (context: CheckpointedWork) => Promise<void>,
): Promise<void> {
  const { checkpoint } = run;
  const opened = checkpoint && startCheckpoint(checkpoint.dir, checkpoint.identity, run.resume);
  const kept = new Set(opened?.chunks.keys());
  const interrupt = interruptSignal();
  try {
    await work({
      signal: interrupt.signal,
      completed: opened?.chunks ?? new Map(),
      onChunk(index, result) {
        if (!checkpoint) return;
        recordChunk(checkpoint.dir, index, result);
        kept.add(index);
      },
      onRetry(message) {
        process.stderr.write(`rl-objective: warning: ${message}\n`);
      },
    });
    if (checkpoint) discardCheckpoint(checkpoint.dir);
  } catch (error) {
    const interrupted = interrupt.signal.aborted;
    const failed = error instanceof ChunkFailure ? error : undefined;
    if (!interrupted && !failed) throw error;
    const what = failed ? `${run.command}: ${failed.message}` : `${run.command} interrupted`;
    const next = checkpoint
      ? `${kept.size} of ${run.chunks ?? checkpoint.identity.chunks} chunks are kept in '${checkpoint.dir}'; resume with: ${resumeCommand(run.args)}`
      : `no chunk was kept${run.keepHint ? ` (${run.keepHint})` : ''}`;
    process.stderr.write(`rl-objective: ${what}; ${next}\n`);
    process.exitCode = failed ? EXIT.internal : EXIT.interrupted;
  } finally {
    interrupt.dispose();
  }
}

/** A single-run chunked command (`simulate`, `train`), for {@link runChunkedCommand}. */
export interface ChunkedCommand {
  /** The command, for messages. */
  readonly command: string;
  /** Its `--checkpoint`, `--resume` and `--force-unlock`. */
  readonly flags: CheckpointFlags;
  /** The run, as its checkpoint identifies it (computed only when there is a checkpoint). */
  readonly run: () => RunIdentityInput;
  /** The format of the progress bar (cli-progress), shown when stderr is a terminal. */
  readonly progress: string;
}

/** What the computation of a {@link runChunkedCommand} gets: the run, and its progress. */
export interface ChunkedWork extends CheckpointedWork {
  /** Moves the progress bar to `done` of `total`. */
  onProgress(done: number, total: number): void;
}

/**
 * Runs a single-run chunked command: `compute` inside {@link runCheckpointed} (checkpoint,
 * interruption, chunk failures), with a progress bar on a terminal, then `output` with its
 * result once the bar is gone. With `--checkpoint DIR` the whole run holds DIR's lock
 * ({@link withOutputLock}): only a run that keeps a checkpoint writes anywhere, and it is the one
 * writer of DIR.
 */
export async function runChunkedCommand<Result>(
  spec: ChunkedCommand,
  compute: (work: ChunkedWork) => Promise<Result>,
  output: (result: Result) => void | Promise<void>,
): Promise<void> {
  const dir = spec.flags.checkpoint;
  const run = () =>
    runCheckpointed(
      {
        command: spec.command,
        args: process.argv.slice(2),
        checkpoint: dir === undefined ? undefined : { dir, identity: runIdentity(spec.run()) },
        resume: spec.flags.resume === true,
        keepHint: 'run with --checkpoint DIR to keep them',
      },
      async (work) => {
        const bar = await progressBar(spec.progress);
        let result: Result;
        try {
          result = await compute({
            ...work,
            onProgress(done, total) {
              if (!bar) return;
              if (!bar.getTotal()) bar.start(total, 0);
              bar.update(done);
            },
          });
        } finally {
          bar?.stop();
        }
        await output(result);
      },
    );
  await (dir === undefined
    ? run()
    : withOutputLock(dir, { ...spec.flags, removeIfEmpty: true }, run));
}
