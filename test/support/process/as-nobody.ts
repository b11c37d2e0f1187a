import { execFileSync } from 'node:child_process';

/**
 * Runs `script` (an ES module's source, TypeScript allowed) in a child Node process as the user
 * nobody, with `args` as its `process.argv[1..]`, and returns what it printed. Root passes every
 * permission check and CI runs as root, so a test of a permission-denied path runs its code here,
 * without root's privileges (setpriv, util-linux). The paths the child touches must be reachable
 * by nobody (a `mkdtemp` directory is 0700 until the test opens it).
 */
export function runAsNobody(script: string, args: readonly string[]): string {
  const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
  const node = ['--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script];
  return execFileSync('setpriv', [...nobody, process.execPath, ...node, ...args], {
    encoding: 'utf8',
  });
}

/** Whether this process runs as root, where a permission-denied path needs {@link runAsNobody}. */
export const isRoot = process.getuid?.() === 0;
