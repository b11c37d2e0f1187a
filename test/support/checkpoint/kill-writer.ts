// A child process for the kill-during-write tests: records chunk 3 of the checkpoint in
// directory argv[2] (version 1), then records it again (version 2) and stops for good at the
// kill point argv[3], after writing its name on stdout, so that the test's SIGKILL lands there
// every time:
// - `mid-write`: half of the new JSON is written (to the temp file, for the real writer);
// - `before-rename`: the temp file is written and synced, the rename not done.
// With argv[4] = `in-place`, writeJsonAtomic is turned into a non-atomic writer (the mutant): its
// temp file is opened as the target itself, truncated, and the rename is skipped.
// The file system calls are intercepted through node:module's syncBuiltinESMExports, so the
// library's own code runs unchanged.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { chunkVersion, killIdentity } from './kill-fixture.ts';

type Fs = typeof import('node:fs');
const fs: Fs = createRequire(import.meta.url)('node:fs');
const [dir, point, writer] = process.argv.slice(2) as [
  string,
  'mid-write' | 'before-rename',
  string,
];
const original = {
  openSync: fs.openSync,
  writeFileSync: fs.writeFileSync,
  renameSync: fs.renameSync,
};
let armed = false;

/** Tells the test that the kill point is reached, then waits to be killed. */
function stop(): never {
  fs.writeSync(1, `${point}\n`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/** `.NAME.PID.RANDOM.tmp` (writeJsonAtomic's temp file) to `NAME`, in the same directory. */
const target = (temp: string) => temp.replace(/\/\.([^/]+)\.\d+\.[0-9a-f]+\.tmp$/, '/$1');

fs.openSync = ((path: string, flags: string, mode?: number) =>
  armed && writer === 'in-place' && path.endsWith('.tmp')
    ? original.openSync(target(path), 'w', mode)
    : original.openSync(path, flags, mode)) as Fs['openSync'];
fs.writeFileSync = ((file: number | string, data: string, ...rest: []) => {
  if (!armed || point !== 'mid-write' || typeof file !== 'number') {
    return original.writeFileSync(file, data, ...rest);
  }
  original.writeFileSync(file, data.slice(0, data.length / 2));
  stop();
}) as Fs['writeFileSync'];
fs.renameSync = ((from: string, to: string) => {
  if (armed && point === 'before-rename') stop();
  if (armed && writer === 'in-place') return;
  original.renameSync(from, to);
}) as Fs['renameSync'];
syncBuiltinESMExports();

// Imported after the interception, so that the library binds the intercepted functions.
const { openCheckpoint, recordChunk } = await import('../../../src/checkpoint/checkpoint.ts');
openCheckpoint(dir, killIdentity());
recordChunk(dir, 3, chunkVersion(3, 1));
armed = true;
recordChunk(dir, 3, chunkVersion(3, 2));
