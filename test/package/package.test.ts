// The package as its users get it: `npm pack`, then `npm install` of the tarball into a fresh
// project, where plain Node imports it, a strict NodeNext TypeScript project typechecks against its
// declarations, the documented vitest examples pass, and the installed `rl-objective` runs. `npm
// pack` builds dist/ afresh (`prepare`), so nothing here can see a stale build. Deterministic: no
// Monte Carlo verdict is asserted, only bits compared between runs; false-fail rate 0. Run by
// `npm run test:package` (CI's .ci/run): it installs from the npm registry, so it is kept out of
// the offline `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The version of a development dependency as installed here, so the consumer gets the same. */
const installed = (name: string) =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string })
    .version;

/** The fenced code blocks of a Markdown file with the given info string. */
function codeBlocks(file: string, language: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map(
    (match) => match[1]!,
  );
}

/** The documented vitest examples: blocks that import both vitest and this package. */
const vitestExamples = ['README.md', 'docs/audit.md'].flatMap((file) =>
  codeBlocks(file, 'ts')
    .filter((code) => code.includes("from 'vitest'") && code.includes("from 'rl-objective'"))
    .map((code, i) => ({ name: `${file.replace(/\W/g, '-')}-${i}.test.ts`, code })),
);

/** The version of a package as installed in the consumer project. */
const installedHere = (name: string) =>
  (
    JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

let scratch = '';
let project = '';
let tarball = '';

function run(command: string, args: readonly string[], cwd = project) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rl-objective-package-'));
  project = join(scratch, 'consumer');
  mkdirSync(project);
  const packed = execFileSync(npm, ['pack', '--json', '--pack-destination', scratch], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  tarball = join(scratch, (JSON.parse(packed) as [{ filename: string }])[0].filename);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  execFileSync(
    npm,
    [
      ...['install', '--no-audit', '--no-fund', '--prefer-offline', tarball],
      `vitest@${installed('vitest')}`,
      `typescript@${installed('typescript')}`,
      `@types/node@${installed('@types/node')}`,
    ],
    { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships compiled code, declarations and docs only', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    const shipped = files.map((file) => file.replace(/^package\//, ''));
    expect(shipped).toContain('dist/bundle/index.js'); // the package root, bundled
    expect(shipped).toContain('dist/src/index.d.ts');
    expect(shipped).toContain('dist/src/estimators/chunk-task.js'); // the worker entry, compiled
    expect(shipped).toContain('dist/bundle/workers/chunk-task.js'); // and bundled, which runs
    expect(shipped).toContain('bin/rl-objective.js');
    expect(shipped).toContain('dist/src/audit/python-bridge.py'); // the shim audit --python runs
    expect(shipped).toContain('README.md');
    expect(shipped).toContain('LICENSE');
    const unwanted = shipped.filter(
      (file) =>
        /\.test\.|\.bench\.|(^|\/)(bench|properties|scripts|fixtures|test|testing|test-support)\//.test(
          file,
        ) ||
        (file.endsWith('.ts') && !file.endsWith('.d.ts')),
    );
    expect(unwanted).toEqual([]);
  });
});

