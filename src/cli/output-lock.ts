import type { Command } from 'commander';

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
