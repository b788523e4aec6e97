export interface SseEvent {
  event: string;
  data: unknown;
}

/** Parses a complete text/event-stream body into its events. */
export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
      return { event, data: data ? JSON.parse(data) : null };
    });
}
