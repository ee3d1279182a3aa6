import { defineConfig } from 'vitest/config';

// Unit, database and server tests. The end-to-end suite has its own config (e2e/).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
