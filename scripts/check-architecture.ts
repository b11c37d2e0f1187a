// The architecture rules of CONTRIBUTING.md, checked: `node --import tsx scripts/check-architecture.ts
// [ROOT]` (part of `npm run lint`) prints every violation in the tree at ROOT (default: this
// repository) and exits 1 if there is one.
// test/architecture/architecture.test.ts runs the same checks on the tree and on mutants of it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cruise,
  type ICruiseOptions,
  type IForbiddenRuleType,
  type IModule,
} from 'dependency-cruiser';
import ts from 'typescript';
import { CATALOGUE_SPECS } from '../src/schemes/catalogue.ts';

/**
 * Which top-level folders each top-level folder may import (besides itself and packages). The
 * table is the picture in CONTRIBUTING.md: every arrow points down, so no cycle can form.
 */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  src: [],
  bin: ['src'],
  scripts: ['src'],
  test: ['src', 'scripts'],
  properties: ['src', 'test'],
  simulations: ['src', 'test'],
  bench: ['src', 'test'],
  deploy: ['src', 'test'],
};

/**
 * The rows of the picture of src/ in CONTRIBUTING.md, lowest first: a concept folder of src/
 * imports only folders on lower rows. A new concept folder goes on a row here and in the picture.
 */
export const SRC_ROWS: readonly (readonly string[])[] = [
  ['errors', 'defaults'],
  ['math', 'stats', 'rng', 'grammar', 'report', 'rewards'],
  ['targets', 'policies', 'checkpoint'],
  ['schemes'],
  ['objective'],
  ['graded'],
  ['estimators'],
  ['dynamics'],
  ['verify'],
  ['audit'],
  ['cli'],
];

/** The library's entry points: the package root, the CLI, and worker files loaded by path. */
const ENTRY_POINTS = '^src/(index\\.ts|cli/main\\.ts|.*worker\\.ts)$';

/** Folder names that mark test-only code, which belongs in test/, never in src/. */
const TEST_ONLY_FOLDERS = /^(testing|test-support|test-utils|test|tests|fixtures|__tests__|mocks)$/;

/** Tests may import anything; they are not part of any layer. */
const TEST_FILE = '\\.test\\.ts$';

/** One broken rule, as a line a developer can act on. */
export interface Violation {
  readonly rule: string;
  readonly message: string;
}

function layerRules(): IForbiddenRuleType[] {
  const top = Object.keys(LAYERS);
  return top.map((folder) => ({
    name: `layer-${folder}`,
    comment: `${folder}/ may import only ${[folder, ...LAYERS[folder]!].join(', ')} (CONTRIBUTING.md, Architecture)`,
    severity: 'error',
    from: { path: `^${folder}/` },
    to: {
      path: `^(${top.join('|')})/`,
      pathNot: `^(${[folder, ...LAYERS[folder]!].join('|')})/`,
    },
  }));
}

/** A folder's barrel: the one module of a concept folder of src/ that other folders import. */
const BARREL = 'index\\.ts';

/**
 * A static import into another concept folder of src/ (from a file of a folder, or from the
 * package root `src/index.ts`) names that folder's `index.ts`, so that each folder shows the rest
 * of the library one surface. A dynamic `import()` is exempt: it is how a command, a renderer
 * or a worker loads lazily, and it may name one module of another folder directly, so that only
 * that module's graph loads (see {@link dynamicImports} for what it may name).
 */
function barrelRules(): IForbiddenRuleType[] {
  const comment =
    'import another folder of src/ through its index.ts (CONTRIBUTING.md, Architecture)';
  return [
    {
      name: 'src-import-through-index',
      comment,
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: `^src/($1/|[^/]+/${BARREL}$)`, dynamic: false },
    },
    {
      name: 'src-import-through-index',
      comment,
      severity: 'error',
      from: { path: `^src/${BARREL}$` },
      to: { path: '^src/[^/]+/', pathNot: `^src/[^/]+/${BARREL}$`, dynamic: false },
    },
  ];
}

/** The dependency rules: layers, no cycle between files or folders, no test-only code in src/. */
export function moduleRules(): IForbiddenRuleType[] {
  return [
    ...layerRules(),
    {
      name: 'no-file-cycle',
      comment: 'files import each other: move what both need into one of them, or a third file',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment:
        'folders import each other (top-level, concept folders of src/, or any two others): dependencies must run one way',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    ...barrelRules(),
    {
      name: 'src-only-what-the-library-uses',
      comment:
        'no entry point of the library reaches this file: only tests use it, so it belongs in test/',
      severity: 'error',
      from: { path: ENTRY_POINTS },
      to: { path: '^src/', pathNot: ENTRY_POINTS, reachable: false },
    },
  ];
}

function options(root: string): ICruiseOptions {
  return {
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: moduleRules() },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: [TEST_FILE, '(^|/)node_modules/', '^dist/', '^reports/out/'] },
    tsPreCompilationDeps: true,
  };
}

