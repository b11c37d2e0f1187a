import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkVersion, killIdentity } from '../../test/support/checkpoint/kill-fixture.ts';
import { InputError } from '../errors/input-error.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  discardCheckpoint,
  loadCheckpoint,
  openCheckpoint,
  recordChunk,
  startCheckpoint,
} from './checkpoint.ts';
import { type RunIdentity, runFingerprint, runIdentity } from './run-identity.ts';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rl-objective-checkpoint-'));
  dir = join(root, 'out', 'checkpoint');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const identity = (seed: string | number = 7, chunks = 5): RunIdentity =>
  runIdentity({ kind: 'simulate', config: { scheme: 'rloo', M: 4, p: 0.3 }, seed, chunks });
const result = (index: number) => ({ first: index, last: index, mean: ['NaN', 0.25 * index] });

describe('openCheckpoint, recordChunk, loadCheckpoint', () => {
  it('finds no checkpoint where there is none', () => {
    expect(loadCheckpoint(dir, identity())).toBeUndefined();
  });

  it('records chunks and loads them back exactly, in any recording order', () => {
    const id = identity();
    const opened = openCheckpoint(dir, id);
    expect(opened.chunks.size).toBe(0);
    for (const index of [3, 0, 4]) recordChunk(dir, index, result(index));
    const loaded = loadCheckpoint(dir, id)!;
    expect(loaded.fingerprint).toBe(runFingerprint(id));
    expect(loaded.identity).toEqual(id);
    expect([...loaded.chunks.keys()]).toEqual([0, 3, 4]);
    expect(loaded.chunks.get(3)).toEqual(result(3));
    // Reopening the same run is a resume: the chunks stay.
    expect([...openCheckpoint(dir, id).chunks.keys()]).toEqual([0, 3, 4]);
  });

  it('writes one canonical file per chunk and no leftover temp file', () => {
    openCheckpoint(dir, identity());
    recordChunk(dir, 2, result(2));
    expect(readdirSync(dir).sort()).toEqual(['chunk-000002.json', 'run.json']);
    const text = readFileSync(join(dir, 'chunk-000002.json'), 'utf8');
    expect(text).toBe(
      `${canonicalJson({ fingerprint: runFingerprint(identity()), index: 2, result: result(2) })}\n`,
    );
  });

  it('replaces a chunk recorded twice (a retry) by the later result', () => {
    openCheckpoint(dir, identity());
    recordChunk(dir, 1, { v: 1 });
    recordChunk(dir, 1, { v: 2 });
    expect(loadCheckpoint(dir, identity())!.chunks.get(1)).toEqual({ v: 2 });
  });

  it.each<[string, RunIdentity, string]>([
    ['seed', identity(8), 'seed differs (checkpoint 7, this run 8)'],
    ['chunk count', identity(7, 6), 'chunks differ (checkpoint 5, this run 6)'],
    [
      'config',
      runIdentity({
        kind: 'simulate',
        config: { scheme: 'rloo', M: 8, p: 0.3 },
        seed: 7,
        chunks: 5,
      }),
      'config.M differs (checkpoint 4, this run 8)',
    ],
    [
      'version',
      { ...identity(), version: { package: '0.0.1', format: 1 } },
      `version differs (checkpoint rl-objective ${identity().version.package} format ${identity().version.format}, this run rl-objective 0.0.1 format 1)`,
    ],
  ])('refuses a checkpoint of a run with another %s, in one line', (_, other, why) => {
    openCheckpoint(dir, identity());
    recordChunk(dir, 0, result(0));
    const message = `checkpoint '${dir}' is from a different run: ${why}`;
    expect(() => loadCheckpoint(dir, other)).toThrow(new InputError(message));
    expect(() => openCheckpoint(dir, other)).toThrow(new InputError(message));
    // The refused checkpoint is left as it was.
    expect(loadCheckpoint(dir, identity())!.chunks.size).toBe(1);
  });

  it('refuses a chunk index outside the run and a directory without run.json', () => {
    openCheckpoint(dir, identity());
    expect(() => recordChunk(dir, 5, {})).toThrow(
      `checkpoint '${dir}': chunk index must be an integer in 0..4, got 5`,
    );
    expect(() => recordChunk(dir, -1, {})).toThrow(InputError);
    expect(() => recordChunk(dir, 1.5, {})).toThrow(InputError);
    expect(() => recordChunk(join(root, 'nowhere'), 0, {})).toThrow(/file not found/);
  });

  it('refuses a result that JSON would not round-trip, and records nothing', () => {
    openCheckpoint(dir, identity());
    expect(() => recordChunk(dir, 0, { mean: [Number.NaN] })).toThrow(InputError);
    expect(loadCheckpoint(dir, identity())!.chunks.size).toBe(0);
    expect(readdirSync(dir)).toEqual(['run.json']);
  });

  it('refuses corrupt files with a message naming them', () => {
    openCheckpoint(dir, identity());
    recordChunk(dir, 0, result(0));
    const chunkFile = join(dir, 'chunk-000000.json');
    writeFileSync(chunkFile, '{"fingerprint": "abc"');
    expect(() => loadCheckpoint(dir, identity())).toThrow(
      new RegExp(`^checkpoint chunk '${chunkFile}': not valid JSON`),
    );
    // A chunk file of another run, copied in by mistake.
    writeFileSync(
      chunkFile,
      canonicalJson({ fingerprint: runFingerprint(identity(9)), index: 0, result: 1 }),
    );
    expect(() => loadCheckpoint(dir, identity())).toThrow('belongs to a different run');
    // A chunk file whose index disagrees with its name.
    writeFileSync(
      chunkFile,
      canonicalJson({ fingerprint: runFingerprint(identity()), index: 1, result: 1 }),
    );
    expect(() => loadCheckpoint(dir, identity())).toThrow('does not match its name');
    // A hand-edited run.json: the identity no longer hashes to the stored fingerprint.
    rmSync(chunkFile);
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    run.identity.seed = 8;
    writeFileSync(join(dir, 'run.json'), JSON.stringify(run));
    expect(() => loadCheckpoint(dir, identity(8))).toThrow(
      `checkpoint '${join(dir, 'run.json')}': corrupt (its fingerprint is not the hash of its identity)`,
    );
  });

  it('refuses a checkpoint path that is a file', () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(() => loadCheckpoint(join(root, 'file'), identity())).toThrow('is not a directory');
  });

  it('discards only its own files', () => {
    openCheckpoint(dir, identity());
    recordChunk(dir, 1, result(1));
    writeFileSync(join(dir, '.chunk-000002.json.123.abcd.tmp'), '{"fing');
    discardCheckpoint(dir);
    expect(existsSync(dir)).toBe(false);
    openCheckpoint(dir, identity());
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    discardCheckpoint(dir);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(() => discardCheckpoint(join(root, 'nowhere'))).not.toThrow();
  });
});

