/**
 * Configuration: one zod schema over the names in DESIGN.md ("Configuration").
 *
 * Both the worker (wrangler vars/secrets) and the CLI (process.env + .dev.vars) hand a
 * plain record of strings to `parseConfig`; library code never reads the environment.
 * No key set means the embedded default (local index, offline answerer). A value that is
 * set but invalid is refused with a message naming the variable, never echoing a secret.
 */
import * as z from 'zod';
import { modelFor } from './search/embeddings.js';

/** Upstage Solar, the documented default for the OpenAI-compatible model. */
export const UPSTAGE_BASE_URL = 'https://api.upstage.ai/v1';
/**
 * Solar Pro 4 (released 2026-08-06): Upstage retires every `solar-pro2` version on
 * 2026-10-30 (KST) and names Solar Pro 4 as the migration target
 * (https://console.upstage.ai/docs/models/solar-pro-2; docs/models.md has the reasoning).
 */
export const DEFAULT_LLM_MODEL = 'solar-pro4';
/**
 * Solar Embedding 2, a query/passage pair of 1,024 dimensions. Solar Embedding 1
 * (`solar-embedding-1-large-*`, the `embedding-query`/`-passage` aliases) is deprecated on
 * 2026-12-31 UTC (https://console.upstage.ai/docs/capabilities/embed).
 */
export const DEFAULT_EMBEDDING_QUERY_MODEL = 'solar-embedding-2-query';
export const DEFAULT_EMBEDDING_PASSAGE_MODEL = 'solar-embedding-2-passage';
export const DEFAULT_SLACK_API_BASE_URL = 'https://slack.com/api';
/** The model id `/v1/models` lists and `/v1/chat/completions` answers as. */
export const DEFAULT_OPENAI_MODEL_ID = 'fund-assistant';
/** Solar answers within a few seconds; 30 s leaves room for long streamed answers. */
export const DEFAULT_LLM_TIMEOUT_MS = 30_000;
/**
 * A cited answer about a release runs to a few hundred tokens; 1,024 leaves room for a
 * multi-part answer while bounding what one question can cost and stream (issue 10).
 */
export const DEFAULT_LLM_MAX_TOKENS = 1024;
/** A quarter of questions is enough to see which gaps recur, short enough to keep little (issue 16). */
export const DEFAULT_LOG_RETENTION_DAYS = 90;
/** An admin key shorter than this could be guessed; `openssl rand -hex 32` makes a good one. */
export const MIN_ADMIN_API_KEY_CHARS = 16;

const SECRET_NAMES = new Set([
  'LLM_API_KEY',
  'EMBEDDING_API_KEY',
  'UPSTASH_VECTOR_REST_TOKEN',
  'RERANK_API_KEY',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'API_KEYS',
  'ADMIN_API_KEY',
]);

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), {
    message: 'must be an http(s) URL',
  })
  .transform((value) => value.replace(/\/+$/, ''));

const text = z.string().trim().min(1);

const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const positiveInt = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .positive('must be greater than 0');

const origins = list.refine((items) => items.every((item) => item === '*' || URL.canParse(item)), {
  message: 'must be a comma-separated list of origins (https://example.com) or *',
});

