/**
 * A fake model for tests that run inside workerd: started in Node before the workers
 * project, its URL handed to the tests with vitest's provide/inject. Tests steer it by the
 * question they ask (they cannot reach its queue from workerd):
 * - a question containing `RESET-ONCE` has its first request dropped before any response;
 * - one containing `CUT` gets a few tokens, then a dropped connection.
 * `GET /__requests` on its origin counts the chat requests received per question.
 */
import type { TestProject } from 'vitest/node';
import { createServer } from 'node:net';
import { startFakeOpenAIServer, type ChatCompletionRequest } from '../fakes/openai-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeModelUrl: string;
    closedPortUrl: string;
  }
}

function lastUserText(request: ChatCompletionRequest): string {
  return [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** A loopback port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export default async function setup(project: TestProject) {
  const seen = new Map<string, number>();
  const fake = await startFakeOpenAIServer({
    chat: (request) => {
      const question = lastUserText(request);
      const count = (seen.get(question) ?? 0) + 1;
      seen.set(question, count);
      if (question.includes('RESET-ONCE') && count === 1) return { type: 'reset' };
      if (question.includes('CUT')) return { type: 'drop', content: 'Upstage gets 5.6 trillion' };
      return 'Upstage gets 5.6 trillion won [1].';
    },
    control: (path) => (path === '/__requests' ? Object.fromEntries(seen) : undefined),
  });
  project.provide('fakeModelUrl', fake.url);
  project.provide('closedPortUrl', `http://127.0.0.1:${await closedPort()}/v1`);
  return () => fake.close();
}
