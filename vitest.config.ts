import { defineConfig } from 'vitest/config';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { ensureIndex } from './src/cli/index-store.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE } from './src/cli/paths.js';
import { writeUiBundle } from './src/cli/web-bundle.js';
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from './test/helpers/slack-requests.js';
import { TEST_ADMIN_KEY } from './test/helpers/admin.js';

// The worker reads the index from its assets folder: build it (when stale) before workerd starts.
await ensureIndex(DEFAULT_CORPUS_DIR, DEFAULT_INDEX_FILE);
// The worker serves the bundled chat UI as /widget.js (wrangler.toml [build] does this for wrangler).
await writeUiBundle();

// Replays and longer runs of the property tests reach workerd as bindings (test/helpers/fuzz.ts).
const FUZZ_SETTINGS = Object.fromEntries(
  ['FUZZ_SEED', 'FUZZ_RUNS'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
);

// Every workers project runs the worker with its D1 schema (migrations/), as npm start and a
// deploy do; test/setup/apply-d1-migrations.ts applies them before each file.
const TEST_MIGRATIONS = await readD1Migrations('./migrations');
const MIGRATED = ['./test/setup/apply-d1-migrations.ts'];

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
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { ...FUZZ_SETTINGS, TEST_MIGRATIONS } },
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/workers/**/*.test.ts'],
          globalSetup: ['test/setup/fake-model.global.ts'],
          setupFiles: MIGRATED,
          testTimeout: 20_000,
        },
      },
      {
        // The same worker configured as a guarded deployment: keys, a rate limit, one widget site.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                // k-openai: test/workers-secured/openai-client.test.ts, apart from the keys the guard tests count.
                API_KEYS: 'k-alpha,k-beta,k-openai',
                RATE_LIMIT_PER_MINUTE: '5',
                WIDGET_ORIGINS: 'https://intranet.example',
                TEST_MIGRATIONS,
              },
            },
          }),
        ],
        test: {
          name: 'workers-secured',
          include: ['test/workers-secured/**/*.test.ts'],
          setupFiles: MIGRATED,
          testTimeout: 20_000,
        },
      },
      {
        // The worker as a Slack bot (issue 13): pointed at the fake Slack Web API that
        // global-setup starts, with the D1 event ledger and the answer log migrated by apply-d1-migrations.
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
                SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
                SLACK_API_BASE_URL: `${inject('slackFakeOrigin')}/api`,
                SLACK_FAKE_ORIGIN: inject('slackFakeOrigin'),
                TEST_MIGRATIONS,
              },
            },
          })),
        ],
        test: {
          name: 'workers-slack',
          include: ['test/workers-slack/**/*.test.ts'],
          globalSetup: ['./test/workers-slack/global-setup.ts'],
          setupFiles: MIGRATED,
          testTimeout: 30_000,
        },
      },
      {
        // The answer log, feedback, the admin API and retention (issue 16) over a real local
        // D1; UNMIGRATED_DB is a D1 without tables, for failures.
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: { ADMIN_API_KEY: TEST_ADMIN_KEY, TEST_MIGRATIONS },
              d1Databases: ['DB', 'UNMIGRATED_DB'],
            },
          })),
        ],
        test: {
          name: 'workers-feedback',
          include: ['test/workers-feedback/**/*.test.ts'],
          setupFiles: MIGRATED,
          testTimeout: 30_000,
        },
      },
      {
        // The same worker with UPSTASH_VECTOR_* set, against fakes a global setup starts in Node.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { ...inject('upstashEnv'), TEST_MIGRATIONS } },
          })),
        ],
        test: {
          name: 'workers-upstash',
          include: ['test/workers-upstash/**/*.test.ts'],
          globalSetup: ['test/setup/upstash.global.ts'],
          setupFiles: MIGRATED,
          testTimeout: 20_000,
        },
      },
    ],
  },
});
