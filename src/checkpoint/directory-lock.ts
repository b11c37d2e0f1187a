import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InputError, lazySchema, quote } from '../errors/index.ts';

/**
 * The lock file inside a locked directory. It starts with a dot, so listings of the directory's
 * data (chunk files, reports) pass it by, and it ends in neither `.json` nor `.tmp`, so the
 * checkpoint readers and `discardCheckpoint` leave it alone.
 */
export const LOCK_FILE = '.rl-objective.lock';

/** Who holds a directory lock: the content of {@link LOCK_FILE}. */
export interface LockHolder {
  readonly format: 'rl-objective-lock';
  /** Process id of the holder, on its host. */
  readonly pid: number;
  /** `os.hostname()` of the holder's machine (a pod's name on Kubernetes). */
  readonly host: string;
  /**
   * The holder's boot id and process start time (Linux `/proc`), so that a pid reused by another
   * process after the holder died is not mistaken for the holder; absent where `/proc` is not.
   */
  readonly started?: string;
  /** When the lock was taken (ISO 8601, UTC). */
  readonly since: string;
  /** The holder's command line, for the person reading the file. */
  readonly command: string;
  /** Random per lock: release removes the lock file only if it is still this lock. */
  readonly token: string;
}

const holderSchema = lazySchema((z) =>
  z.object({
    format: z.literal('rl-objective-lock'),
    pid: z.number().int().positive(),
    host: z.string(),
    started: z.string().optional(),
    since: z.string(),
    command: z.string(),
    token: z.string(),
  }),
);

/** Options of {@link lockDirectory}. */
export interface LockOptions {
  /**
   * `--force-unlock`: take over a lock whose holder cannot be checked from here (another host,
   * or an unreadable lock file). A holder known to be running on this host is never broken.
   */
  readonly force?: boolean;
  /** Remove the directory on release if it is left empty, even if it existed before the lock. */
  readonly removeIfEmpty?: boolean;
  /** Told, as one line, whenever a lock left by another process is taken over. */
  readonly onTakeover?: (message: string) => void;
}

/** A held directory lock. */
export interface DirectoryLock {
  readonly dir: string;
  /** Removes the lock file if it is still this lock (idempotent; never throws for a lost lock). */
  release(): void;
}

/** Tokens of the locks this process holds: a record with this pid is ours only if listed here. */
const held = new Set<string>();

/**
 * Takes the exclusive lock of `dir` (created if missing) for one writer: verify's output
 * directory, simulate's checkpoint. The lock is the file {@link LOCK_FILE}, holding a
 * {@link LockHolder} record, created atomically with `link(2)` from a unique temp file (the
 * NFS-safe way described in `open(2)`: `O_EXCL` is not atomic on every NFS version, and a lost
 * reply of a `link` that did succeed is recognized by the temp file's link count).
 *
 * When the directory is already locked:
 * - by a running process on this host, or by this process: refused with an {@link InputError}
 *   naming the directory and the holder's pid and host;
 * - by a process on this host that is no longer running (killed, crashed; its pid gone or reused
 *   by another process): the stale lock is taken over, and `onTakeover` is told;
 * - by a process on another host, whose liveness cannot be checked from here (or with a lock
 *   file that cannot be read): refused, naming `--force-unlock`; with `force`, taken over and
 *   `onTakeover` is told.
 *
 * Hand-written rather than proper-lockfile: that library decides staleness by the lock's age
 * (the holder refreshes its mtime on a timer), so it breaks a lock of another host without
 * anyone choosing to, and takes the lock of a holder whose event loop is busy in a long
 * in-process chunk; and it records no pid or host to name in the refusal.
 */
export function lockDirectory(dir: string, options: LockOptions = {}): DirectoryLock {
  // node:crypto on first use: the package root imports this module, and loading crypto is a
  // visible share of that import's time (docs/package.md).
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const created = mkdirSync(dir, { recursive: true }) !== undefined;
  const path = join(dir, LOCK_FILE);
  const record: LockHolder = {
    format: 'rl-objective-lock',
    pid: process.pid,
    host: hostname(),
    ...optional('started', processStarted(process.pid)),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
    token: randomBytes(12).toString('hex'),
  };
  // A few rounds: each failed round means another process took, released or was taking over the
  // lock between our steps, and the next round sees its new state.
  for (let round = 0; round < 50; round++) {
    if (create(path, record)) {
      held.add(record.token);
      const release = () => {
        process.off('exit', release);
        if (!held.delete(record.token)) return;
        if (readHolder(path)?.token === record.token) rmSync(path, { force: true });
        if (created || options.removeIfEmpty) removeIfEmpty(dir);
      };
      // A process.exit() inside the locked work still releases it.
      process.on('exit', release);
      return { dir, release };
    }
    const holder = readHolder(path);
    if (holder === null) continue; // released between our two steps
    const state = holder === undefined ? 'unknown' : holderState(holder);
    if (holder && state === 'running') throw new InputError(inUse(dir, holder));
    if (state === 'unknown' && !options.force) throw new InputError(unverifiable(dir, holder));
    if (takeOver(path, holder, record)) options.onTakeover?.(takenOver(dir, holder, state));
  }
  throw new InputError(`cannot lock ${quote(dir)}: other runs keep taking and releasing its lock`);
}

