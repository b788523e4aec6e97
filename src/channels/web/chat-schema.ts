import * as z from 'zod';
import { isIsoCalendarDate } from '../../text/dates.js';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES } from './chat-limits.js';

const isoDate = z.string().refine(isIsoCalendarDate, 'must be a calendar date as YYYY-MM-DD');

export const chatFiltersSchema = z
  .object({
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    lang: z.enum(['ko', 'en']).optional(),
    tags: z.array(z.string().min(1)).max(20).optional(),
    documents: z.array(z.string().min(1).max(500)).max(50).optional(),
  })
  .strict();

export const chatRequestSchema = z.object({
  messages: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant']),
        content: z.string().max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`),
      }),
    )
    .min(1, 'must hold at least one message')
    .max(MAX_MESSAGES, `must hold at most ${MAX_MESSAGES} messages`)
    .refine((messages) => {
      const last = messages[messages.length - 1];
      return last?.role === 'user' && last.content.trim() !== '';
    }, 'must end with a non-empty user message'),
  stream: z.boolean().optional(),
  filters: chatFiltersSchema.optional(),
  lang: z.enum(['ko', 'en']).optional(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
