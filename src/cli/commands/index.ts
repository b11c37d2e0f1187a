import type { Command } from 'commander';

/**
 * Every CLI command, as a function that registers it on the root program.
 * Each command lives in its own file in this folder and is a thin shell over a typed library
 * function; add one line here per command.
 */
export const commands: ReadonlyArray<(root: Command) => void> = [];
