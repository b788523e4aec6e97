/**
 * The OpenAI-compatible API (issue 12): any OpenAI client or chat front end talks to the
 * assistant by pointing its base URL at `/v1` (docs/openai-api.md). Keys and rate limits
 * apply as on `/api/*` (the app's API guard); errors use OpenAI's shape (openai-error.ts).
 */
import { Hono } from 'hono';
import type { AppServices } from '../../services.js';
import { modelsRoute } from './models-route.js';
import { chatCompletionsRoute } from './chat-completions-route.js';

export function openAIRoutes(services: AppServices) {
  const app = new Hono();
  app.route('/', modelsRoute(services.config.openaiModelId));
  app.route('/', chatCompletionsRoute(services));
  return app;
}
