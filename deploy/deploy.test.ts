// Shape checks of the cluster deployments (issue 7): no cluster is needed. The Kubernetes
// manifests are read as text (the fields checked are written as JSON-compatible YAML: flow
// arrays of double-quoted strings and plain scalars, so no YAML parser is needed), and the
// Kubernetes `$(VAR)` expansion is reproduced. The Slurm and kubectl scripts are executed with
// fake `npx`, `sbatch` and `kubectl` on PATH that record their argv.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShard, shardChunks } from '../src/checkpoint/shard.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const read = (path: string) => readFileSync(join(here, path), 'utf8');
const fake = mkdtempSync(join(tmpdir(), 'rl-objective-deploy-'));
afterAll(() => rmSync(fake, { recursive: true, force: true }));

/** The one value of `key:` in a YAML document (plain scalar or JSON flow array), unquoted. */
function field(doc: string, key: string): string {
  const matches = [...doc.matchAll(new RegExp(`^\\s*-?\\s*${key}:\\s*(.+?)\\s*$`, 'gm'))];
  expect(matches, `exactly one '${key}:'`).toHaveLength(1);
  return matches[0]![1]!.replace(/^"(.*)"$/, '$1');
}

/**
 * A `key: ["a", "b"]` flow array of double-quoted strings, on one line or (as Biome formats it)
 * over several lines with a trailing comma: JSON once the trailing comma is dropped.
 */
function flowArray(doc: string, key: string): string[] {
  const matches = [...doc.matchAll(new RegExp(`^\\s*${key}:\\s*(\\[[^\\]]*\\])`, 'gm'))];
  expect(matches, `exactly one '${key}: [...]'`).toHaveLength(1);
  return JSON.parse(matches[0]![1]!.replace(/,\s*\]$/, ']')) as string[];
}

/** Kubernetes' `$(VAR)` expansion of command and args from the container's env. */
function expand(args: readonly string[], env: Record<string, string>): string[] {
  return args.map((a) =>
    a.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (_, v) => env[v] ?? `$(${v})`),
  );
}

/** The value of `--flag` in an argv. */
function flag(argv: readonly string[], name: string): string | undefined {
  const k = argv.indexOf(name);
  return k < 0 ? undefined : argv[k + 1];
}

/** Installs a fake command that appends its argv (one JSON array per line) to a log. */
function fakeCommand(name: string, stdout = ''): string {
  const log = join(fake, `${name}.log`);
  const script = join(fake, name);
  writeFileSync(
    script,
    `#!/usr/bin/env bash\nnode -e 'process.stdout.write(JSON.stringify(process.argv.slice(1))+"\\n")' -- "$@" >> '${log}'\nprintf '%s' "${stdout}"\n`,
  );
  chmodSync(script, 0o755);
  writeFileSync(log, '');
  return log;
}

function calls(log: string): string[][] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as string[]);
}

