import type { Command } from 'commander';
import { InputError } from '../errors/index.ts';
import { directoryFlag } from './parse-flags.ts';

/** The `--force-unlock` flag of the commands that lock a directory. */
export interface ForceUnlockFlag {
  readonly forceUnlock?: boolean;
}

/**
 * Adds `--force-unlock` to a command that writes into a directory under its lock (the library's
 * `forceUnlock` option).
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

/**
 * The library's checkpoint options from the flags: throws InputError when `--resume` or
 * `--force-unlock` comes without `--checkpoint DIR`, or when DIR cannot be a directory
 * (`requireOutputDirectory`: a file, a device, an impossible or unwritable path).
 */
export function checkpointFlags(flags: CheckpointFlags) {
  if (flags.checkpoint === undefined) {
    if (flags.resume) {
      throw new InputError('--resume needs --checkpoint DIR, the directory of the checkpoint');
    }
    if (flags.forceUnlock) {
      throw new InputError('--force-unlock needs --checkpoint DIR, the directory it unlocks');
    }
  }
  return {
    checkpoint: directoryFlag('--checkpoint', flags.checkpoint),
    resume: flags.resume === true,
    forceUnlock: flags.forceUnlock === true,
  };
}
