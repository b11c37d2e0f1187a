// Shape checks of the cluster deployments: no cluster is needed. The Kubernetes manifests are
// parsed as YAML and Kubernetes' `$(VAR)` expansion is reproduced from their env entries; the
// Slurm and kubectl scripts are executed with fake `node`, `sbatch` and `kubectl` on PATH that
// record their argv, their pid, their working directory and the variables passed on. The
// manifests' validity against the Kubernetes API schema is kubernetes/schema.test.ts.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseShard, shardChunks } from '../src/checkpoint/index.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const checkout = dirname(here.replace(/\/$/, ''));
const read = (path: string) => readFileSync(join(here, path), 'utf8');
const fake = mkdtempSync(join(tmpdir(), 'rl-objective-deploy-'));
afterAll(() => rmSync(fake, { recursive: true, force: true }));

interface Container {
  command: string[];
  args: string[];
  image: string;
  env?: { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } }[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface JobManifest {
  kind: string;
  spec: {
    completionMode?: string;
    completions: number;
    parallelism?: number;
    podReplacementPolicy?: string;
    template: {
      spec: {
        restartPolicy: string;
        containers: Container[];
        volumes: { name: string; persistentVolumeClaim: { claimName: string } }[];
      };
    };
  };
}
const manifest = (path: string) => parse(read(path)) as JobManifest;
const container = (job: JobManifest) => job.spec.template.spec.containers[0]!;
/** The plain `value:` env entries of a container. */
const envValues = (c: Container) =>
  Object.fromEntries(
    (c.env ?? []).flatMap((e) => (e.value === undefined ? [] : [[e.name, e.value]])),
  );

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

/** What a fake command saw: its argv, pid, working directory and the variables passed on. */
interface Call {
  argv: string[];
  pid: number;
  cwd: string;
  budget: string | null;
  out: string | null;
  stdin?: string;
}

/**
 * Installs a fake command that appends what it saw (one JSON line) to a log and prints
 * `stdout`. It runs the real node by its absolute path, so that it can stand in for `node`.
 */
function fakeCommand(name: string, stdout = ''): string {
  const log = join(fake, `${name}.log`);
  const script = join(fake, name);
  const record = `process.stdout.write(JSON.stringify({argv: process.argv.slice(1), pid: Number(process.env.FAKE_PID), cwd: process.cwd(), budget: process.env.RL_OBJECTIVE_BUDGET ?? null, out: process.env.RL_OBJECTIVE_OUT ?? null, ...(process.argv.includes("-") ? {stdin: require("fs").readFileSync(0, "utf8")} : {})}) + "\\n")`;
  writeFileSync(
    script,
    `#!/usr/bin/env bash\nFAKE_PID=$$ '${process.execPath}' -e '${record}' -- "$@" >> '${log}'\nprintf '%s' "${stdout}"\n`,
  );
  chmodSync(script, 0o755);
  writeFileSync(log, '');
  return log;
}

function calls(log: string): Call[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Call);
}

/** Runs a script with the fakes first on PATH; its pid, status and stderr. */
function runScript(
  path: string,
  env: Record<string, string | undefined>,
  args: string[] = [],
  cwd = checkout,
): { pid: number; status: number | null; stderr: string } {
  const run = spawnSync('bash', [join(here, path), ...args], {
    cwd,
    env: { ...process.env, PATH: `${fake}:${process.env.PATH}`, ...env },
    encoding: 'utf8',
  });
  return { pid: run.pid, status: run.status, stderr: run.stderr };
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

/** The Dockerfile's ENTRYPOINT, an exec-form JSON array. */
const entrypoint = () =>
  JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(read('Dockerfile'))![1]!) as string[];

