/**
 * Worker entry: builds the app from `env` once per isolate.
 *
 * Configuration is parsed at module load (`env` from cloudflare:workers), so an invalid
 * variable stops the worker from starting with a message naming it, instead of failing
 * request by request. The local index is an asset, fetched and parsed on first use.
 */
import { env as workerEnv } from 'cloudflare:workers';
import { parseConfig } from './config.js';
import { createApp } from './app.js';
import { createServices, type AppServices } from './services.js';
import { LOCAL_INDEX_FILE_NAME, LocalIndex } from './search/local-index.js';
import { UpstreamError } from './errors.js';

// Only `default` may be exported: workerd treats every export of the entry as a handler.
interface Env {
  ASSETS: Fetcher;
  [name: string]: unknown;
}

function buildServices(env: Env): AppServices {
  const config = parseConfig(env);
  return createServices(config, async (options) => {
    if (config.upstash) {
      throw new UpstreamError('the Upstash index adapter is not available in this build', 503, 'index_unavailable');
    }
    const response = await env.ASSETS.fetch(new Request(`https://assets.invalid/${LOCAL_INDEX_FILE_NAME}`));
    if (!response.ok) {
      throw new UpstreamError('the local index is missing; run `npm run ingest`', 503, 'index_unavailable');
    }
    return LocalIndex.fromJSON(await response.text(), options);
  });
}

const app = createApp(buildServices(workerEnv as unknown as Env));

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
