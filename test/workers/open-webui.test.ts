/**
 * The requests Open WebUI sends to an "OpenAI API" connection whose URL is this worker's
 * `/v1`, answered by the whole worker in workerd (issue 12).
 *
 * Built from Open WebUI's source, backend/open_webui/routers/openai.py at
 * open-webui/open-webui@671f577264ed5bed6ec2c7cf97703b450a6ce2ec:
 *
 * - Models: `send_get_request(f"{url}/models", key, user=user)` sends
 *       headers={
 *           **({"Authorization": f"Bearer {key}"} if key else {}),
 *           **(
 *               {
 *                   "X-OpenWebUI-User-Name": quote(user.name, safe=" "),
 *                   "X-OpenWebUI-User-Id": user.id,
 *                   "X-OpenWebUI-User-Email": user.email,
 *                   "X-OpenWebUI-User-Role": user.role,
 *               }
 *               if ENABLE_FORWARD_USER_INFO_HEADERS and user
 *               else {}
 *           ),
 *       },
 *   and `get_all_models()` keeps `response["data"]` entries that have an "id" or a "name".
 *
 * - Chat: `generate_chat_completion()` forwards the chat's form data:
 *       payload = {**form_data}
 *       metadata = payload.pop("metadata", None)
 *       ...
 *               payload = apply_model_params_to_body_openai(params, payload)
 *               payload = apply_model_system_prompt_to_body(system, payload, metadata, user)
 *       ...
 *       headers = {
 *           "Content-Type": "application/json",
 *           ...
 *                   "X-OpenWebUI-User-Name": quote(user.name, safe=" "),
 *                   "X-OpenWebUI-User-Id": user.id,
 *                   "X-OpenWebUI-User-Email": user.email,
 *                   "X-OpenWebUI-User-Role": user.role,
 *                   **(
 *                       {"X-OpenWebUI-Chat-Id": metadata.get("chat_id")}
 *                       if metadata and metadata.get("chat_id")
 *                       else {}
 *                   ),
 *       ...
 *           request_url = f"{url}/chat/completions"
 *           headers["Authorization"] = f"Bearer {key}"
 *       payload = json.dumps(payload)
 *   and streams our SSE back to its page as it comes.
 *
 * The form data is what its chat page sends (src/lib/components/chat/Chat.svelte,
 * `sendPromptOpenAI`): `stream`, `model`, `stream_options: { include_usage: true }` when
 * the model is marked as reporting usage, `messages` opened by a system message when a
 * system prompt is set, and the chat's `seed`, `stop`, `temperature`, `top_p`,
 * `frequency_penalty` and `max_tokens` when set. Its backend takes `chat_id`, `id` and
 * `session_id` out into `metadata` (main.py, `chat_completion`), which is popped above.
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { startWorkerFirst } from '../helpers/worker-start.js';

const worker = exports.default as { fetch(request: Request): Promise<Response> };
const CONNECTION_URL = 'http://127.0.0.1:8787/v1';

/** ENABLE_FORWARD_USER_INFO_HEADERS on; the name as `quote("김지현", safe=" ")` writes it. */
const USER_INFO_HEADERS = {
  'X-OpenWebUI-User-Name': '%EA%B9%80%EC%A7%80%ED%98%84',
  'X-OpenWebUI-User-Id': '3f1c9a2e-5b7d-4e8a-9c0f-2d6b8e4a1c7f',
  'X-OpenWebUI-User-Email': 'jihyun.kim@example.com',
  'X-OpenWebUI-User-Role': 'user',
};

function openWebUIChat(stream: boolean) {
  return {
    stream,
    model: 'fund-assistant',
    ...(stream ? { stream_options: { include_usage: true } } : {}),
    messages: [
      { role: 'system', content: 'You are a helpful assistant. The user is 김지현.' },
      { role: 'user', content: '국민성장펀드가 업스테이지에 투자하는 금액은 얼마인가요?' },
    ],
    seed: 7,
    stop: ['<|im_end|>'],
    temperature: 0.8,
    top_p: 0.9,
    frequency_penalty: 0,
    max_tokens: 2048,
  };
}

function postChat(stream: boolean) {
  return worker.fetch(
    new Request(`${CONNECTION_URL}/chat/completions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...USER_INFO_HEADERS,
        'X-OpenWebUI-Chat-Id': '9b2d4f6a-1c3e-4a5b-8d7f-0e2c4a6b8d1f',
        Authorization: 'Bearer sk-open-webui-connection-key',
      },
      body: JSON.stringify(openWebUIChat(stream)),
    }),
  );
}

startWorkerFirst(worker);

describe('Open WebUI as a client', () => {
  it('finds the model in the list it reads from /models, with or without a connection key', async () => {
    for (const key of ['sk-open-webui-connection-key', '']) {
      const res = await worker.fetch(
        new Request(`${CONNECTION_URL}/models`, {
          headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...USER_INFO_HEADERS },
        }),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ data: [{ id: 'fund-assistant' }] });
    }
  });

  it('answers its streamed chat request, data lines ending with [DONE]', async () => {
    const res = await postChat(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const lines = (await res.text()).split('\n').filter((line) => line.startsWith('data: '));
    expect(lines.at(-1)).toBe('data: [DONE]');
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line.slice('data: '.length)));
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toContain('5조6천억 원');
    expect(text).toContain('\n\n출처:\n- [1] ');
    expect(chunks.at(-2)).toMatchObject({ choices: [{ finish_reason: 'stop' }], refused: false });
    // The chunk include_usage asks for, where Open WebUI's page looks for token counts.
    expect(chunks.at(-1)).toMatchObject({ object: 'chat.completion.chunk', choices: [], usage: null });
  });

  it('answers its request with streaming turned off, which it reads as choices[0].message.content', async () => {
    const res = await postChat(false);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      object: 'chat.completion',
      choices: [{ message: { role: 'assistant', content: expect.stringContaining('5조6천억 원') } }],
    });
  });
});
