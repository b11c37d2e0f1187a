import { readdirSync, readFileSync } from 'node:fs';

/**
 * The fields of `/proc/PID/stat` after the command name (which may hold spaces and parentheses):
 * [0] the state, [1] the parent's PID, [2] the process group. Undefined when there is no such
 * process.
 */
function statFields(pid: number): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** The state letter of process `pid` (R, S, Z for a zombie, ...), undefined if there is none. */
export function processState(pid: number): string | undefined {
  return statFields(pid)?.[0];
}

/** Whether process `pid` exists and is not a zombie (state Z: exited, not yet reaped). */
export function isRunning(pid: number): boolean {
  const fields = statFields(pid);
  return fields !== undefined && fields[0] !== 'Z';
}

/** The running (not zombie) processes of process group `pgid`. */
export function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      const fields = statFields(pid);
      return fields !== undefined && fields[0] !== 'Z' && Number(fields[2]) === pgid;
    });
}