describe('the installed package', () => {
  it('imports from plain Node and computes h_M (REINFORCE at M = 2 is h(t) = t)', () => {
    const check = run(process.execPath, [
      '--input-type=module',
      '-e',
      "import { h } from 'rl-objective'; console.log(h([1, 1], 0.5))",
    ]);
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe('0.5\n');
  });

  it('imports the bundled root: the names of the compiled index, its own files few, workers found', () => {
    // Lists every file of the installed package that Node loads for `import { h }`, then checks
    // that the bundle offers what the compiled dist/src/index.js does and that a simulation on
    // two threads, whose workers the bundle finds beside the compiled modules, gives the bits of
    // one thread.
    writeFileSync(
      join(project, 'list-loads.mjs'),
      [
        "import { register } from 'node:module';",
        'register(`data:text/javascript,export async function load(url, context, next) {',
        "  if (url.includes('/node_modules/rl-objective/')) console.error(url);",
        '  return next(url, context);',
        '}`);',
        '',
      ].join('\n'),
    );
    const loads = run(process.execPath, [
      '--import',
      './list-loads.mjs',
      '--input-type=module',
      '-e',
      "import { h } from 'rl-objective'; console.log(h([1, 1], 0.5))",
    ]);
    expect(loads.stdout).toBe('0.5\n');
    const own = loads.stderr.trim().split('\n');
    expect(own.every((url) => url.includes('/rl-objective/dist/bundle/'))).toBe(true);
    expect(own.length).toBeLessThanOrEqual(12);
    writeFileSync(
      join(project, 'bundle.mjs'),
      [
        "import * as bundled from 'rl-objective';",
        "const compiled = await import('./node_modules/rl-objective/dist/src/index.js');",
        'const names = (api) => Object.keys(api).sort().join(" ");',
        'if (names(bundled) !== names(compiled)) throw new Error("the bundle exports other names");',
        "const input = { scheme: 'grpo', M: 8, policy: 'bernoulli:p=0.3', groups: 40000, chunkGroups: 10000 };",
        'const estimate = async (threads) => {',
        '  const pool = bundled.createSimulationPool(threads);',
        '  try {',
        '    return JSON.stringify((await bundled.simulate({ ...input, pool })).estimate);',
        '  } finally {',
        '    await pool.destroy();',
        '  }',
        '};',
        'console.log((await estimate(1)) === (await estimate(2)));',
        '',
      ].join('\n'),
    );
    const bundle = run(process.execPath, ['bundle.mjs']);
    expect(bundle.stderr).toBe('');
    expect(bundle.stdout).toBe('true\n');
  });

  it("runs README's plain-Node example and prints what its comment says", () => {
    const [example] = codeBlocks('README.md', 'js').filter((code) =>
      code.includes("from 'rl-objective'"),
    );
    expect(example).toBeDefined();
    writeFileSync(join(project, 'check.mjs'), example!);
    const check = run(process.execPath, ['check.mjs']);
    expect(check.stderr).toBe('');
    const promised = /console\.log\(.*\); \/\/ (.*)$/m.exec(example!)?.[1];
    expect(check.stdout.trim()).toBe(promised);
  });

  it('typechecks a strict NodeNext TypeScript consumer against the shipped declarations', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
        },
        include: ['*.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { expectObjective, h, type Scheme, scheme } from 'rl-objective';",
        'const value: number = h([1, 1], 0.5);',
        "const grpo: Scheme = scheme('grpo', 8);",
        'const advantages = (rewards: number[]): number[] => rewards.map((r) => r - 0.5);',
        "await expectObjective(advantages, { M: 8, target: 'identity', tol: 0.5 });",
        'console.log(value, grpo.spec);',
        '// @ts-expect-error h takes a table of numbers',
        "h('not a table', 0.5);",
        '',
      ].join('\n'),
    );
    for (const example of vitestExamples) writeFileSync(join(project, example.name), example.code);
    const tsc = run(process.execPath, [
      join(project, 'node_modules/typescript/bin/tsc'),
      '-p',
      '.',
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('passes the documented vitest examples', () => {
    expect(vitestExamples.length).toBeGreaterThanOrEqual(2);
    for (const example of vitestExamples) writeFileSync(join(project, example.name), example.code);
    const vitest = run(process.execPath, [
      join(project, 'node_modules/vitest/vitest.mjs'),
      'run',
      ...vitestExamples.map((example) => example.name),
    ]);
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0);
    expect(vitest.stdout).toMatch(new RegExp(`Test Files\\s+.*${vitestExamples.length} passed`));
  });

  it('runs the installed bin: --version, objective, and simulate with the same bits on 1 and 2 threads', () => {
    const bin = join(project, 'node_modules/.bin/rl-objective');
    expect(run(bin, ['--version']).stdout).toBe(`${installedHere('rl-objective')}\n`);
    const objective = run(bin, 'objective --scheme grpo --M 8 --t 0.5 --json'.split(' '));
    expect(objective.status, objective.stderr).toBe(0);
    expect(JSON.parse(objective.stdout).points[0].t).toBe(0.5);
    const simulate = (threads: number) => {
      const args = ['simulate', '--scheme', 'grpo', '--M', '8', '--policy', 'bernoulli:p=0.3'];
      const out = run(bin, [...args, '--groups', '2e5', '--threads', String(threads), '--json']);
      expect(out.status, out.stderr).toBe(0);
      return JSON.parse(out.stdout) as { estimate: number[]; stderr: number[] };
    };
    const [one, two] = [simulate(1), simulate(2)];
    expect(two.estimate).toEqual(one.estimate);
    expect(two.stderr).toEqual(one.stderr);
  });

  it('audits a JavaScript module, and a TypeScript one once the project has tsx', () => {
    const bin = join(project, 'node_modules/.bin/rl-objective');
    const code = 'export const advantages = (rewards) => rewards.map((r) => r - 0.5);\n';
    writeFileSync(join(project, 'centred.mjs'), code);
    writeFileSync(join(project, 'centred.ts'), code.replace('(rewards)', '(rewards: number[])'));
    const audit = (file: string) => run(bin, ['audit', '--module', file, '--M', '4', '--json']);
    const js = audit('centred.mjs');
    expect(js.status, js.stderr).toBe(0);
    expect(JSON.parse(js.stdout).countForm).toBe(true);
    const withoutTsx = audit('centred.ts');
    expect(withoutTsx.status).toBe(2);
    expect(withoutTsx.stderr).toMatch(
      /^rl-objective: module 'centred\.ts' is TypeScript, which needs tsx: .*\n$/,
    );
    execFileSync(
      npm,
      ['install', '--no-audit', '--no-fund', '--prefer-offline', `tsx@${installed('tsx')}`],
      {
        cwd: project,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const ts = audit('centred.ts');
    expect(ts.status, ts.stderr).toBe(0);
    expect(JSON.parse(ts.stdout).bySize[0].a).toEqual(JSON.parse(js.stdout).bySize[0].a);
  });

  it('runs the quick battery and writes its report, with the versions of the installed packages', () => {
    const bin = join(project, 'node_modules/.bin/rl-objective');
    const verify = run(bin, ['verify', '--quick', '--threads', '2', '--out', 'report']);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/checks agree/);
    const report = JSON.parse(readFileSync(join(project, 'report/agreement.json'), 'utf8'));
    expect(report.versions['rl-objective']).toBe(installedHere('rl-objective'));
    expect(report.versions.vega).toBe(installedHere('vega'));
    expect(readFileSync(join(project, 'report/index.html'), 'utf8')).toMatch(/<svg/);
  });

  it('runs the installed bin: audit --python through the shipped shim (python3, a list)', () => {
    writeFileSync(
      join(project, 'centred.py'),
      'def advantages(rewards):\n    mean = sum(rewards) / len(rewards)\n    return [r - mean for r in rewards]\n',
    );
    const bin = join(project, 'node_modules/.bin/rl-objective');
    const args = ['audit', '--python', 'centred.py', '--M', '4', '--python-array', 'list'];
    const audit = run(bin, [...args, '--expect', 'identity:1e-12', '--json']);
    expect(audit.status, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout).bySize[0].b).toEqual([0.75, 0.5, 0.25, 0]);
  });
});
