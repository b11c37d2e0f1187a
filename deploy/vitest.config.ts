import { defineConfig } from 'vitest/config';
import base from '../vitest.config.ts';

// The root vitest.config.ts does not list deploy/ yet; until it does, run the shape test with
// `npx vitest run --config deploy/vitest.config.ts`.
export default defineConfig({
  ...base,
  root: new URL('..', import.meta.url).pathname,
  test: { ...base.test, include: ['deploy/**/*.test.ts'] },
});
