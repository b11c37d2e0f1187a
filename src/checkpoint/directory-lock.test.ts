import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { processState } from '../../test/support/process/process-state.ts';
import { InputError } from '../errors/input-error.ts';
import {
  LOCK_FILE,
  type LockHolder,
  lockDirectory,
  takeOver,
  withDirectoryLock,
} from './directory-lock.ts';

// The directory lock against live, dead and foreign holders. Deterministic: holders are real
// processes (alive, or exited before the test looks) or records written by hand, so no
// false-fail rate.

const root = mkdtempSync(join(tmpdir(), 'rl-objective-lock-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

let count = 0;
const fresh = () => join(root, `d${count++}`);
const lockPath = (dir: string) => join(dir, LOCK_FILE);
const readLock = (dir: string) => JSON.parse(readFileSync(lockPath(dir), 'utf8')) as LockHolder;
/** A lock record of a process on this host, with some fields replaced. */
const holderRecord = (holder: Partial<LockHolder>): LockHolder => ({
  format: 'rl-objective-lock',
  pid: 1,
  host: hostname(),
  since: '2026-01-01T00:00:00.000Z',
  command: 'rl-objective verify',
  token: `planted-${count}`,
  ...holder,
});
/** A lock file as another process would have left it. */
function plant(dir: string, holder: Partial<LockHolder>): LockHolder {
  const record = holderRecord(holder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(lockPath(dir), JSON.stringify(record));
  return record;
}
/** The message of the InputError that `fn` throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}
/** A process that runs until the test ends, and its pid. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid!;
}
/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('lockDirectory', () => {
  it('writes who holds it; release removes the lock and the directory it created', () => {
    const dir = fresh();
    const lock = lockDirectory(dir);
    const holder = readLock(dir);
    expect(holder).toMatchObject({
      format: 'rl-objective-lock',
      pid: process.pid,
      host: hostname(),
    });
    expect(Date.parse(holder.since)).not.toBeNaN();
    expect(readdirSync(dir)).toEqual([LOCK_FILE]); // no temp file left
    lock.release();
    lock.release();
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps a directory that existed before, unless told to remove it when empty', () => {
    const dir = fresh();
    mkdirSync(dir);
    lockDirectory(dir).release();
    expect(readdirSync(dir)).toEqual([]);
    lockDirectory(dir, { removeIfEmpty: true }).release();
    expect(existsSync(dir)).toBe(false);
    mkdirSync(dir);
    writeFileSync(join(dir, 'agreement.json'), '{}');
    lockDirectory(dir, { removeIfEmpty: true }).release();
    expect(readdirSync(dir)).toEqual(['agreement.json']);
  });

  it('refuses a second lock in the same process, naming the directory, pid and host', () => {
    const dir = fresh();
    const lock = lockDirectory(dir);
    const message = refusal(() => lockDirectory(dir, { force: true }));
    expect(message).toMatch(
      new RegExp(
        `^directory '${dir}' is in use by another run \\(pid ${process.pid} on host '${hostname()}', since [0-9T:.Z-]+\\): wait for it to end, or stop it, before starting another run there$`,
      ),
    );
    lock.release();
    lockDirectory(dir).release();
  });

  it('refuses a lock held by a running process on this host, even with force', () => {
    const dir = fresh();
    const pid = liveProcess();
    plant(dir, { pid });
    expect(refusal(() => lockDirectory(dir))).toContain(`in use by another run (pid ${pid} on`);
    expect(refusal(() => lockDirectory(dir, { force: true }))).toContain('in use');
    expect(readLock(dir).pid).toBe(pid);
  });

  it('takes over the lock of a process of this host that is no longer running', () => {
    const dir = fresh();
    const pid = deadPid();
    plant(dir, { pid });
    const told: string[] = [];
    const lock = lockDirectory(dir, { onTakeover: (m) => told.push(m) });
    expect(readLock(dir).pid).toBe(process.pid);
    expect(told).toEqual([
      `took over the lock of '${dir}' from pid ${pid} on host '${hostname()}', since 2026-01-01T00:00:00.000Z, which is no longer running`,
    ]);
    lock.release();
  });

  it('takes over the lock of a zombie holder (killed, not yet reaped), read from /proc', async () => {
    // `sh` starts `sleep 0` in the background and becomes `sleep 60`, which never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 60'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(parent);
    const pid = Number(
      await new Promise<string>((resolve) =>
        parent.stdout.setEncoding('utf8').once('data', resolve),
      ),
    );
    while (processState(pid) !== 'Z') await new Promise((resolve) => setTimeout(resolve, 10));
    const dir = fresh();
    plant(dir, { pid });
    const told: string[] = [];
    lockDirectory(dir, { onTakeover: (m) => told.push(m) }).release();
    expect(told).toEqual([
      expect.stringMatching(new RegExp(`from pid ${pid} .* no longer running$`)),
    ]);
  });

  it('of 8 processes racing for one lock, exactly one wins; each other gets the one-line refusal', async () => {
    // The directory exists before the race: which racer's mkdir creates a missing one is itself a
    // race, and only that racer would remove it (a loser's refusal leaves the directory it made).
    const dir = fresh();
    mkdirSync(dir);
    const script = fileURLToPath(
      new URL('../../test/support/checkpoint/lock-racer.ts', import.meta.url),
    );
    const racers = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      children.push(child);
      const lines = createInterface({ input: child.stdout });
      const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
      return { child, next, ready: next() };
    });
    for (const racer of racers) expect(await racer.ready).toBe('ready');
    const outcomes = racers.map((racer) => racer.next());
    for (const racer of racers) racer.child.stdin.write('go\n');
    const lines = await Promise.all(outcomes);
    const winners = lines.filter((line) => line === 'won');
    expect(winners).toHaveLength(1);
    const winner = racers[lines.indexOf('won')]!.child.pid!;
    const refusal = new RegExp(
      `^refused: directory '${dir}' is in use by another run \\(pid ${winner} on host '${hostname()}', since [^)]+\\): wait for it to end, or stop it, before starting another run there$`,
    );
    for (const line of lines.filter((l) => l !== 'won')) expect(line).toMatch(refusal);
    for (const racer of racers) racer.child.stdin.end();
    await Promise.all(racers.map((r) => new Promise((resolve) => r.child.once('exit', resolve))));
    expect(readdirSync(dir)).toEqual([]); // the winner's lock released, no racer's temp file left
  });

  it('takes over a lock of its own pid that it does not hold (a restarted container)', () => {
    const dir = fresh();
    plant(dir, { pid: process.pid });
    lockDirectory(dir).release();
  });

  it.runIf(existsSync('/proc/self/stat'))(
    'takes over a lock whose pid now belongs to a process started later',
    () => {
      const dir = fresh();
      const pid = liveProcess();
      plant(dir, { pid, started: 'another-boot:12345' });
      const told: string[] = [];
      lockDirectory(dir, { onTakeover: (m) => told.push(m) }).release();
      expect(told).toEqual([expect.stringContaining('which is no longer running')]);
    },
  );

  it('refuses a lock of another host, naming --force-unlock; force takes it over', () => {
    const dir = fresh();
    plant(dir, { pid: 4242, host: 'node-7' });
    expect(refusal(() => lockDirectory(dir))).toBe(
      `directory '${dir}' is locked by another run (pid 4242 on host 'node-7', since 2026-01-01T00:00:00.000Z), which cannot be checked from host '${hostname()}'; if that run is gone, rerun with --force-unlock`,
    );
    const told: string[] = [];
    const lock = lockDirectory(dir, { force: true, onTakeover: (m) => told.push(m) });
    expect(told).toEqual([
      `took over the lock of '${dir}' from pid 4242 on host 'node-7', since 2026-01-01T00:00:00.000Z, by --force-unlock`,
    ]);
    expect(readLock(dir).host).toBe(hostname());
    lock.release();
  });

  it('refuses an unreadable lock file, naming --force-unlock; force removes it', () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(lockPath(dir), 'not json');
    expect(refusal(() => lockDirectory(dir))).toBe(
      `directory '${dir}' is locked by '${lockPath(dir)}', which cannot be read; if no run is using the directory, rerun with --force-unlock`,
    );
    const told: string[] = [];
    lockDirectory(dir, { force: true, onTakeover: (m) => told.push(m) }).release();
    expect(told).toEqual([`removed the unreadable lock of '${dir}' (--force-unlock)`]);
  });

  it('release leaves alone a lock that another run has taken over meanwhile', () => {
    const dir = fresh();
    const lock = lockDirectory(dir);
    const other = plant(dir, { pid: 4242, host: 'node-7' });
    lock.release();
    expect(readLock(dir)).toEqual(other);
  });

  it('releases on process exit if the work never released it', () => {
    const dir = fresh();
    const script = `import { lockDirectory } from ${JSON.stringify(new URL('./directory-lock.ts', import.meta.url).href)};
lockDirectory(process.argv[1]); process.exit(3);`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, dir],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(3);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('withDirectoryLock', () => {
  it('releases the lock when the work succeeds and when it throws', async () => {
    const dir = fresh();
    mkdirSync(dir);
    await expect(withDirectoryLock(dir, {}, async () => 7)).resolves.toBe(7);
    expect(readdirSync(dir)).toEqual([]);
    await expect(
      withDirectoryLock(dir, {}, async () => {
        throw new InputError('bad input found while holding the lock');
      }),
    ).rejects.toThrow('bad input found');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('taking over a stale lock (two processes, interleaved by hand)', () => {
  const stale = (dir: string) => plant(dir, { pid: deadPid(), token: 'stale' });
  const me = (token: string) => holderRecord({ pid: process.pid, token });

  it('the first removes it; the second, acting on what it read before, leaves the new lock', () => {
    const dir = fresh();
    const old = stale(dir);
    expect(takeOver(lockPath(dir), old, me('first'))).toBe(true);
    expect(existsSync(lockPath(dir))).toBe(false);
    const lock = lockDirectory(dir);
    const taken = readLock(dir);
    expect(takeOver(lockPath(dir), old, me('second'))).toBe(false);
    expect(readLock(dir)).toEqual(taken);
    lock.release();
  });

  it('while another takes it over (its .break file is there), it waits its turn', () => {
    const dir = fresh();
    const old = stale(dir);
    writeFileSync(`${lockPath(dir)}.break`, '{}');
    expect(takeOver(lockPath(dir), old, me('second'))).toBe(false);
    expect(readLock(dir)).toEqual(old);
    // A .break file 11 s old was left by a process killed while taking over: it is removed.
    const past = (Date.now() - 11_000) / 1000;
    utimesSync(`${lockPath(dir)}.break`, past, past);
    expect(takeOver(lockPath(dir), old, me('second'))).toBe(false);
    expect(takeOver(lockPath(dir), old, me('second'))).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a lock gone meanwhile is not taken over twice', () => {
    const dir = fresh();
    const old = stale(dir);
    rmSync(lockPath(dir));
    expect(takeOver(lockPath(dir), old, me('second'))).toBe(false);
  });
});
