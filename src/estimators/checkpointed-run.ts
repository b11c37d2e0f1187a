import {
  discardCheckpoint,
  type RunIdentity,
  recordChunk,
  startCheckpoint,
  withDirectoryLock,
} from '../checkpoint/index.ts';
import { ChunkFailure } from './run-chunks.ts';

/** How a chunked run that keeps a checkpoint continues an earlier one, and takes its lock. */
export interface ResumeOptions {
  /** Continue from the completed chunks of the checkpoint (a fresh start when there are none). */
  readonly resume?: boolean;
  /**
   * Take over the lock of the directory the run writes into when its holder cannot be checked
   * from here (another host, or an unreadable lock file): only once that run is known to be gone.
   */
  readonly forceUnlock?: boolean;
}

/** Where a single chunked run (`simulate`, `train`) keeps its completed chunks. */
export interface CheckpointOptions extends ResumeOptions {
  /**
   * Keep every completed chunk in this directory, removed once the run completes, so that an
   * interrupted or failed run can be resumed (`resume`). The run holds the directory's lock.
   */
  readonly checkpoint?: string;
}

/** What every chunked entry point reports besides its result. */
export interface RunEvents {
  /** Cancels the run: it stops its workers and rejects with a {@link StoppedRun}. */
  readonly signal?: AbortSignal;
  /** Told, in one line, about what the run survived: a chunk run again, a stale lock taken over. */
  readonly onWarning?: (message: string) => void;
}

/**
 * A chunked run that stopped before its end: cancelled through its signal (`interrupted`, with
 * the signal's reason as `cause`), or because a chunk failed twice (`failed`, with the
 * {@link ChunkFailure} as `cause`); its message is its cause's. Nothing was
 * written but the checkpoint: `kept` of its `chunks` chunks are kept in `checkpoint`, and a run
 * with the same options and `resume` continues from them.
 */
export class StoppedRun extends Error {
  override name = 'StoppedRun';

  /**
   * @param reason why the run stopped
   * @param kept completed chunks kept in the checkpoint (0 without one)
   * @param chunks chunks this run computes (a shard's share of a battery)
   * @param checkpoint the checkpoint directory, `undefined` when nothing was kept
   * @param cause the signal's reason, or the {@link ChunkFailure}
   */
  constructor(
    readonly reason: 'interrupted' | 'failed',
    readonly kept: number,
    readonly chunks: number,
    readonly checkpoint: string | undefined,
    cause: unknown,
  ) {
    super(
      cause instanceof Error
        ? cause.message
        : reason === 'failed'
          ? 'a chunk failed twice'
          : 'the run was interrupted',
      { cause },
    );
  }
}

/** The checkpoint of a {@link checkpointedRun}. */
export interface RunCheckpoint {
  readonly dir: string;
  readonly identity: RunIdentity;
  /** Continue from its completed chunks. */
  readonly resume: boolean;
  /** Chunks this run computes, for {@link StoppedRun}; default all of the identity's. */
  readonly chunks?: number;
}

/** What the work of a {@link checkpointedRun} gets. */
export interface CheckpointedWork {
  /** The checkpoint's completed chunks, by index, as stored (empty without a checkpoint). */
  readonly completed: ReadonlyMap<number, unknown>;
  /** Records a completed chunk in the checkpoint, atomically. */
  onChunk(index: number, result: unknown): void;
}

/**
 * Runs a chunked computation with its checkpoint (docs/reliability.md): opens it
 * (`startCheckpoint`: `resume` continues, a fresh run refuses to overwrite completed chunks, a
 * checkpoint of another run is refused), records every completed chunk in it, and discards it
 * once `work` has written its outputs. A run cancelled through `signal`, or whose chunk failed
 * twice, rejects with a {@link StoppedRun} saying how many chunks are kept; any other error
 * propagates as it is. Without a checkpoint nothing is kept, and the same errors apply.
 */
export async function checkpointedRun<T>(
  checkpoint: RunCheckpoint | undefined,
  signal: AbortSignal | undefined,
  work: (context: CheckpointedWork) => Promise<T>,
): Promise<T> {
  const opened =
    checkpoint && startCheckpoint(checkpoint.dir, checkpoint.identity, checkpoint.resume);
  const kept = new Set(opened?.chunks.keys());
  try {
    const result = await work({
      completed: opened?.chunks ?? new Map(),
      onChunk(index, result) {
        if (!checkpoint) return;
        recordChunk(checkpoint.dir, index, result);
        kept.add(index);
      },
    });
    if (checkpoint) discardCheckpoint(checkpoint.dir);
    return result;
  } catch (error) {
    const failed = error instanceof ChunkFailure;
    if (!signal?.aborted && !failed) throw error;
    throw new StoppedRun(
      failed ? 'failed' : 'interrupted',
      kept.size,
      checkpoint?.chunks ?? checkpoint?.identity.chunks ?? 0,
      checkpoint?.dir,
      failed ? error : signal?.reason,
    );
  }
}

/**
 * Runs `work` holding the lock of the directory `dir` it writes into (`withDirectoryLock`,
 * docs/reliability.md): a second run on the same directory is refused at once with one line
 * naming the holder; the lock of a run that died on this host is taken over with a warning; with
 * `forceUnlock` so is a lock of another host. The lock is released however `work` ends.
 */
export function withRunLock<T>(
  dir: string,
  options: ResumeOptions & RunEvents & { readonly removeIfEmpty?: boolean },
  work: () => Promise<T>,
): Promise<T> {
  return withDirectoryLock(
    dir,
    {
      force: options.forceUnlock === true,
      removeIfEmpty: options.removeIfEmpty,
      onTakeover: options.onWarning,
    },
    work,
  );
}