describe('a kill during a write', () => {
  it('leaves a stale temp file that is ignored, and the previous state intact', () => {
    const id = identity();
    openCheckpoint(dir, id);
    recordChunk(dir, 0, result(0));
    // What a process killed between open and rename leaves behind: a torn temp file.
    const torn = `${canonicalJson({ fingerprint: runFingerprint(id), index: 1, result: result(1) })}`;
    writeFileSync(join(dir, `.chunk-000001.json.99999.deadbeef.tmp`), torn.slice(0, 20));
    writeFileSync(join(dir, `.run.json.99999.deadbeef.tmp`), '{');
    const loaded = loadCheckpoint(dir, id)!;
    expect([...loaded.chunks.keys()]).toEqual([0]);
    // The resumed run records chunk 1 normally next to the stale file.
    recordChunk(dir, 1, result(1));
    expect(loadCheckpoint(dir, id)!.chunks.get(1)).toEqual(result(1));
  });

  /**
   * Runs the kill writer (test/support/checkpoint/kill-writer.ts) up to `point`, SIGKILLs it there,
   * and says what it left: the temp files, and what a reader of chunk 3 sees.
   */
  async function killAt(
    point: 'mid-write' | 'before-rename',
    writer: 'atomic' | 'in-place' = 'atomic',
  ): Promise<{ temps: string[]; seen: 'old' | 'new' | 'torn' }> {
    const script = fileURLToPath(
      new URL('../../test/support/checkpoint/kill-writer.ts', import.meta.url),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, point, writer], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const reached = await new Promise<boolean>((resolve) => {
      child.stdout
        .setEncoding('utf8')
        .once('data', (text: string) => resolve(text === `${point}\n`));
      child.once('exit', () => resolve(false));
    });
    child.kill('SIGKILL');
    await exited;
    expect(reached, stderr).toBe(true);
    const temps = readdirSync(dir).filter((name) => name.endsWith('.tmp'));
    let seen: 'old' | 'new' | 'torn';
    try {
      const chunk = loadCheckpoint(dir, killIdentity())!.chunks.get(3);
      seen = isDeepStrictEqual(chunk, chunkVersion(3, 1))
        ? 'old'
        : isDeepStrictEqual(chunk, chunkVersion(3, 2))
          ? 'new'
          : 'torn';
    } catch {
      seen = 'torn';
    }
    return { temps, seen };
  }

  // Deterministic: the writer stops at the kill point and waits there for the SIGKILL.
  it.each(['mid-write', 'before-rename'] as const)(
    'SIGKILLed %s, it leaves its temp file, and readers see the old chunk, not a mix',
    async (point) => {
      const { temps, seen } = await killAt(point);
      expect(temps).toEqual([expect.stringMatching(/^\.chunk-000003\.json\.\d+\.[0-9a-f]+\.tmp$/)]);
      expect(seen).toBe('old');
      // The resumed run records the chunk anew beside the stale temp file.
      recordChunk(dir, 3, chunkVersion(3, 2));
      expect(loadCheckpoint(dir, killIdentity())!.chunks.get(3)).toEqual(chunkVersion(3, 2));
    },
  );

  it('the same kill fails a non-atomic writer (mutant: writes the chunk in place)', async () => {
    const { temps, seen } = await killAt('mid-write', 'in-place');
    expect(temps).toEqual([]);
    expect(seen).toBe('torn');
  });
});

