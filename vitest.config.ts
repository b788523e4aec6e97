import { defineConfig } from 'vitest/config';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { ensureIndex } from './src/cli/index-store.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE } from './src/cli/paths.js';

// The worker reads the index from its assets folder: build it (when stale) before workerd starts.
await ensureIndex(DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/node/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'workers',
          include: ['test/workers/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
