// Bindings the workers-slack project adds for its tests (vitest.config.ts).
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** The fake Slack Web API's origin (test/fakes/slack-api.ts). */
    SLACK_FAKE_ORIGIN: string;
  }
}
