// `npm run build` (also run by `npm ci` through `prepare`, and before `npm start`): compiles the
// shipped TypeScript to ES modules, declarations and source maps in dist/ (tsconfig.build.json),
// copies the non-TypeScript files the library loads at run time, and removes every output whose
// source is gone, so that an incremental build is never stale and a packed tarball never ships a
// module that no longer exists. Then it bundles the package root, from the compiled modules, into
// dist/bundle/ (docs/package.md: why the import of the package is one file).
//
// `node scripts/build.js --tests DIR` makes the same modules and assets in DIR without type
// checking, declarations, source maps or the bundle: the CLI that the tests start
// (test/support/cli/compiled-cli.ts); typecheck is its own step.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const tests = process.argv.indexOf('--tests');
const dist = tests < 0 ? join(root, 'dist') : resolve(process.argv[tests + 1]);
/** The bundle of the package root, and the chunks it loads on first use. */
const bundle = join(dist, 'bundle');
/** Files other than TypeScript that the library reads at run time, by extension. */
const ASSETS = ['.py'];

/** Every folder below `dir`, parents before children. */
function folders(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => [join(dir, entry.name), ...folders(join(dir, entry.name))]);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const forTests = [
  ...['--outDir', dist, '--noCheck', '--declaration', 'false', '--sourceMap', 'false'],
  ...['--inlineSources', 'false', '--incremental', 'false'],
];
const compiled = spawnSync(
  process.execPath,
  [tsc, '-p', join(root, 'tsconfig.build.json'), ...(tests < 0 ? [] : forTests)],
  { stdio: 'inherit' },
);
// tsc has printed its diagnostics; a stack trace of this script would add nothing.
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

for (const path of walk(join(root, 'src'))) {
  if (!ASSETS.some((ext) => path.endsWith(ext))) continue;
  const to = join(dist, relative(root, path));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(path, to);
}

// An output is stale when no source file would produce it: foo.js, foo.js.map and foo.d.ts all
// come from foo.ts; an asset comes from itself.
const SUFFIXES = ['.d.ts', '.js.map', '.js'];
for (const path of walk(dist)) {
  const rel = relative(dist, path);
  if (rel === '.tsbuildinfo' || rel.startsWith(`bundle${sep}`)) continue;
  const suffix = SUFFIXES.find((s) => rel.endsWith(s));
  const source = suffix ? `${rel.slice(0, -suffix.length)}.ts` : rel;
  if (!existsSync(join(root, source))) rmSync(path);
}
for (const dir of folders(dist).reverse()) {
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

if (tests >= 0) process.exit(0);

// The package root as one module (`exports` in package.json points at it): loading the ~200
// compiled modules one by one costs Node a resolution, a file read and a compilation each, which
// made most of the import's time. Modules that the library imports on first use (reports, vega's
// renderer, the training report) become chunks loaded then. Each bundled module keeps the
// import.meta.url of its compiled file in dist/src, so that what it finds relative to itself (the
// worker files piscina starts, the Python shim, the audit's module worker) is found as before:
// those are still the compiled files. The CLI (bin/) and the workers run the compiled modules.
/** The plugin that keeps each bundled module's own `import.meta.url`, for a bundle in `outdir`. */
const ownUrl = (outdir) => ({
  name: 'own-import-meta-url',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.js$/ }, ({ path }) => {
      const from = relative(outdir, path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(from)}, import.meta.url).href`;
      const contents = readFileSync(path, 'utf8').replaceAll('import.meta.url', url);
      return { contents, loader: 'js', resolveDir: dirname(path) };
    });
  },
});
const options = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'esnext',
  packages: 'external',
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
};
rmSync(bundle, { recursive: true, force: true });
await build({
  ...options,
  entryPoints: [join(dist, 'src', 'index.js')],
  outdir: bundle,
  splitting: true,
  plugins: [ownUrl(bundle)],
});
// The simulation pool's worker entry as one file too (`createSimulationPool` starts it when it
// exists): a worker thread loads it while the run's own thread computes, and a run of a second or
// two pays for that start; the ~80 compiled modules cost a worker as much as they cost an import.
const workers = join(bundle, 'workers');
await build({
  ...options,
  entryPoints: [join(dist, 'src', 'estimators', 'chunk-task.js')],
  outdir: workers,
  plugins: [ownUrl(workers)],
});