/** The unit whose cycles matter for a module: a concept folder of src/, or a top-level folder. */
function unitOf(path: string): string {
  const [top, concept] = path.split('/');
  return top === 'src' && concept !== undefined && !concept.includes('.') ? `src/${concept}` : top!;
}

/**
 * Cycles between units (concept folders of src/, top-level folders): the strongly connected
 * components of the import graph with every module replaced by its unit (Tarjan). Hand-written
 * because dependency-cruiser's folder rule does not count an import into a subfolder as an
 * import of the folder around it, and its `collapse` option groups modules only after cycles
 * are found.
 */
function unitCycles(edges: ReadonlyMap<string, ReadonlyMap<string, string>>): Violation[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (unit: string): void => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit)!);
    stack.push(unit);
    for (const next of edges.get(unit)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(unit, Math.min(low.get(unit)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(unit, Math.min(low.get(unit)!, index.get(next)!));
      }
    }
    if (low.get(unit) === index.get(unit)) {
      const component: string[] = [];
      let top: string;
      do {
        top = stack.pop()!;
        component.push(top);
      } while (top !== unit);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const unit of [...edges.keys()].sort()) if (!index.has(unit)) visit(unit);
  return components.map((component) => ({
    rule: 'no-concept-cycle',
    message: `${component.join(', ')} import each other: ${component
      .flatMap((from) =>
        [...(edges.get(from) ?? [])]
          .filter(([to]) => component.includes(to))
          .map(([, example]) => example),
      )
      .join('; ')}`,
  }));
}

/** The row of a concept folder of src/ (`src/NAME`) in {@link SRC_ROWS}, or -1. */
function rowOf(unit: string): number {
  const name = unit.slice('src/'.length);
  return SRC_ROWS.findIndex((row) => row.includes(name));
}

/**
 * Imports between concept folders of src/ that do not go down the rows of {@link SRC_ROWS}
 * (whether or not they close a cycle), and concept folders on no row.
 */
function srcLayerOrder(edges: ReadonlyMap<string, ReadonlyMap<string, string>>): Violation[] {
  const violations: Violation[] = [];
  const concept = (unit: string) => unit.startsWith('src/');
  const units = new Set([...edges.keys(), ...[...edges.values()].flatMap((to) => [...to.keys()])]);
  for (const unit of [...units].filter(concept).sort()) {
    if (rowOf(unit) < 0) {
      violations.push({
        rule: 'src-layer-order',
        message: `${unit} is on no row of the picture of src/: add it to SRC_ROWS (scripts/check-architecture.ts) and CONTRIBUTING.md`,
      });
    }
  }
  for (const [from, targets] of edges) {
    if (!concept(from) || rowOf(from) < 0) continue;
    for (const [to, example] of targets) {
      if (concept(to) && rowOf(to) >= rowOf(from)) {
        violations.push({
          rule: 'src-layer-order',
          message: `${from} (row ${rowOf(from)}) imports ${to} (row ${rowOf(to)}), not a lower row: ${example}`,
        });
      }
    }
  }
  return violations;
}

/** The concept folder of src/ that a module of src/ is in (`src/NAME/...`), or undefined. */
function folderOf(path: string): string | undefined {
  const [top, concept, rest] = path.split('/');
  return top === 'src' && rest !== undefined ? concept : undefined;
}

/**
 * Dynamic imports into another concept folder of src/ that name a module its `index.ts` does
 * not re-export: a lazy `import()` may skip the barrel to load less, but only to reach a module
 * of the folder's surface, never one of its internals.
 */
function dynamicImports(modules: readonly IModule[]): Violation[] {
  const exported = new Set(
    modules
      .filter((module) => /^src\/[^/]+\/index\.ts$/.test(module.source))
      .flatMap((module) => module.dependencies.map((dependency) => dependency.resolved)),
  );
  return modules.flatMap((module) =>
    module.dependencies
      .filter((dependency) => dependency.dynamic)
      .filter((dependency) => {
        const to = folderOf(dependency.resolved);
        return (
          to !== undefined &&
          to !== folderOf(module.source) &&
          !dependency.resolved.endsWith('/index.ts') &&
          !exported.has(dependency.resolved)
        );
      })
      .map((dependency) => ({
        rule: 'src-dynamic-import-of-the-surface',
        message: `${module.source} → ${dependency.resolved}: import() names a module that src/${folderOf(dependency.resolved)}/index.ts does not re-export`,
      })),
  );
}

