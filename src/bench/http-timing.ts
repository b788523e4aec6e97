/**
 * Client-side timings for `npm run bench`: one request's latency (JSON) or time to first
 * token (SSE), and throughput at a concurrency with autocannon.
 */
import autocannon from 'autocannon';

export interface JsonRequest {
  url: string;
  body?: unknown;
}

/** Milliseconds until the whole JSON (or any) response has been read. */
export async function timeJson({ url, body }: JsonRequest): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, body === undefined ? {} : jsonPost(body));
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

/** Milliseconds until the first SSE `token` event arrives; the rest of the stream is read too. */
export async function timeFirstToken({ url, body }: JsonRequest): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, jsonPost(body, 'text/event-stream'));
  if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`);
  let firstToken: number | undefined;
  let text = '';
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    text += decoder.decode(read.value, { stream: true });
    if (firstToken === undefined && /^event: token$/m.test(text)) firstToken = performance.now() - started;
  }
  if (firstToken === undefined) throw new Error(`${url} streamed no token event`);
  return firstToken;
}

function jsonPost(body: unknown, accept = 'application/json'): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) };
}

export interface Throughput {
  rps: number;
  p50: number;
  p97_5: number;
  errors: number;
  non2xx: number;
}

/** Requests per second (and latency) of `connections` clients for `seconds`. */
export async function throughput(
  { url, body }: JsonRequest,
  connections: number,
  seconds: number,
): Promise<Throughput> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