/**
 * Runs `work` holding the lock of `dir` ({@link lockDirectory}) and releases it however `work`
 * ends: a result, an error, an interruption handled inside `work`.
 */
export async function withDirectoryLock<T>(
  dir: string,
  options: LockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const lock = lockDirectory(dir, options);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

/** The holder of a lock file, `undefined` if it cannot be read as one, `null` if it is gone. */
function readHolder(path: string): LockHolder | undefined | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return undefined;
  }
  try {
    const parsed = holderSchema().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

type HolderState = 'running' | 'dead' | 'unknown';

function holderState(holder: LockHolder): HolderState {
  if (holder.host !== hostname()) return 'unknown';
  if (holder.pid === process.pid) return held.has(holder.token) ? 'running' : 'dead';
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'dead';
  }
  // A killed holder that its parent has not reaped yet (common under a container's PID 1, which
  // may never reap) still has its pid, but it is a zombie: it will never write again.
  const state = processStat(holder.pid)?.[0];
  if (state === 'Z' || state === 'X') return 'dead';
  const started = processStarted(holder.pid);
  if (holder.started !== undefined && started !== undefined && started !== holder.started) {
    return 'dead'; // the pid now belongs to a process started later
  }
  return 'running';
}

/** Creates the lock file with `record` in one step; false if a lock file is already there. */
function create(path: string, record: LockHolder): boolean {
  const temp = `${path}.${record.host}.${record.pid}.${record.token}.tmp`;
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeFileSync(fd, `${JSON.stringify(record)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // NFS: the server may have made the link and lost its reply.
    if (statSync(temp).nlink === 2) return true;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Removes the lock `holder` left, if the lock file at `path` is still that one (internal to this
 * file; exported for its tests, which replay interleavings of two processes). The removal itself is
 * done under a second lock file, `LOCK_FILE.break`, held for a few system calls: of two
 * processes taking over the same stale lock, the second finds the lock gone or already taken
 * anew, and never removes the new one. A `.break` file is only left by a process killed within
 * those calls; one older than {@link BREAK_STALE_MS} is removed.
 */
export function takeOver(
  path: string,
  holder: LockHolder | undefined,
  record: LockHolder,
): boolean {
  const breaker = `${path}.break`;
  if (!create(breaker, record)) {
    try {
      if (Date.now() - statSync(breaker).mtimeMs > BREAK_STALE_MS) rmSync(breaker, { force: true });
    } catch {
      // Removed by its holder meanwhile.
    }
    pause();
    return false;
  }
  try {
    const current = readHolder(path);
    const same =
      current !== null &&
      (holder === undefined ? current === undefined : current?.token === holder.token);
    if (same) rmSync(path, { force: true });
    return same;
  } finally {
    rmSync(breaker, { force: true });
  }
}

/** Age after which a `.break` file is taken for the leftover of a killed process. */
const BREAK_STALE_MS = 10_000;

/** Waits a moment, synchronously (the lock is taken before the command's work starts). */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (outputs, a kept checkpoint, another run's lock) or already gone.
  }
}

/**
 * The fields of Linux's `/proc/PID/stat` that follow the command name (which may hold spaces
 * and parentheses): `[0]` is field 3, the state; `[19]` field 22, the start time. Undefined
 * where `/proc` cannot tell.
 */
function processStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Boot id and start time of process `pid` (Linux), or undefined where `/proc` cannot tell. */
function processStarted(pid: number): string | undefined {
  const fields = processStat(pid);
  try {
    if (fields === undefined) return undefined;
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${boot}:${fields[19]}`;
  } catch {
    return undefined;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function who(holder: LockHolder): string {
  return `pid ${holder.pid} on host ${quote(holder.host)}, since ${holder.since}`;
}

function inUse(dir: string, holder: LockHolder): string {
  return `directory ${quote(dir)} is in use by another run (${who(holder)}): wait for it to end, or stop it, before starting another run there`;
}

function unverifiable(dir: string, holder: LockHolder | undefined): string {
  const lock = quote(join(dir, LOCK_FILE));
  return holder === undefined
    ? `directory ${quote(dir)} is locked by ${lock}, which cannot be read; if no run is using the directory, rerun with --force-unlock`
    : `directory ${quote(dir)} is locked by another run (${who(holder)}), which cannot be checked from host ${quote(hostname())}; if that run is gone, rerun with --force-unlock`;
}

function takenOver(dir: string, holder: LockHolder | undefined, state: HolderState): string {
  if (holder === undefined) return `removed the unreadable lock of ${quote(dir)} (--force-unlock)`;
  const why = state === 'dead' ? 'which is no longer running' : 'by --force-unlock';
  return `took over the lock of ${quote(dir)} from ${who(holder)}, ${why}`;
}