describe('the recipes run the CLI as their own process', () => {
  it('the image and the manifests run `node BIN`, no npx or npm exec, no shell', () => {
    const [node, bin] = entrypoint();
    expect(node).toBe('node');
    expect(bin).toMatch(/\/bin\/rl-objective\.js$/);
    for (const path of ['kubernetes/verify-shards.yaml', 'kubernetes/merge.yaml']) {
      expect(container(manifest(path)).command, path).toEqual(entrypoint());
    }
    for (const path of [
      'Dockerfile',
      'kubernetes/verify-shards.yaml',
      'kubernetes/merge.yaml',
      'slurm/verify-array.sbatch',
      'slurm/merge.sbatch',
    ]) {
      const code = read(path)
        .split('\n')
        .filter((line) => !/^\s*#(?!SBATCH)/.test(line));
      expect(
        code.filter((line) => /\bnpx\b|\bnpm (exec|run|start)\b/.test(line)),
        path,
      ).toEqual([]);
    }
  });
});

describe('Kubernetes Indexed Job', () => {
  const shards = manifest('kubernetes/verify-shards.yaml');
  const merge = manifest('kubernetes/merge.yaml');
  const n = shards.spec.completions;
  /** What pod k runs, as `rl-objective ...` (the command's node and bin dropped). */
  const argvOf = (job: JobManifest, env: Record<string, string>) => {
    const c = container(job);
    return ['rl-objective', ...expand(c.args, { ...envValues(c), ...env })];
  };

  it('is an Indexed Job of n completions with parallelism at most n', () => {
    expect(shards.kind).toBe('Job');
    expect(shards.spec.completionMode).toBe('Indexed');
    expect(n).toBeGreaterThanOrEqual(2);
    expect(shards.spec.parallelism).toBeGreaterThanOrEqual(1);
    expect(shards.spec.parallelism).toBeLessThanOrEqual(n);
    expect(shards.spec.template.spec.restartPolicy).toBe('Never');
    // A replacement pod starts only once the pod it replaces has stopped writing.
    expect(shards.spec.podReplacementPolicy).toBe('Failed');
  });

  it('maps JOB_COMPLETION_INDEX to --shard i/n and the merge runs over every part', () => {
    const index = container(shards).env!.find((e) => e.name === 'JOB_COMPLETION_INDEX');
    expect(index?.valueFrom?.fieldRef?.fieldPath).toBe(
      "metadata.annotations['batch.kubernetes.io/job-completion-index']",
    );
    const shardArgv = Array.from({ length: n }, (_, k) =>
      argvOf(shards, { JOB_COMPLETION_INDEX: String(k) }),
    );
    expect(flag(shardArgv[2]!, '--shard')).toBe(`2/${n}`);
    expect(flag(shardArgv[2]!, '--out')).toBe('/out/part-2');
    checkRun(shardArgv, argvOf(merge, {}));
  });

  it('RL_OBJECTIVE_BUDGET (default full) is the budget; RL_OBJECTIVE_OUT is the volume', () => {
    const env = envValues(container(shards));
    expect(env.RL_OBJECTIVE_BUDGET).toBe('full');
    expect(flag(argvOf(shards, { JOB_COMPLETION_INDEX: '0' }), '--budget')).toBe('full');
    expect(flag(argvOf(shards, { RL_OBJECTIVE_BUDGET: 'quick' }), '--budget')).toBe('quick');
    for (const job of [shards, merge]) {
      expect(envValues(container(job)).RL_OBJECTIVE_OUT).toBe(
        container(job).volumeMounts[0]!.mountPath,
      );
    }
  });

  it('shards and merge share one image and one ReadWriteMany volume mounted at /out', () => {
    const volume = parse(read('kubernetes/volume.yaml'));
    expect(volume.spec.accessModes).toEqual(['ReadWriteMany']);
    for (const job of [shards, merge]) {
      expect(job.spec.template.spec.volumes[0]!.persistentVolumeClaim.claimName).toBe(
        volume.metadata.name,
      );
      expect(container(job).volumeMounts[0]!.mountPath).toBe('/out');
      expect(container(job).image).toBe(container(shards).image);
    }
  });

  it('run.sh applies the merge only after the shard Job completed, with the budget passed on', () => {
    const kubectl = fakeCommand('kubectl', 'Complete');
    expect(runScript('kubernetes/run.sh', { RL_OBJECTIVE_BUDGET: 'quick' }, ['0']).status).toBe(0);
    const seen = calls(kubectl);
    const file = (name: string) => `apply -f ${join(here, 'kubernetes', name)}`;
    expect(seen.map(({ argv }) => argv.slice(0, 3).join(' '))).toEqual([
      file('volume.yaml'),
      'apply -f -',
      'get job/rl-objective-verify -o',
      file('merge.yaml'),
      'get job/rl-objective-merge -o',
      'logs job/rl-objective-merge',
    ]);
    const applied = parse(seen[1]!.stdin!) as JobManifest;
    expect(envValues(container(applied)).RL_OBJECTIVE_BUDGET).toBe('quick');
    // Only the budget's value changed.
    const expected = structuredClone(shards);
    container(expected).env!.find((e) => e.name === 'RL_OBJECTIVE_BUDGET')!.value = 'quick';
    expect(applied).toEqual(expected);
  });

  it('run.sh stops if the shard Job failed, and refuses an unknown budget', () => {
    const failing = fakeCommand('kubectl', 'Failed');
    const run = runScript('kubernetes/run.sh', {}, ['0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/job rl-objective-verify failed/);
    expect(
      calls(failing).some(({ argv }) => argv.includes(join(here, 'kubernetes', 'merge.yaml'))),
    ).toBe(false);
    const bad = runScript('kubernetes/run.sh', { RL_OBJECTIVE_BUDGET: 'fast' }, ['0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "run.sh: RL_OBJECTIVE_BUDGET must be quick, default or full, got 'fast'\n",
    );
  });
});

describe('Slurm job array', () => {
  const array = read('slurm/verify-array.sbatch');
  const mergeScript = read('slurm/merge.sbatch');
  const range = /^#SBATCH --array=0-(\d+)$/m.exec(array);
  const n = Number(range?.[1]) + 1;
  const bin = join(checkout, 'bin', 'rl-objective.js');
  /** The batch scripts as Slurm runs them: from the spool, with the submit directory set. */
  const task = (k: number, env: Record<string, string | undefined> = {}) =>
    runScript(
      'slurm/verify-array.sbatch',
      {
        SLURM_SUBMIT_DIR: checkout,
        SLURM_ARRAY_TASK_ID: String(k),
        SLURM_CPUS_PER_TASK: '2',
        ...env,
      },
      [],
      fake,
    );

  it('has an array 0..n-1 and the same n in both scripts', () => {
    expect(range).not.toBeNull();
    expect(/^SHARDS=(\d+)$/m.exec(array)?.[1]).toBe(String(n));
    expect(/^SHARDS=(\d+)$/m.exec(mergeScript)?.[1]).toBe(String(n));
  });

  it('maps SLURM_ARRAY_TASK_ID to --shard i/n and the merge runs over every part', () => {
    const node = fakeCommand('node');
    const out = join(fake, 'out');
    for (let k = 0; k < n; k++) expect(task(k, { RL_OBJECTIVE_OUT: out }).status).toBe(0);
    const shardCalls = calls(node);
    expect(shardCalls).toHaveLength(n);
    // The CLI of the checkout the job was submitted from, whatever the job's directory.
    for (const call of shardCalls) expect(call.argv[0]).toBe(bin);
    const shardArgv = shardCalls.map(({ argv }) => ['rl-objective', ...argv.slice(1)]);
    expect(flag(shardArgv[1]!, '--shard')).toBe(`1/${n}`);
    expect(flag(shardArgv[1]!, '--threads')).toBe('2');
    writeFileSync(node, '');
    const merged = runScript(
      'slurm/merge.sbatch',
      { SLURM_SUBMIT_DIR: checkout, RL_OBJECTIVE_OUT: out },
      [],
      fake,
    );
    expect(merged.status).toBe(0);
    const [mergeCall] = calls(node);
    expect(mergeCall!.argv[0]).toBe(bin);
    checkRun(shardArgv, ['rl-objective', ...mergeCall!.argv.slice(1)]);
  });

  it('the batch shell execs the CLI: the task is one process, which scancel signals', () => {
    const node = fakeCommand('node');
    const shard = task(0, { RL_OBJECTIVE_OUT: join(fake, 'out') });
    const merged = runScript('slurm/merge.sbatch', { SLURM_SUBMIT_DIR: checkout }, [], fake);
    const [shardCall, mergeCall] = calls(node);
    expect(shardCall!.pid).toBe(shard.pid);
    expect(mergeCall!.pid).toBe(merged.pid);
  });

  it('RL_OBJECTIVE_BUDGET (default full) sets the budget; RL_OBJECTIVE_OUT the parts', () => {
    const node = fakeCommand('node');
    task(0, { RL_OBJECTIVE_BUDGET: undefined, RL_OBJECTIVE_OUT: undefined });
    task(0, { RL_OBJECTIVE_BUDGET: 'quick', RL_OBJECTIVE_OUT: '/scratch/run-1' });
    const [byDefault, quick] = calls(node);
    expect(flag(byDefault!.argv, '--budget')).toBe('full');
    expect(flag(byDefault!.argv, '--out')).toBe(join(checkout, 'rl-objective-out', 'part-0'));
    expect(flag(quick!.argv, '--budget')).toBe('quick');
    expect(flag(quick!.argv, '--out')).toBe('/scratch/run-1/part-0');
  });

  it('a batch script not submitted from a checkout stops with one line, exit 2', () => {
    fakeCommand('node');
    const elsewhere = join(fake, 'not-a-checkout');
    mkdirSync(elsewhere, { recursive: true });
    const run = task(0, { SLURM_SUBMIT_DIR: elsewhere });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `verify-array.sbatch: ${elsewhere}/bin/rl-objective.js not found: submit from the repository checkout\n`,
    );
  });

  it('submit.sh submits from the checkout, passes budget and output on, and queues the merge afterok', () => {
    const sbatch = fakeCommand('sbatch', '4242;cluster');
    const elsewhere = join(fake, 'cwd');
    mkdirSync(elsewhere, { recursive: true });
    const run = runScript(
      'slurm/submit.sh',
      { RL_OBJECTIVE_BUDGET: 'quick', RL_OBJECTIVE_OUT: 'out/slurm' },
      ['--partition=debug'],
      elsewhere,
    );
    expect(run.status, run.stderr).toBe(0);
    const out = join(elsewhere, 'out', 'slurm');
    const [first, second] = calls(sbatch);
    expect(first!.argv).toEqual([
      '--parsable',
      '--export=ALL',
      `--output=${out}/logs/verify-%A_%a.log`,
      '--partition=debug',
      join(here, 'slurm', 'verify-array.sbatch'),
    ]);
    expect(second!.argv).toEqual([
      '--parsable',
      '--export=ALL',
      `--output=${out}/logs/merge-%j.log`,
      '--dependency=afterok:4242',
      '--partition=debug',
      join(here, 'slurm', 'merge.sbatch'),
    ]);
    for (const call of [first!, second!]) {
      expect(call.cwd).toBe(checkout); // becomes $SLURM_SUBMIT_DIR
      expect(call.budget).toBe('quick');
      expect(call.out).toBe(out);
    }
    // Unset, the budget is full and the output goes into the checkout (made for the logs).
    const defaultOut = join(checkout, 'rl-objective-out');
    const existed = existsSync(defaultOut);
    const byDefault = fakeCommand('sbatch', '7');
    runScript('slurm/submit.sh', { RL_OBJECTIVE_BUDGET: undefined, RL_OBJECTIVE_OUT: undefined });
    if (!existed) rmSync(defaultOut, { recursive: true, force: true });
    expect(calls(byDefault)[0]).toMatchObject({ budget: 'full', out: defaultOut });
  });

  it('submit.sh refuses an unknown budget before submitting anything', () => {
    const sbatch = fakeCommand('sbatch', '1');
    const run = runScript('slurm/submit.sh', { RL_OBJECTIVE_BUDGET: 'fast' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "submit.sh: RL_OBJECTIVE_BUDGET must be quick, default or full, got 'fast'\n",
    );
    expect(calls(sbatch)).toEqual([]);
  });

  it('Kubernetes and Slurm run the same verification', () => {
    const k8s = container(manifest('kubernetes/verify-shards.yaml'));
    const node = fakeCommand('node');
    task(0, { RL_OBJECTIVE_BUDGET: undefined });
    const [slurm] = calls(node);
    const pod = expand(k8s.args, { ...envValues(k8s), JOB_COMPLETION_INDEX: '0' });
    for (const name of ['--seed', '--budget', '--shard']) {
      expect(flag(slurm!.argv, name), name).toBe(flag(pod, name));
    }
    expect(slurm!.argv).toContain('--resume');
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
