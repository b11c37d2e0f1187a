/**
 * Rewrites the arguments `help <command> ...` as `<command> --help`, which prints the same help.
 * Commander answers `help <command>` synchronously, before the `preSubcommand` hooks in which a
 * command imports what its help lists (the scheme catalogue of `objective`), so those modules
 * need not load for `--help` or a run; `<command> --help` goes through the hooks.
 */
export function helpAsOption(args: readonly string[]): string[] {
  return args[0] === 'help' && args.length > 1 ? [args[1]!, '--help'] : [...args];
}
