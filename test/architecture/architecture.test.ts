// The architecture rules hold on the tree, and each check fails on a tree that breaks its rule.
// Deterministic: no randomness, false-fail rate 0.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { architectureViolations, LAYERS } from '../../scripts/check-architecture.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'rl-objective-architecture-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small tree that keeps every rule: two concept folders, down the rows, and a test tree. */
const CLEAN: Record<string, string> = {
  'src/index.ts': "export { a } from './schemes/index.ts';\n",
  'src/cli/main.ts':
    "import { a } from '../schemes/index.ts';\nconsole.log(a);\nawait import('../math/late.ts');\n",
  'src/schemes/index.ts': "export { a } from './a.ts';\n",
  'src/schemes/a.ts': "import { b } from '../math/index.ts';\nexport const a = b + 1;\n",
  'src/schemes/a.test.ts': "import { help } from '../../test/support/a/help.ts';\nhelp();\n",
  'src/math/index.ts': "export { b } from './b.ts';\nexport { late } from './late.ts';\n",
  'src/math/b.ts': 'export const b = 1;\n',
  // Loaded lazily: an import() may name a module that its folder's index.ts re-exports.
  'src/math/late.ts': 'export const late = 2;\n',
  'test/support/a/help.ts':
    "import { a } from '../../../src/schemes/a.ts';\nexport const help = () => a;\n",
  'properties/law.ts':
    "import { help } from '../test/support/a/help.ts';\nexport const law = help;\n",
  // A few schemes picked for a test are not a copy of the catalogue.
  'test/support/a/picked.ts': `export const PICKED = ['reinforce', 'rloo', 'grpo', \`passk:k=\${2}\`];\n`,
};