const envSchema = z.object({
  LLM_BASE_URL: httpUrl.optional(),
  LLM_API_KEY: text.optional(),
  LLM_MODEL: text.optional(),
  LLM_TIMEOUT_MS: positiveInt.optional(),
  LLM_MAX_TOKENS: positiveInt.max(32_768, 'must be at most 32768').optional(),
  // Not in DESIGN.md's list: added by the answer issue (#5) for the optional groundedness check.
  GROUNDEDNESS_MODEL: text.optional(),
  EMBEDDING_BASE_URL: httpUrl.optional(),
  EMBEDDING_API_KEY: text.optional(),
  EMBEDDING_MODEL: text.optional(),
  EMBEDDING_QUERY_MODEL: text.optional(),
  EMBEDDING_PASSAGE_MODEL: text.optional(),
  RERANK_BASE_URL: httpUrl.optional(),
  RERANK_API_KEY: text.optional(),
  RERANK_MODEL: text.optional(),
  UPSTASH_VECTOR_REST_URL: httpUrl.optional(),
  UPSTASH_VECTOR_REST_TOKEN: text.optional(),
  UPSTASH_VECTOR_NAMESPACE: text
    .regex(
      /^[A-Za-z0-9._-]{1,64}$/,
      "must be 1-64 letters, digits, '.', '_' or '-' (it becomes part of the request path)",
    )
    .optional(),
  UPSTASH_VECTOR_EMBEDDING: z.enum(['custom', 'hosted'], { message: 'must be custom or hosted' }).optional(),
  UPSTASH_VECTOR_FUSION: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['rrf', 'dbsf'], { message: 'must be rrf or dbsf' }))
    .optional(),
  SLACK_SIGNING_SECRET: text.optional(),
  // A bot token: the bot posts as itself (https://api.slack.com/authentication/token-types#bot).
  SLACK_BOT_TOKEN: text.regex(/^xoxb-/, 'must be a bot token (xoxb-…)').optional(),
  SLACK_API_BASE_URL: httpUrl.optional(),
  API_KEYS: list.optional(),
  WIDGET_ORIGINS: origins.optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .nonnegative('must be 0 (off) or more')
    .optional(),
  // A model id is also a path segment (`GET /v1/models/{id}`): OpenAI's ids use these characters.
  OPENAI_MODEL_ID: z
    .string()
    .trim()
    .regex(/^[\w.:\/-]{1,128}$/, 'must be 1 to 128 letters, digits or . _ : / -')
    .optional(),
  ADMIN_API_KEY: text
    .min(MIN_ADMIN_API_KEY_CHARS, `must be at least ${MIN_ADMIN_API_KEY_CHARS} characters`)
    .regex(/^\S+$/, 'must not contain spaces (it is sent as a Bearer token)')
    .optional(),
  LOG_RETENTION_DAYS: positiveInt.max(3650, 'must be at most 3650 (ten years)').optional(),
});

export const CONFIG_NAMES = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];

export interface LlmConfig {
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** The deadline for all of one question's model calls (rewrite, translation, answer, check). */
  timeoutMs: number;
  /** `max_tokens` of an answer; the characters read from a stream are capped in proportion. */
  maxTokens: number;
  /** Groundedness-check model on the same endpoint (Upstage: `groundedness-check`); absent: no check. */
  groundednessModel?: string;
}

export interface EmbeddingConfig {
  baseUrl: string;
  apiKey?: string;
  /** Embeds questions. */
  queryModel: string;
  /** Embeds chunks at ingest; names the vector space an index was built in. */
  passageModel: string;
}

/**
 * Where dense vectors come from: `custom` (the default) sends vectors from the configured
 * embeddings endpoint and sparse vectors from our Korean analyzer; `hosted` sends text and
 * lets the index's own Upstash-hosted models embed it (docs/upstash.md).
 */
export type UpstashEmbedding = 'custom' | 'hosted';

export interface UpstashConfig {
  url: string;
  token: string;
  /** '' is Upstash's default namespace. */
  namespace: string;
  embedding: UpstashEmbedding;
  /** How Upstash fuses the dense and sparse rankings of a hybrid query. */
  fusion: 'RRF' | 'DBSF';
}

/** A Cohere/Jina-style `POST {baseUrl}/rerank` endpoint that reorders retrieved passages. */
export interface RerankConfig {
  baseUrl: string;
  apiKey?: string;
  model: string;
}

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  apiBaseUrl: string;
}

export interface Config {
  /** Absent: the offline extractive answerer. */
  llm?: LlmConfig;
  /** Absent: lexical retrieval only. */
  embedding?: EmbeddingConfig;
  /** Absent: the local index built by `npm run ingest`. */
  upstash?: UpstashConfig;
  /** Absent: passages keep the retriever's order. */
  rerank?: RerankConfig;
  /** Absent: the Slack bot is off and `/slack/*` answers 503. */
  slack?: SlackConfig;
  /** Empty: the API is open (the embedded default). */
  apiKeys: string[];
  /** Empty: same-origin only. `*` allows any origin. */
  widgetOrigins: string[];
  /** 0: no limit. */
  rateLimitPerMinute: number;
  /** The model id of the OpenAI-compatible API. */
  openaiModelId: string;
  /** Absent: `/admin` and `/admin/api/*` are off and say how to turn them on. */
  adminApiKey?: string;
  /** Answer-log rows older than this many days are deleted by the daily cron. */
  logRetentionDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly variables: string[],
  ) {
    super(message);
  }
}

/** Treats empty strings as unset, so `LLM_API_KEY=` in .dev.vars means "no key". */
function presentValues(env: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of CONFIG_NAMES) {
    const value = env[name];
    if (typeof value === 'string' && value.trim() !== '') values[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') values[name] = String(value);
  }
  return values;
}

