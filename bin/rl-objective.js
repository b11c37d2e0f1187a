#!/usr/bin/env node
// The CLI runs the compiled package in dist/, which `npm ci` and `npm run build` make.
import { existsSync } from 'node:fs';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (existsSync(main)) {
  await import(main.href);
} else {
  process.stderr.write(
    'rl-objective: the compiled package dist/ is missing; run `npm run build`\n',
  );
  process.exitCode = 70;
}