let trees = 0;
async function violationsOf(changes: Record<string, string>): Promise<string[]> {
  const root = join(scratch, `tree-${trees++}`);
  for (const [path, text] of Object.entries({ ...CLEAN, ...changes })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return [...new Set((await architectureViolations(root)).map((v) => v.rule))].sort();
}

describe('architecture', () => {
  it('the repository keeps every rule', async () => {
    expect(await architectureViolations(ROOT)).toEqual([]);
  });

  it('the layer table itself has no cycle', () => {
    const seen = new Set<string>();
    const visit = (folder: string, path: string[]): void => {
      expect(path).not.toContain(folder);
      if (seen.has(folder)) return;
      for (const below of LAYERS[folder]!) visit(below, [...path, folder]);
      seen.add(folder);
    };
    for (const folder of Object.keys(LAYERS)) visit(folder, []);
  });

  it('a tree that keeps the rules has no violation (the mutants below differ from it by one file)', async () => {
    expect(await violationsOf({})).toEqual([]);
  });

  it('flags library code outside the known top-level folders (as reports/ once was)', async () => {
    const rules = await violationsOf({
      'src/math/b.ts':
        "import type { Report } from '../../reports/model.ts';\nexport const b: Report | 1 = 1;\n",
      'reports/model.ts': 'export interface Report {}\n',
    });
    expect(rules).toEqual(['no-code-outside-the-layers']);
  });

  it('flags a cycle between top-level folders', async () => {
    const rules = await violationsOf({
      'test/support/a/help.ts':
        "import { law } from '../../../properties/law.ts';\nexport const help = law;\n",
    });
    expect(rules).toContain('layer-test');
    expect(rules).toContain('no-concept-cycle');
  });

  it('flags a cycle between concept folders of src/ even when no file cycle exists', async () => {
    // src/schemes/a.ts imports src/math; now src/math/c.ts imports a file nested in src/schemes
    // (which also goes up the rows, and past the index.ts of both folders: through them, the
    // folders' cycle would also be one between files).
    const rules = await violationsOf({
      'src/schemes/inner/e.ts': 'export const e = 1;\n',
      'src/math/c.ts': "import { e } from '../schemes/inner/e.ts';\nexport const c = e;\n",
      'src/index.ts': "export { a } from './schemes/a.ts';\nexport { c } from './math/c.ts';\n",
    });
    expect(rules).toEqual(['no-concept-cycle', 'src-import-through-index', 'src-layer-order']);
  });

  it('flags an import up the rows of src/, even one that closes no cycle', async () => {
    const rules = await violationsOf({
      'src/verify/v.ts': 'export const v = 1;\n',
      'src/verify/index.ts': "export { v } from './v.ts';\n",
      'src/math/up.ts': "import { v } from '../verify/index.ts';\nexport const up = v;\n",
      'src/math/index.ts': `${CLEAN['src/math/index.ts']}export { up } from './up.ts';\n`,
    });
    expect(rules).toEqual(['src-layer-order']);
  });

  it('flags an import between two folders of one row, and a concept folder on no row', async () => {
    const sameRow = await violationsOf({
      'src/rng/r.ts': 'export const r = 1;\n',
      'src/rng/index.ts': "export { r } from './r.ts';\n",
      'src/math/b.ts': "import { r } from '../rng/index.ts';\nexport const b = r;\n",
    });
    expect(sameRow).toEqual(['src-layer-order']);
    const unknown = await violationsOf({
      'src/novel/n.ts': 'export const n = 1;\n',
      'src/novel/index.ts': "export { n } from './n.ts';\n",
      'src/index.ts': `${CLEAN['src/index.ts']}export { n } from './novel/index.ts';\n`,
    });
    expect(unknown).toEqual(['src-layer-order']);
  });

  // One tree per top-level folder, each importing a folder it may not (and closing no cycle).
  const upward: Record<string, Record<string, string>> = {
    // (help.ts imports nothing here, so that the import closes no cycle)
    src: {
      'test/support/a/help.ts': 'export const help = () => 1;\n',
      'src/math/b.ts':
        "import { help } from '../../test/support/a/help.ts';\nexport const b = help();\n",
    },
    bin: { 'bin/run.ts': "import { help } from '../test/support/a/help.ts';\nhelp();\n" },
    scripts: { 'scripts/tool.ts': "import { help } from '../test/support/a/help.ts';\nhelp();\n" },
    test: {
      'test/support/a/deep.ts':
        "import { s } from '../../../simulations/sweep.ts';\nexport const d = s;\n",
      'simulations/sweep.ts': 'export const s = 1;\n',
    },
    properties: {
      'simulations/sweep.ts': 'export const s = 1;\n',
      'properties/law.ts': "import { s } from '../simulations/sweep.ts';\nexport const law = s;\n",
    },
    simulations: {
      'simulations/sweep.ts':
        "import { law } from '../properties/law.ts';\nexport const s = law;\n",
    },
    bench: {
      'deploy/recipe.ts': 'export const recipe = 1;\n',
      'bench/x.bench.ts': "import { recipe } from '../deploy/recipe.ts';\nconsole.log(recipe);\n",
    },
    deploy: {
      'bench/helper.ts': 'export const helper = 1;\n',
      'deploy/check.ts': "import { helper } from '../bench/helper.ts';\nconsole.log(helper);\n",
    },
  };

  it('has a failing tree for every layer rule', () => {
    expect(Object.keys(upward).sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it.each(Object.entries(upward))(
    'flags %s/ importing a folder it may not',
    async (folder, files) => {
      const rules = await violationsOf(files);
      expect(rules).toEqual([`layer-${folder}`]);
    },
  );

  it('flags a static import past the index.ts of another folder of src/, type-only or not', async () => {
    // The folder's index.ts stays in use (late), so that only the bypass is wrong.
    const past = await violationsOf({
      'src/schemes/a.ts':
        "import { b } from '../math/b.ts';\nimport { late } from '../math/index.ts';\nexport const a = b + late;\n",
    });
    expect(past).toEqual(['src-import-through-index']);
    const typeOnly = await violationsOf({
      'src/math/b.ts': 'export const b = 1;\nexport type B = number;\n',
      'src/schemes/a.ts':
        "import type { B } from '../math/b.ts';\nimport { b } from '../math/index.ts';\nexport const a: B = b + 1;\n",
    });
    expect(typeOnly).toEqual(['src-import-through-index']);
    const root = await violationsOf({ 'src/index.ts': "export { a } from './schemes/a.ts';\n" });
    expect(root).toEqual(['src-import-through-index']);
  });

  it('flags an import() of a module of another folder that its index.ts does not re-export', async () => {
    const rules = await violationsOf({ 'src/math/index.ts': "export { b } from './b.ts';\n" });
    expect(rules).toEqual(['src-dynamic-import-of-the-surface']);
  });

  it('flags a cycle between two files', async () => {
    const rules = await violationsOf({
      'src/math/b.ts': "import { d } from './d.ts';\nexport const b = 1;\nexport const e = d;\n",
      'src/math/d.ts': "import { b } from './b.ts';\nexport const d = b;\n",
    });
    expect(rules).toEqual(['no-file-cycle']);
  });

  it('flags a test-only folder inside src/, even one no import reaches', async () => {
    const rules = await violationsOf({ 'src/schemes/fixtures/values.json': '[1, 2, 3]\n' });
    expect(rules).toEqual(['no-test-folder-in-src']);
  });

  it('flags a src/ file that only tests use', async () => {
    const rules = await violationsOf({
      'src/schemes/only-for-tests.ts': 'export const expected = 2;\n',
      'src/schemes/a.test.ts':
        "import { expected } from './only-for-tests.ts';\nconsole.log(expected);\n",
    });
    expect(rules).toEqual(['src-only-what-the-library-uses']);
  });

  it('flags the catalogue list written out again, even with parameters or conditions', async () => {
    const rules = await violationsOf({
      'bench/specs.ts': `const M = 4;\nexport const SPECS = ['reinforce', M > 1 ? 'rloo' : undefined, 'dr-grpo', 'rs', 'grpo:std=sample', \`passk:k=\${M}\`];\n`,
    });
    expect(rules).toEqual(['catalogue-defined-once']);
  });
});
