import type { ChatMessage } from '../../types.js';
import { MAX_MESSAGES } from '../web/chat-limits.js';
import type { OpenAIMessage } from './request-schema.js';
import { withoutSourcesList } from './sources-list.js';

/**
 * The conversation `answer()` reads from OpenAI `messages`: user questions and assistant
 * answers in order, the last `MAX_MESSAGES` of them (the limit of `/api/chat`; a chat
 * front end resends a whole long conversation, so old turns are dropped, not refused).
 *
 * System and developer messages are left out: the grounding rules (answer only from the
 * corpus, cite every claim, say when it is not there) are the server's, and a front end's
 * system prompt, or a user's "ignore your sources", must not replace them. Tool results
 * are left out too: the assistant calls no tools, so they come from another model's turns.
 *
 * @example toConversation([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Q?' }])
 * // [{ role: 'user', content: 'Q?' }]
 */
export function toConversation(messages: OpenAIMessage[]): ChatMessage[] {
  const turns = messages.flatMap((m): ChatMessage[] => {
    if (m.role === 'user' && m.content.trim()) return [{ role: 'user', content: m.content }];
    if (m.role === 'assistant' && m.content.trim())
      return [{ role: 'assistant', content: withoutSourcesList(m.content) }];
    return [];
  });
  return turns.slice(-MAX_MESSAGES);
}
