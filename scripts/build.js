// `npm run build` (also run by `npm ci` through `prepare`, and before `npm start`): compiles the
// shipped TypeScript to ES modules, declarations and source maps in dist/ (tsconfig.build.json),
// copies the non-TypeScript files the library loads at run time, and removes every output whose
// source is gone, so that an incremental build is never stale and a packed tarball never ships a
// module that no longer exists.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
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
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
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
  if (rel === '.tsbuildinfo') continue;
  const suffix = SUFFIXES.find((s) => rel.endsWith(s));
  const source = suffix ? `${rel.slice(0, -suffix.length)}.ts` : rel;
  if (!existsSync(join(root, source))) rmSync(path);
}
for (const dir of folders(dist).reverse()) {
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}
