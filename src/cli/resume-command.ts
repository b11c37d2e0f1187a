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
