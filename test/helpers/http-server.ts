/**
 * Loopback HTTP servers for browser tests: the app itself in Node (a fetch handler behind
 * node:http), and plain host pages on other origins that embed the widget.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

function listen(server: Server): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The request as a fetch handler sees it; its signal aborts when the browser goes away, as in workerd. */
function toRequest(req: IncomingMessage, res: ServerResponse): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, signal: gone.signal };
  if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(`http://${req.headers.host}${req.url}`, init);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  const reader = response.body?.getReader();
  // Chunk by chunk, so a streamed answer reaches the browser as it is written.
  for (let read = await reader?.read(); read && !read.done && !res.destroyed; read = await reader?.read()) {
    res.write(read.value);
  }
  if (res.destroyed) await reader?.cancel().catch(() => undefined);
  res.end();
}

/** Serves a fetch handler (the Hono app) on a free loopback port, streaming its responses. */
export function serveFetch(handler: (request: Request) => Response | Promise<Response>): Promise<RunningServer> {
  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handler(toRequest(req, res)))
      .then((response) => send(res, response))
      .catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
  });
  return listen(server);
}

/** Serves one HTML page at every path (a host site that embeds the widget), read at each request. */
export function serveHtml(html: string | (() => string)): Promise<RunningServer> {
  return listen(
    createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(typeof html === 'string' ? html : html());
    }),
  );
}
