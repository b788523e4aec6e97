/**
 * An OpenAI-compatible embeddings client (`POST {baseURL}/embeddings`,
 * https://platform.openai.com/docs/api-reference/embeddings), on `fetch` so it runs in
 * workerd and Node alike. Vectors come back as float arrays or, when the server honours
 * `encoding_format: "base64"`, as base64 little-endian Float32; both are accepted.
 */
import { fromBase64 } from './codec.js';
import type { EmbeddingConfig } from '../config.js';
import { withRetries, type RetryPolicy } from './backoff.js';
import { EndpointError, postJson } from './endpoint-error.js';

export type EmbeddingKind = 'query' | 'passage';

/** Turns texts into vectors; indexes ask for passages at ingest and queries at search. */
export interface Embedder {
  /**
   * Identifies the vector space: the model chunks are embedded with (the passage model).
   * Vectors of different models are never compared.
   */
  readonly model: string;
  /** The model questions are embedded with: the passage model's query half, or the same model. */
  readonly queryModel: string;
  embed(texts: readonly string[], kind: EmbeddingKind): Promise<Float32Array[]>;
}

export interface OpenAIEmbedderOptions {
  baseUrl: string;
  apiKey?: string;
  /** Names both halves (see `modelFor`); `queryModel`/`passageModel` override one each. */
  model?: string;
  queryModel?: string;
  passageModel?: string;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Texts per request. Default 64 (well under the usual 2,048-input limit and request size caps). */
  batchSize?: number;
  /** Retries of 429s, 5xx and timeouts (bulk ingest); default: none, a question fails fast. */
  retry?: RetryPolicy;
  fetch?: typeof fetch;
}

/**
 * A failed embeddings request. `status` is the endpoint's HTTP status when it answered;
 * the message names the endpoint and the status, never the response body.
 */
export class EmbeddingError extends EndpointError {
  override name = 'EmbeddingError';
}

/** Raised when the endpoint does not answer within the timeout (the name says so, for error mapping). */
export class EmbeddingTimeoutError extends EmbeddingError {
  override name = 'EmbeddingTimeoutError';
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_BATCH_SIZE = 64;

/**
 * The model name for a kind of text. Upstage's Solar embeddings come as `-query` / `-passage`
 * pairs (DESIGN.md): `solar-embedding-2`, `solar-embedding-1-large` or either half selects
 * the right one. Other models embed both kinds alike.
 *
 * @example modelFor('solar-embedding-2-passage', 'query') // 'solar-embedding-2-query'
 */
export function modelFor(model: string, kind: EmbeddingKind): string {
  const base = model.replace(/-(query|passage)$/, '');
  if (base !== model || /^solar-embedding/.test(model)) return `${base}-${kind}`;
  return model;
}

function decodeVector(value: unknown): Float32Array {
  if (typeof value === 'string') {
    const bytes = fromBase64(value);
    if (bytes.length % 4 !== 0) throw new SyntaxError('a base64 embedding is not whole Float32 values');
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).slice();
  }
  if (Array.isArray(value) && value.every((x) => typeof x === 'number')) return Float32Array.from(value);
  throw new SyntaxError('an embedding is neither a number array nor base64');
}

function requiredModel(options: OpenAIEmbedderOptions): string {
  if (!options.model) throw new TypeError('an embedder needs `model`, or both `queryModel` and `passageModel`');
  return options.model;
}

/** An embedder for an OpenAI-compatible endpoint (Upstage, OpenAI, a local server…). */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const where = `the embeddings endpoint ${endpoint}`;

  async function request(input: readonly string[], model: string): Promise<Float32Array[]> {
    const response = await postJson(
      endpoint,
      { model, input, encoding_format: 'base64' },
      {
        apiKey: options.apiKey,
        timeoutMs,
        fetch: doFetch,
        where,
        errors: { failure: EmbeddingError, timeout: EmbeddingTimeoutError },
      },
    );
    let body: { data?: { index?: number; embedding?: unknown }[] };
    try {
      body = (await response.json()) as typeof body;
      if (!Array.isArray(body.data) || body.data.length !== input.length) {
        throw new SyntaxError(`expected ${input.length} embeddings`);
      }
      const vectors = new Array<Float32Array>(input.length);
      body.data.forEach((item, i) => (vectors[item.index ?? i] = decodeVector(item.embedding)));
      if (vectors.some((v) => !v || v.length !== vectors[0]!.length)) {
        throw new SyntaxError('embeddings differ in length');
      }
      return vectors;
    } catch (error) {
      throw new EmbeddingError(`${where} sent a malformed response (${(error as Error).message})`, undefined, {
        cause: error,
      });
    }
  }

  const models = {
    query: options.queryModel ?? modelFor(requiredModel(options), 'query'),
    passage: options.passageModel ?? modelFor(requiredModel(options), 'passage'),
  };
  return {
    model: models.passage,
    queryModel: models.query,
    async embed(texts, kind) {
      const model = models[kind];
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        const batch = texts.slice(i, i + batchSize);
        out.push(
          ...(await (options.retry ? withRetries(() => request(batch, model), options.retry) : request(batch, model))),
        );
      }
      return out;
    },
  };
}

/** The embedder the configuration asks for (EMBEDDING_BASE_URL / _API_KEY / _MODEL and its variants), or none. */
export function embedderFromConfig(
  config: EmbeddingConfig | undefined,
  options: Pick<OpenAIEmbedderOptions, 'retry'> = {},
): Embedder | undefined {
  return config ? createOpenAIEmbedder({ ...config, ...options }) : undefined;
}
