/**
 * The slash command (https://api.slack.com/interactivity/slash-commands): Slack posts a
 * form; `/fund 질문` answers only the asker, `/fund public 질문` the channel, and
 * `/fund help` or a bare `/fund` explains the usage.
 */
import * as z from 'zod';
import { HttpError } from '../../errors.js';

const commandFormSchema = z.object({
  command: z.string().min(1),
  text: z.string().default(''),
  response_url: z.string().min(1),
  user_id: z.string().optional(),
  channel_id: z.string().optional(),
});

export type SlashCommandForm = z.infer<typeof commandFormSchema>;

export type SlashCommandRequest =
  { kind: 'help' } | { kind: 'question'; question: string; responseType: 'ephemeral' | 'in_channel' };

/** Words that ask for help rather than ask a question. */
const HELP_WORDS = new Set(['help', '도움말', '도움', '사용법', '?']);
/** The word that makes the answer public; the rest of the text is the question. */
const PUBLIC_WORD = /^(public|공개)(?:\s+|$)/i;

/** Reads a command's form fields. @throws HttpError 400 naming the missing field. */
export function parseCommandForm(body: string): SlashCommandForm {
  const parsed = commandFormSchema.safeParse(Object.fromEntries(new URLSearchParams(body)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, 'invalid_request', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * What the command's text asks for.
 *
 * @example readCommandText('public 업스테이지 투자 규모는?') // { kind: 'question', question: '업스테이지 투자 규모는?', responseType: 'in_channel' }
 */
export function readCommandText(text: string): SlashCommandRequest {
  const trimmed = text.trim();
  if (!trimmed || HELP_WORDS.has(trimmed.toLowerCase())) return { kind: 'help' };
  const publicMatch = PUBLIC_WORD.exec(trimmed);
  if (!publicMatch) return { kind: 'question', question: trimmed, responseType: 'ephemeral' };
  const question = trimmed.slice(publicMatch[0].length).trim();
  return question ? { kind: 'question', question, responseType: 'in_channel' } : { kind: 'help' };
}

/**
 * Whether a `response_url` is Slack's: signed requests carry only Slack's, so this guards
 * against a leaked signing secret turning the worker into a relay to any address. Slack's
 * hooks host, or the host of `SLACK_API_BASE_URL` (a fake in tests), is accepted.
 */
export function isSlackResponseUrl(url: string, apiBaseUrl: string): boolean {
  if (!URL.canParse(url)) return false;
  const target = new URL(url);
  if (target.protocol === 'https:' && target.hostname === 'hooks.slack.com') return true;
  return target.origin === new URL(apiBaseUrl).origin;
}
