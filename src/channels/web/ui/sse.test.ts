import { describe, expect, it } from 'vitest';
import { readServerSentEvents, type ServerSentEvent } from './sse.js';

/** A body that arrives in the given pieces, as a network delivers it. */
function body(pieces: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(typeof piece === 'string' ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const out: ServerSentEvent[] = [];
  for await (const event of readServerSentEvents(stream)) out.push(event);
  return out;
}

describe('readServerSentEvents', () => {
  it('reads events split anywhere, a Hangul character and a CRLF included', async () => {
    const bytes = new TextEncoder().encode(
      'event: token\r\ndata: {"text":"국민"}\r\n\r\nevent: done\r\ndata: {}\r\n\r\n',
    );
    // Cut inside the three bytes of 국 and between CR and LF.
    const cuts = [13, 30, 40];
    const pieces = [0, ...cuts].map((from, i) => bytes.slice(from, cuts[i] ?? bytes.length));
    expect(await collect(body(pieces))).toEqual([
      { event: 'token', data: '{"text":"국민"}' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('joins data lines, skips comments, and defaults the event name to message', async () => {
    expect(await collect(body([': keep-alive\n\ndata: a\ndata: b\n\n']))).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('drops a last event the stream cut before its blank line', async () => {
    expect(await collect(body(['event: token\ndata: {"text":"a"}\n\nevent: done\ndata: {"answer"']))).toEqual([
      { event: 'token', data: '{"text":"a"}' },
    ]);
  });
});
