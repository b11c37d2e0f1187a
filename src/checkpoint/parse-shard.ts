import { InputError, quote } from '../errors/input-error.ts';
import type { Shard } from './shard.ts';

/**
 * Parses `--shard i/n`: two decimal integers with `0 <= i < n`, e.g. `0/3`, `2/3` (as a
 * Kubernetes Indexed Job's `$(JOB_COMPLETION_INDEX)/n` or Slurm's `$SLURM_ARRAY_TASK_ID/n` give
 * them). Anything else (`3/3`, `1/0`, `-1/2`, `1.5/2`, `a/b`, `1`) is an {@link InputError}.
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d{1,15})\s*\/\s*(\d{1,15})\s*$/.exec(text);
  const i = match === null ? Number.NaN : Number(match[1]);
  const n = match === null ? Number.NaN : Number(match[2]);
  if (!(n >= 1 && i < n)) {
    throw new InputError(
      `--shard must be i/n with integers 0 <= i < n, e.g. 0/4; got ${quote(shortened(text))}`,
    );
  }
  return { i, n };
}

/** At most 40 characters of what was given: the message stays short whatever the input. */
function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
