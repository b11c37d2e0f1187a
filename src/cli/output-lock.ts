import type { Command } from 'commander';
import { InputError } from '../errors/input-error.ts';

/** The `--force-unlock` flag of the commands that lock a directory. */
export interface ForceUnlockFlag {
  readonly forceUnlock?: boolean;
}

/**
 * Adds `--force-unlock` to a command that writes into a directory under its lock
 * ({@link withOutputLock}).
 */
export function forceUnlockOption(command: Command): Command {
  return command.option(
    '--force-unlock',
    "take over the directory's lock when its holder cannot be checked from here (another host, or an unreadable lock file): use it only once that run is known to be gone",
  );
}

/** The flags of a single-run command that keeps a checkpoint (`simulate`, `train`). */
export interface CheckpointFlags extends ForceUnlockFlag {
  readonly checkpoint?: string;
  readonly resume?: boolean;
}

/**
 * Adds `--checkpoint DIR`, `--resume` and `--force-unlock` to a single-run command that keeps
 * its completed chunks ({@link CheckpointFlags}).
 */
export function checkpointOptions(command: Command): Command {
  return forceUnlockOption(
    command
      .option(
        '--checkpoint <DIR>',
        'keep every completed chunk in DIR (removed once the run completes), to resume after an interruption',
      )
      .option(
        '--resume',
        'continue from the chunks in the --checkpoint DIR (starts afresh when there are none)',
      ),
  );
}

/** Throws InputError when `--resume` or `--force-unlock` comes without `--checkpoint DIR`. */
export function requireCheckpointDir(flags: CheckpointFlags): void {
  if (flags.checkpoint !== undefined) return;
  if (flags.resume) {
    throw new InputError('--resume needs --checkpoint DIR, the directory of the checkpoint');
  }
  if (flags.forceUnlock) {
    throw new InputError('--force-unlock needs --checkpoint DIR, the directory it unlocks');
  }
}

/**
 * Runs a command's `work` holding the lock of the directory it writes into (`lockDirectory`,
 * docs/reliability.md): a second run on the same directory exits 2 at once with one line naming
 * the holder; the lock of a run that died on this host is taken over with a one-line warning on
 * stderr; `--force-unlock` takes over a lock of another host. The lock is released however
 * `work` ends (output written, disagreement, bad input, interruption, chunk failure). The
 * checkpoint library is imported on first use, like the commands' own libraries.
 */
export async function withOutputLock<T>(
  dir: string,
  flags: ForceUnlockFlag & { readonly removeIfEmpty?: boolean },
  work: () => Promise<T>,
): Promise<T> {
  const { withDirectoryLock } = await import('../checkpoint/directory-lock.ts');
  return withDirectoryLock(
    dir,
    {
      force: flags.forceUnlock === true,
      removeIfEmpty: flags.removeIfEmpty,
      onTakeover: (message) => process.stderr.write(`rl-objective: warning: ${message}\n`),
    },
    work,
  );
}