function runScript(path: string, env: Record<string, string>, args: string[] = []): void {
  execFileSync('bash', [join(here, path), ...args], {
    env: { ...process.env, PATH: `${fake}:${process.env.PATH}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Checks that the argv of every shard and of the merge fit together: n, seed, parts. */
function checkRun(shardArgv: readonly (readonly string[])[], mergeArgv: readonly string[]): void {
  const n = shardArgv.length;
  const seeds = new Set(shardArgv.map((argv) => flag(argv, '--seed')));
  expect(seeds.size, 'one seed for every shard').toBe(1);
  expect([...seeds][0]).toMatch(/^\d+$/);
  shardArgv.forEach((argv, k) => {
    expect(argv.slice(0, 2)).toEqual(['rl-objective', 'verify']);
    // A retried pod or requeued task continues from its checkpoint (a fresh start without one).
    expect(argv, 'shards resume').toContain('--resume');
    expect(parseShard(flag(argv, '--shard')!), `shard of index ${k}`).toEqual({ i: k, n });
  });
  // The shards partition the chunks of any run.
  const covered = shardArgv.flatMap((argv) => {
    const { i } = parseShard(flag(argv, '--shard')!);
    return shardChunks(100, i, n);
  });
  expect(covered.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, k) => k));
  // The merge reads exactly the part every shard wrote, once each, and writes elsewhere.
  expect(mergeArgv.slice(0, 2)).toEqual(['rl-objective', 'merge']);
  const out = flag(mergeArgv, '--out')!;
  const parts = mergeArgv.slice(2).filter((a, k, all) => a !== '--out' && all[k - 1] !== '--out');
  expect(parts).toEqual(shardArgv.map((argv) => flag(argv, '--out')));
  expect(new Set(parts).size).toBe(n);
  expect(parts).not.toContain(out);
}

describe('Kubernetes Indexed Job', () => {
  const shards = read('kubernetes/verify-shards.yaml');
  const merge = read('kubernetes/merge.yaml');
  const n = Number(field(shards, 'completions'));

  it('is an Indexed Job of n completions with parallelism at most n', () => {
    expect(field(shards, 'kind')).toBe('Job');
    expect(field(shards, 'completionMode')).toBe('Indexed');
    expect(n).toBeGreaterThanOrEqual(2);
    const parallelism = Number(field(shards, 'parallelism'));
    expect(parallelism).toBeGreaterThanOrEqual(1);
    expect(parallelism).toBeLessThanOrEqual(n);
    expect(field(shards, 'restartPolicy')).toBe('Never');
  });

  it('maps JOB_COMPLETION_INDEX to --shard i/n and the merge runs over every part', () => {
    expect(shards).toMatch(
      /- name: JOB_COMPLETION_INDEX\s+valueFrom:\s+fieldRef:\s+fieldPath: metadata\.annotations\['batch\.kubernetes\.io\/job-completion-index'\]/,
    );
    const argvOf = (doc: string, env: Record<string, string>) =>
      expand([...flowArray(doc, 'command'), ...flowArray(doc, 'args')], env).slice(1);
    const shardArgv = Array.from({ length: n }, (_, k) =>
      argvOf(shards, { JOB_COMPLETION_INDEX: String(k) }),
    );
    expect(flag(shardArgv[2]!, '--shard')).toBe(`2/${n}`);
    expect(flag(shardArgv[2]!, '--out')).toBe('/out/part-2');
    checkRun(shardArgv, argvOf(merge, {}));
  });

  it('shards and merge share one image and one ReadWriteMany volume mounted at /out', () => {
    const volume = read('kubernetes/volume.yaml');
    expect(field(volume, 'accessModes')).toBe('["ReadWriteMany"]');
    for (const doc of [shards, merge]) {
      expect(field(doc, 'claimName')).toBe(field(volume, 'name'));
      expect(field(doc, 'mountPath')).toBe('/out');
      expect(field(doc, 'image')).toBe(field(shards, 'image'));
    }
  });

  it('run.sh applies the merge only after the shard Job completed, and stops if it failed', () => {
    const kubectl = fakeCommand('kubectl', 'Complete');
    runScript('kubernetes/run.sh', {}, ['0']);
    const seen = calls(kubectl).map((argv) => argv.slice(0, 3).join(' '));
    const file = (name: string) => `apply -f ${join(here, 'kubernetes', name)}`;
    expect(seen).toEqual([
      file('volume.yaml'),
      file('verify-shards.yaml'),
      'get job/rl-objective-verify -o',
      file('merge.yaml'),
      'get job/rl-objective-merge -o',
      'logs job/rl-objective-merge',
    ]);
    const failing = fakeCommand('kubectl', 'Failed');
    expect(() => runScript('kubernetes/run.sh', {}, ['0'])).toThrow(
      /job rl-objective-verify failed/,
    );
    expect(
      calls(failing).some((argv) => argv.includes(join(here, 'kubernetes', 'merge.yaml'))),
    ).toBe(false);
  });
});

describe('Slurm job array', () => {
  const array = read('slurm/verify-array.sbatch');
  const mergeScript = read('slurm/merge.sbatch');
  const range = /^#SBATCH --array=0-(\d+)$/m.exec(array);
  const n = Number(range?.[1]) + 1;

  it('has an array 0..n-1 and the same n in both scripts', () => {
    expect(range).not.toBeNull();
    expect(/^SHARDS=(\d+)$/m.exec(array)?.[1]).toBe(String(n));
    expect(/^SHARDS=(\d+)$/m.exec(mergeScript)?.[1]).toBe(String(n));
  });

  it('maps SLURM_ARRAY_TASK_ID to --shard i/n and the merge runs over every part', () => {
    const npx = fakeCommand('npx');
    const out = join(fake, 'out');
    for (let k = 0; k < n; k++) {
      runScript('slurm/verify-array.sbatch', {
        SLURM_ARRAY_TASK_ID: String(k),
        RL_OBJECTIVE_OUT: out,
      });
    }
    const shardArgv = calls(npx);
    expect(shardArgv).toHaveLength(n);
    expect(flag(shardArgv[1]!, '--shard')).toBe(`1/${n}`);
    writeFileSync(npx, '');
    runScript('slurm/merge.sbatch', { RL_OBJECTIVE_OUT: out });
    const [mergeArgv] = calls(npx);
    checkRun(shardArgv, mergeArgv!);
  });

  it('submit.sh queues the merge with --dependency=afterok on the whole array', () => {
    const sbatch = fakeCommand('sbatch', '4242;cluster');
    runScript('slurm/submit.sh', {});
    const [first, second] = calls(sbatch);
    expect(first).toEqual(['--parsable', join(here, 'slurm', 'verify-array.sbatch')]);
    expect(second).toEqual([
      '--parsable',
      '--dependency=afterok:4242',
      join(here, 'slurm', 'merge.sbatch'),
    ]);
  });

  it('Kubernetes and Slurm run the same verification', () => {
    const k8s = flowArray(read('kubernetes/verify-shards.yaml'), 'args');
    const slurmLine = array.slice(array.indexOf('npx rl-objective verify'));
    expect(slurmLine).toContain(`--seed "$SEED"`);
    expect(/^SEED=(\d+)$/m.exec(array)?.[1]).toBe(flag(k8s, '--seed'));
    expect(slurmLine.includes('--full')).toBe(k8s.includes('--full'));
  });
});

describe('the shape checks can fail', () => {
  const good = (k: number, n: number, seed = '1') => [
    'rl-objective',
    'verify',
    '--seed',
    seed,
    '--shard',
    `${k}/${n}`,
    '--out',
    `/out/part-${k}`,
    '--resume',
  ];
  const merge = (n: number) => [
    'rl-objective',
    'merge',
    ...Array.from({ length: n }, (_, k) => `/out/part-${k}`),
    '--out',
    '/out/report',
  ];

  it('accepts a consistent run', () => {
    expect(() => checkRun([good(0, 3), good(1, 3), good(2, 3)], merge(3))).not.toThrow();
  });

  it.each<[string, string[][], string[]]>([
    ['a denominator other than the count', [good(0, 4), good(1, 4), good(2, 4)], merge(3)],
    ['two seeds', [good(0, 3), good(1, 3, '2'), good(2, 3)], merge(3)],
    ['an index mapped to the wrong shard', [good(0, 3), good(2, 3), good(1, 3)], merge(3)],
    ['a merge missing a part', [good(0, 3), good(1, 3), good(2, 3)], merge(2)],
    ['a shard that would start over', [good(0, 2), good(1, 2).slice(0, -1)], merge(2)],
    [
      'a merge writing over a part',
      [good(0, 2), good(1, 2)],
      [...merge(2).slice(0, -1), '/out/part-1'],
    ],
  ])('rejects %s', (_, shardArgv, mergeArgv) => {
    expect(() => checkRun(shardArgv, mergeArgv)).toThrow();
  });
});
