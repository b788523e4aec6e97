/**
 * Reads a `text/event-stream` body into events as they arrive (the WHATWG HTML "server-sent
 * events" parsing rules: lines end in CRLF, LF or CR; `data:` lines join with `\n`; a blank
 * line dispatches; `:` starts a comment). `EventSource` cannot POST, hence this.
 */

export interface ServerSentEvent {
  event: string;
  data: string;
}

/** The events of a stream; a last event without its blank line is dropped, as the spec says. */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let end: number;
      // A CR at the buffer's end may be half of a CRLF: wait for the next chunk unless the stream is over.
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0 && (done || end < buffer.length - 1 || buffer[end] !== '\r')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (done) {
        finished = true;
        return;
      }
    }
  } finally {
    // A reader that stops early (an `error` event, a stop) closes the connection too.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
