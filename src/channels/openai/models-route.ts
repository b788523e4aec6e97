/**
 * `GET /v1/models` and `GET /v1/models/{id}` (https://platform.openai.com/docs/api-reference/models):
 * the assistant is one model, named by OPENAI_MODEL_ID. Front ends list models here to
 * offer them (Open WebUI reads `data[].id`).
 */
import { Hono } from 'hono';
import { OpenAIRequestError } from './openai-error.js';

/** OpenAI's `created` is the model's creation time: this is when the API first listed it (2026-12-04). */
const MODEL_CREATED = 1_796_342_400;
const MODEL_OWNER = 'fund-assistant';

export function modelsRoute(modelId: string) {
  const app = new Hono();
  const model = { id: modelId, object: 'model', created: MODEL_CREATED, owned_by: MODEL_OWNER };

  app.get('/v1/models', (c) => c.json({ object: 'list', data: [model] }));
  // `{.+}`: a model id may hold a slash, as OPENAI_MODEL_ID allows.
  app.get('/v1/models/:id{.+}', (c) => {
    const id = c.req.param('id');
    if (id !== modelId) {
      throw new OpenAIRequestError(
        404,
        'model_not_found',
        `The model '${id}' does not exist; this API serves '${modelId}'`,
        'model',
      );
    }
    return c.json(model);
  });
  return app;
}