const startIdentity = (seed = 7) =>
  runIdentity({ kind: 'simulate', config: { groups: 10 }, seed, chunks: 4 });

describe('startCheckpoint', () => {
  beforeEach(() => {
    dir = join(root, 'checkpoint');
  });

  it('--resume without a checkpoint starts afresh', () => {
    const started = startCheckpoint(dir, startIdentity(), true);
    expect(started.chunks.size).toBe(0);
    expect(existsSync(join(dir, 'run.json'))).toBe(true);
  });

  it('--resume continues from the completed chunks', () => {
    openCheckpoint(dir, startIdentity());
    recordChunk(dir, 2, { v: 2 });
    expect([...startCheckpoint(dir, startIdentity(), true).chunks]).toEqual([[2, { v: 2 }]]);
  });

  it('a fresh run reuses a checkpoint with no chunk, and refuses one with chunks, naming --resume', () => {
    openCheckpoint(dir, startIdentity());
    expect(startCheckpoint(dir, startIdentity(), false).chunks.size).toBe(0);
    recordChunk(dir, 1, { v: 1 });
    expect(() => startCheckpoint(dir, startIdentity(), false)).toThrow(
      `checkpoint '${dir}' already holds 1 of 4 chunks of this run: add --resume to continue it, or delete '${dir}' to start over`,
    );
  });

  it.each([true, false])('refuses a checkpoint of another run (resume %s)', (resume) => {
    openCheckpoint(dir, startIdentity(7));
    expect(() => startCheckpoint(dir, startIdentity(8), resume)).toThrow(
      `checkpoint '${dir}' is from a different run: seed differs (checkpoint 7, this run 8)`,
    );
  });
});