async function cruiseViolations(root: string): Promise<Violation[]> {
  const folders = Object.keys(LAYERS).filter((folder) => readdirSync(root).includes(folder));
  const { output } = await cruise(folders, options(root));
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  const edges = new Map<string, Map<string, string>>();
  const unknown: Violation[] = [];
  for (const module of output.modules) {
    const from = unitOf(module.source);
    for (const dependency of module.dependencies) {
      const to = unitOf(dependency.resolved);
      const local = dependency.dependencyTypes.includes('local');
      if (local && !Object.hasOwn(LAYERS, to.split('/')[0]!)) {
        unknown.push({
          rule: 'no-code-outside-the-layers',
          message: `${module.source} → ${dependency.resolved}: code lives only in ${Object.keys(LAYERS).join(', ')}`,
        });
      }
      if (to === from || !Object.hasOwn(LAYERS, to.split('/')[0]!)) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) {
        edges.get(from)!.set(to, `${module.source} → ${dependency.resolved}`);
      }
    }
  }
  return [
    ...output.summary.violations.map((v) => ({
      rule: v.rule.name,
      message:
        v.cycle !== undefined && v.cycle.length > 0
          ? `${v.from} → ${v.cycle.map((step) => step.name).join(' → ')}`
          : v.from === v.to
            ? v.from
            : `${v.from} → ${v.to}`,
    })),
    ...dynamicImports(output.modules),
    ...unitCycles(edges),
    ...srcLayerOrder(edges),
    ...unknown,
  ];
}

function* walk(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      yield `${path}/`;
      yield* walk(root, path);
    } else yield path;
  }
}

/** Folders of src/ whose names say "test only" (with JSON or other files no import reaches). */
function testOnlyFolders(root: string): Violation[] {
  return [...walk(root, 'src')]
    .filter((path) => path.endsWith('/'))
    .filter((path) => TEST_ONLY_FOLDERS.test(path.slice(0, -1).split('/').at(-1)!))
    .map((path) => ({
      rule: 'no-test-folder-in-src',
      message: `${path}: test-only code belongs in test/support/ or test/fixtures/`,
    }));
}

/** The file that defines the catalogue list; every other file imports it. */
const CATALOGUE_FILE = 'src/schemes/catalogue.ts';

/** The string texts an array element may contribute: literals, template heads, both branches. */
function texts(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text];
  if (ts.isConditionalExpression(node)) return [...texts(node.whenTrue), ...texts(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return texts(node.expression);
  return [];
}

/**
 * Lists written out that name all but at most one of the schemes of the catalogue (docs/theory.md §3,
 * `catalogue`): copies of the catalogue list, which lives once in {@link CATALOGUE_FILE}.
 */
function catalogueCopies(root: string, catalogue: readonly string[]): Violation[] {
  const names = new Set(catalogue.map((spec) => spec.split(':')[0]!));
  const violations: Violation[] = [];
  for (const folder of Object.keys(LAYERS)) {
    if (!readdirSync(root).includes(folder)) continue;
    for (const path of walk(root, folder)) {
      if (!path.endsWith('.ts') || path === CATALOGUE_FILE) continue;
      const text = readFileSync(join(root, path), 'utf8');
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isArrayLiteralExpression(node)) {
          const named = new Set(
            node.elements
              .flatMap((element) => texts(element))
              .map((spec) => spec.split(':')[0]!)
              .filter((name) => names.has(name)),
          );
          if (named.size >= names.size - 1) {
            const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
            violations.push({
              rule: 'catalogue-defined-once',
              message: `${path}:${line} writes out the catalogue (${[...named].join(', ')}): import CATALOGUE_SPECS or catalogueAt from ${CATALOGUE_FILE}`,
            });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return violations;
}

/**
 * Every architecture rule broken in the tree at `root`: the import layers between top-level
 * folders, cycles between files, between concept folders of src/ and between top-level
 * folders, test-only code inside src/ (by folder name, or unreachable from the library's entry
 * points), and the catalogue list (`catalogue`, by default this repository's) written out again.
 */
export async function architectureViolations(
  root: string,
  catalogue: readonly string[] = CATALOGUE_SPECS,
): Promise<Violation[]> {
  return [
    ...(await cruiseViolations(root)),
    ...testOnlyFolders(root),
    ...catalogueCopies(root, catalogue),
  ];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const violations = await architectureViolations(root);
  for (const v of violations) console.error(`${v.rule}: ${v.message.split(sep).join('/')}`);
  if (violations.length > 0) {
    console.error(`architecture: ${violations.length} violations (CONTRIBUTING.md, Architecture)`);
    process.exit(1);
  }
  console.log(`architecture: no violations in ${relative(process.cwd(), root) || '.'}`);
}
