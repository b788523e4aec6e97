/**
 * The body of `POST /v1/chat/completions`, after OpenAI's API reference ("Create chat
 * completion", https://platform.openai.com/docs/api-reference/chat/create).
 *
 * Parameters that only tune sampling (`temperature`, `top_p`, `max_tokens`, `stop`, `seed`,
 * `tools`, `user`, `metadata`, …) are accepted and ignored: the answer is the corpus'. A
 * parameter whose request cannot be met and whose silent omission would mislead the
 * client is refused with a 400 naming it: more than one choice (`n`), JSON output
 * (`response_format`), a forced tool call (`tool_choice`), `logprobs`, and audio output.
 */
import type { Context } from 'hono';
import * as z from 'zod';
import { readJsonBody } from '../json-body.js';
import { MAX_MESSAGE_CHARS } from '../web/chat-limits.js';
import { OpenAIRequestError } from './openai-error.js';

/** Every role of OpenAI's chat messages; `function` is the deprecated form of `tool`. */
const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;

/**
 * Content is a string or an array of parts. Text parts are read; any other part (image,
 * audio, file) is refused by name rather than dropped, so nobody believes it was seen.
 */
const textParts = z
  .array(z.looseObject({ type: z.string() }))
  .superRefine((parts, ctx) => {
    parts.forEach((part, i) => {
      if (part.type === 'text') return;
      ctx.addIssue({
        code: 'custom',
        path: [i, 'type'],
        message: `"${part.type}" parts are not supported: the assistant reads text only`,
      });
    });
  })
  .pipe(z.array(z.object({ type: z.literal('text'), text: z.string() })));

const content = z
  .union([z.string(), textParts], { error: 'must be a string or an array of text parts' })
  .transform((value) => (typeof value === 'string' ? value : value.map((part) => part.text).join('\n')));

const message = z
  .object({
    role: z.enum(ROLES),
    // Null is an assistant turn that only called tools.
    content: content.nullish().transform((text) => text ?? ''),
  })
  .superRefine((m, ctx) => {
    if ((m.role === 'user' || m.role === 'assistant') && m.content.length > MAX_MESSAGE_CHARS) {
      ctx.addIssue({ code: 'custom', path: ['content'], message: `must be at most ${MAX_MESSAGE_CHARS} characters` });
    }
  });

export type OpenAIMessage = z.output<typeof message>;

export const chatCompletionRequestSchema = z.object({
  // Any model name is answered by this assistant (front ends send their own): docs/openai-api.md.
  model: z.string().nullish(),
  messages: z
    .array(message)
    .min(1, 'must hold at least one message')
    .superRefine((messages, ctx) => {
      const last = messages.at(-1);
      if (last && (last.role !== 'user' || !last.content.trim())) {
        ctx.addIssue({
          code: 'custom',
          path: [messages.length - 1],
          message: 'the last message must be a non-empty user message: it is the question answered',
        });
      }
    }),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  n: z.number().int('must be a whole number').min(1).max(1, 'must be 1: the assistant gives one answer').nullish(),
  response_format: z
    .looseObject({ type: z.string() })
    .refine((format) => format.type === 'text', {
      path: ['type'],
      message: 'must be "text": answers are cited prose, not JSON',
    })
    .nullish(),
  tool_choice: z.enum(['auto', 'none'], { error: 'must be "auto" or "none": the assistant calls no tools' }).nullish(),
  logprobs: z.literal(false, { error: 'must be false: the assistant reports no token probabilities' }).nullish(),
  modalities: z.array(z.literal('text', { error: 'must be "text": the assistant answers in text' })).nullish(),
});

export type ChatCompletionRequest = z.output<typeof chatCompletionRequestSchema>;

type Issue = z.core.$ZodIssue;

/**
 * The issue to report: a union's own "invalid input" hides which branch came closest, so
 * the branch that failed below its root (an image part in an array of parts) is named.
 */
function innermostIssue(issue: Issue, base: PropertyKey[] = []): { path: PropertyKey[]; message: string } {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    const deeper = issue.errors
      .map((branch) => branch[0])
      .find((first) => first !== undefined && first.path.length > 0);
    if (deeper) return innermostIssue(deeper, path);
  }
  return { path, message: issue.message };
}

/** A field path as OpenAI writes `param`: `messages[0].content[1].type`. */
export function paramOf(path: PropertyKey[]): string {
  return path.reduce<string>(
    (param, key) => (typeof key === 'number' ? `${param}[${key}]` : param ? `${param}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * Reads and validates a chat completion request: 415 and invalid JSON as on `/api/chat`,
 * then a 400 whose `param` names the first invalid field.
 */
export async function readChatCompletionRequest(c: Context): Promise<ChatCompletionRequest> {
  const json = await readJsonBody(c, z.unknown());
  const parsed = chatCompletionRequestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const { path, message: text } = innermostIssue(parsed.error.issues[0]!);
  const param = paramOf(path);
  throw new OpenAIRequestError(400, 'invalid_request', param ? `${param}: ${text}` : text, param || undefined);
}
