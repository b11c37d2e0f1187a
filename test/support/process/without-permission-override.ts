import { execFileSync } from 'node:child_process';

/**
 * Runs `script` (an ES module's source, TypeScript allowed) in a child Node process that keeps
 * root's user but not the capabilities that bypass file permissions (CAP_DAC_OVERRIDE and
 * CAP_DAC_READ_SEARCH, dropped from its bounding set with setpriv, util-linux), with `args` as its
 * `process.argv[1..]`, and returns what it printed. Root passes every permission check and CI runs
 * as root, so a test of a permission-denied path runs its code here. Staying root, the child
 * still reads the checkout wherever it lies (a temporary directory of mode 0700 included), and
 * files the test made as root with mode 0 are as closed to it as to any other user.
 */
export function runWithoutPermissionOverride(script: string, args: readonly string[]): string {
  const drop = ['--bounding-set', '-dac_override,-dac_read_search'];
  const node = ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script];
  return execFileSync('setpriv', [...drop, process.execPath, ...node, ...args], {
    encoding: 'utf8',
  });
}

/** Whether this process runs as root, where a permission-denied path needs {@link runWithoutPermissionOverride}. */
export const isRoot = process.getuid?.() === 0;
