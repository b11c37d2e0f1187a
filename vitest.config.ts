import { defineConfig } from 'vitest/config';

// Two cores: vitest workers times piscina threads must stay at or below the core count,
// so test files that start a pool ask for at most one thread per vitest worker.
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'simulations/**/*.test.ts',
      'properties/**/*.test.ts',
      'bench/**/*.test.ts',
      'deploy/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['test/package/**', '**/node_modules/**'],
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