/** A URL's `user:pass@` is a credential: never echo it. */
function withoutUserInfo(value: string): string {
  return value.replace(/^([a-z][\w+.-]*:\/\/)[^/?#\s]*@/i, '$1…@');
}

function describeIssue(name: string, message: string, raw: string | undefined): string {
  const shown = raw === undefined || SECRET_NAMES.has(name) ? '' : ` (got ${JSON.stringify(withoutUserInfo(raw))})`;
  return `${name} ${message}${shown}`;
}

/**
 * Parses configuration from a record of strings (worker `env`, or `process.env`).
 *
 * @example parseConfig({ LLM_API_KEY: 'up_...' }).llm?.baseUrl // 'https://api.upstage.ai/v1'
 * @throws ConfigError naming every invalid variable.
 */
export function parseConfig(env: Record<string, unknown>): Config {
  const raw = presentValues(env);
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration');
      return { name, text: describeIssue(name, issue.message, raw[name]) };
    });
    throw new ConfigError(
      `Invalid configuration: ${problems.map((p) => p.text).join('; ')}`,
      problems.map((p) => p.name),
    );
  }
  const v = parsed.data;

  const missingPair = (a: keyof typeof v, b: keyof typeof v) =>
    v[a] !== undefined && v[b] === undefined ? `${b} is required when ${a} is set` : undefined;
  // A setting that only means something beside another would silently do nothing alone.
  const llmEndpoint = Boolean(v.LLM_BASE_URL || v.LLM_API_KEY);
  const needsLlm = (name: keyof typeof v, why: string) =>
    v[name] !== undefined && !llmEndpoint ? `${name} needs LLM_API_KEY or LLM_BASE_URL (${why})` : undefined;
  const upstashSet = v.UPSTASH_VECTOR_REST_URL !== undefined && v.UPSTASH_VECTOR_REST_TOKEN !== undefined;
  const embeddingSet = v.EMBEDDING_BASE_URL !== undefined || v.EMBEDDING_API_KEY !== undefined;
  const hosted = v.UPSTASH_VECTOR_EMBEDDING === 'hosted';
  const withoutEffect = (needed: boolean, names: (keyof typeof v)[], needs: string) =>
    needed ? [] : names.filter((name) => v[name] !== undefined).map((name) => `${name} has no effect without ${needs}`);
  const pairProblems = [
    missingPair('UPSTASH_VECTOR_REST_URL', 'UPSTASH_VECTOR_REST_TOKEN'),
    missingPair('UPSTASH_VECTOR_REST_TOKEN', 'UPSTASH_VECTOR_REST_URL'),
    needsLlm('GROUNDEDNESS_MODEL', 'the check runs on the LLM endpoint'),
    needsLlm('LLM_MODEL', 'the offline answerer has no model to choose'),
    needsLlm('LLM_MAX_TOKENS', 'the offline answerer quotes sentences, it does not generate tokens'),
    needsLlm('LLM_TIMEOUT_MS', 'the offline answerer makes no model calls to time out'),
    // Slack needs both: the secret to trust what Slack sends, the token to answer (issue 13).
    missingPair('SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'),
    missingPair('SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'),
    v.SLACK_API_BASE_URL !== undefined && !(v.SLACK_BOT_TOKEN && v.SLACK_SIGNING_SECRET)
      ? 'SLACK_API_BASE_URL needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (without them the Slack bot is off)'
      : undefined,
    // A key can never live in a web page, so with keys set any origin would be a way around them.
    v.API_KEYS?.length && v.WIDGET_ORIGINS?.includes('*')
      ? 'WIDGET_ORIGINS must list the sites (not *) when API_KEYS is set: browser calls from those origins skip the key'
      : undefined,
    ...withoutEffect(
      upstashSet,
      ['UPSTASH_VECTOR_NAMESPACE', 'UPSTASH_VECTOR_EMBEDDING', 'UPSTASH_VECTOR_FUSION'],
      'UPSTASH_VECTOR_REST_URL and UPSTASH_VECTOR_REST_TOKEN',
    ),
    ...withoutEffect(
      embeddingSet,
      ['EMBEDDING_MODEL', 'EMBEDDING_QUERY_MODEL', 'EMBEDDING_PASSAGE_MODEL'],
      'EMBEDDING_API_KEY or EMBEDDING_BASE_URL',
    ),
    ...withoutEffect(v.RERANK_BASE_URL !== undefined, ['RERANK_API_KEY', 'RERANK_MODEL'], 'RERANK_BASE_URL'),
    missingPair('RERANK_BASE_URL', 'RERANK_MODEL'),
    upstashSet && !hosted && !embeddingSet
      ? 'UPSTASH_VECTOR_REST_URL needs dense vectors: set EMBEDDING_API_KEY (or EMBEDDING_BASE_URL), ' +
        'or UPSTASH_VECTOR_EMBEDDING=hosted for an index created with Upstash-hosted models'
      : undefined,
    ...withoutEffect(
      !(upstashSet && hosted),
      ['EMBEDDING_BASE_URL', 'EMBEDDING_API_KEY'],
      "a custom-vector index (UPSTASH_VECTOR_EMBEDDING=hosted embeds text with the index's own models)",
    ),
  ].filter((p): p is string => Boolean(p));
  if (pairProblems.length > 0) {
    throw new ConfigError(
      `Invalid configuration: ${pairProblems.join('; ')}`,
      pairProblems.map((p) => p.split(' ')[0]!),
    );
  }

  // A key alone means Upstage Solar; a base URL alone means a keyless local server.
  const llm: LlmConfig | undefined =
    v.LLM_BASE_URL || v.LLM_API_KEY
      ? {
          baseUrl: v.LLM_BASE_URL ?? UPSTAGE_BASE_URL,
          apiKey: v.LLM_API_KEY,
          model: v.LLM_MODEL ?? DEFAULT_LLM_MODEL,
          timeoutMs: v.LLM_TIMEOUT_MS ?? DEFAULT_LLM_TIMEOUT_MS,
          maxTokens: v.LLM_MAX_TOKENS ?? DEFAULT_LLM_MAX_TOKENS,
          ...(v.GROUNDEDNESS_MODEL ? { groundednessModel: v.GROUNDEDNESS_MODEL } : {}),
        }
      : undefined;

  // EMBEDDING_MODEL names both halves (a Solar `-query`/`-passage` pair is split by modelFor);
  // the _QUERY_ and _PASSAGE_ variants override one half each.
  const embedding: EmbeddingConfig | undefined = embeddingSet
    ? {
        baseUrl: v.EMBEDDING_BASE_URL ?? UPSTAGE_BASE_URL,
        apiKey: v.EMBEDDING_API_KEY,
        queryModel:
          v.EMBEDDING_QUERY_MODEL ??
          (v.EMBEDDING_MODEL ? modelFor(v.EMBEDDING_MODEL, 'query') : DEFAULT_EMBEDDING_QUERY_MODEL),
        passageModel:
          v.EMBEDDING_PASSAGE_MODEL ??
          (v.EMBEDDING_MODEL ? modelFor(v.EMBEDDING_MODEL, 'passage') : DEFAULT_EMBEDDING_PASSAGE_MODEL),
      }
    : undefined;

  const upstash: UpstashConfig | undefined = upstashSet
    ? {
        url: v.UPSTASH_VECTOR_REST_URL!,
        token: v.UPSTASH_VECTOR_REST_TOKEN!,
        namespace: v.UPSTASH_VECTOR_NAMESPACE ?? '',
        embedding: v.UPSTASH_VECTOR_EMBEDDING ?? 'custom',
        fusion: v.UPSTASH_VECTOR_FUSION === 'dbsf' ? 'DBSF' : 'RRF',
      }
    : undefined;

  const rerank: RerankConfig | undefined =
    v.RERANK_BASE_URL && v.RERANK_MODEL
      ? { baseUrl: v.RERANK_BASE_URL, apiKey: v.RERANK_API_KEY, model: v.RERANK_MODEL }
      : undefined;

  return {
    llm,
    embedding,
    upstash,
    rerank,
    slack:
      v.SLACK_SIGNING_SECRET && v.SLACK_BOT_TOKEN
        ? {
            signingSecret: v.SLACK_SIGNING_SECRET,
            botToken: v.SLACK_BOT_TOKEN,
            apiBaseUrl: v.SLACK_API_BASE_URL ?? DEFAULT_SLACK_API_BASE_URL,
          }
        : undefined,
    apiKeys: v.API_KEYS ?? [],
    widgetOrigins: v.WIDGET_ORIGINS ?? [],
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE ?? 0,
    openaiModelId: v.OPENAI_MODEL_ID ?? DEFAULT_OPENAI_MODEL_ID,
    ...(v.ADMIN_API_KEY ? { adminApiKey: v.ADMIN_API_KEY } : {}),
    logRetentionDays: v.LOG_RETENTION_DAYS ?? DEFAULT_LOG_RETENTION_DAYS,
  };
}

/** What `/health` reports as the live mode. */
export function describeMode(config: Config): {
  index: 'local' | 'upstash';
  llm: 'offline' | 'openai-compatible';
} {
  return {
    index: config.upstash ? 'upstash' : 'local',
    llm: config.llm ? 'openai-compatible' : 'offline',
  };
}
