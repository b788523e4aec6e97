// Bindings the workers-slack and workers-feedback projects add for their tests (vitest.config.ts).
declare namespace Cloudflare {
  interface Env {
    /** migrations/, read in Node and applied by test/setup/apply-d1-migrations.ts. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** The fake Slack Web API's origin (test/fakes/slack-api.ts). */
    SLACK_FAKE_ORIGIN: string;
    /** workers-feedback: a D1 database no migration was applied to, so every query fails. */
    UNMIGRATED_DB: D1Database;
  }
}
