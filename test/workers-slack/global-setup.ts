/**
 * Starts the fake Slack Web API in the vitest process before workerd starts, and hands its
 * address to the worker's configuration (vitest.config.ts reads it with `inject`).
 */
import type { TestProject } from 'vitest/node';
import { startFakeSlackApi } from '../fakes/slack-api.js';
import { TEST_BOT_TOKEN } from '../helpers/slack-requests.js';

declare module 'vitest' {
  export interface ProvidedContext {
    slackFakeOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  const slack = await startFakeSlackApi({ token: TEST_BOT_TOKEN });
  project.provide('slackFakeOrigin', slack.origin);
  return () => slack.close();
}
