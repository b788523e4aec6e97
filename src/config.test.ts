import { describe, expect, it } from 'vitest';
import { ConfigError, describeMode, parseConfig, UPSTAGE_BASE_URL } from './config.js';

const UPSTASH = { UPSTASH_VECTOR_REST_URL: 'https://x.upstash.io', UPSTASH_VECTOR_REST_TOKEN: 't' };
const UPSTASH_CONFIG = { url: 'https://x.upstash.io', token: 't' };

describe('parseConfig', () => {
  it('gives the embedded default when nothing is set', () => {
    const config = parseConfig({});
    expect(config.llm).toBeUndefined();
    expect(config.upstash).toBeUndefined();
    expect(describeMode(config)).toEqual({ index: 'local', llm: 'offline' });
    expect(config.apiKeys).toEqual([]);
  });

  it('treats empty values as unset', () => {
    expect(describeMode(parseConfig({ LLM_API_KEY: '', LLM_BASE_URL: '  ' }))).toEqual({
      index: 'local',
      llm: 'offline',
    });
  });

  it('defaults to Upstage Solar when only a key is given', () => {
    const config = parseConfig({ LLM_API_KEY: 'up_secret' });
    expect(config.llm).toMatchObject({ baseUrl: UPSTAGE_BASE_URL, apiKey: 'up_secret', timeoutMs: 30_000 });
    expect(describeMode(config).llm).toBe('openai-compatible');
  });

  it('accepts a keyless local OpenAI-compatible server', () => {
    const config = parseConfig({
      LLM_BASE_URL: 'http://127.0.0.1:11434/v1/',
      LLM_MODEL: 'qwen',
      LLM_TIMEOUT_MS: '5000',
    });
    expect(config.llm).toEqual({
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: undefined,
      model: 'qwen',
      timeoutMs: 5000,
      maxTokens: 1024,
    });
  });

  it('names the variable of an invalid value', () => {
    expect(() => parseConfig({ LLM_BASE_URL: 'not a url' })).toThrow(
      /LLM_BASE_URL must be an http\(s\) URL \(got "not a url"\)/,
    );
    expect(() => parseConfig({ LLM_TIMEOUT_MS: 'soon' })).toThrow(/LLM_TIMEOUT_MS/);
    expect(() => parseConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => parseConfig({ WIDGET_ORIGINS: 'example' })).toThrow(/WIDGET_ORIGINS/);
  });

  it('never echoes a secret in the message', () => {
    try {
      parseConfig({ UPSTASH_VECTOR_REST_URL: 'ftp://x', UPSTASH_VECTOR_REST_TOKEN: 'tok_very_secret' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('UPSTASH_VECTOR_REST_URL');
      expect((error as Error).message).not.toContain('tok_very_secret');
    }
  });

  it('requires the Upstash URL and token together', () => {
    expect(() => parseConfig({ UPSTASH_VECTOR_REST_URL: 'https://x.upstash.io' })).toThrow(
      /UPSTASH_VECTOR_REST_TOKEN is required/,
    );
    const config = parseConfig({ ...UPSTASH, EMBEDDING_API_KEY: 'up_e' });
    expect(describeMode(config).index).toBe('upstash');
    expect(config.upstash).toEqual({ ...UPSTASH_CONFIG, namespace: '', embedding: 'custom', fusion: 'RRF' });
  });

  it('reads the Upstash namespace, embedding source and fusion', () => {
    const config = parseConfig({
      ...UPSTASH,
      UPSTASH_VECTOR_NAMESPACE: 'press-2026',
      UPSTASH_VECTOR_EMBEDDING: 'hosted',
      UPSTASH_VECTOR_FUSION: 'DBSF',
    });
    expect(config.upstash).toMatchObject({ namespace: 'press-2026', embedding: 'hosted', fusion: 'DBSF' });
    expect(() => parseConfig({ ...UPSTASH, EMBEDDING_API_KEY: 'k', UPSTASH_VECTOR_FUSION: 'max' })).toThrow(
      /UPSTASH_VECTOR_FUSION must be rrf or dbsf/,
    );
    expect(() => parseConfig({ ...UPSTASH, EMBEDDING_API_KEY: 'k', UPSTASH_VECTOR_NAMESPACE: 'a/b' })).toThrow(
      /UPSTASH_VECTOR_NAMESPACE must be 1-64 letters/,
    );
  });

  it('refuses an Upstash index without a source of dense vectors', () => {
    expect(() => parseConfig(UPSTASH)).toThrow(/UPSTASH_VECTOR_REST_URL needs dense vectors/);
  });

  it('refuses an embeddings endpoint that a hosted-model index would never call', () => {
    expect(() => parseConfig({ ...UPSTASH, UPSTASH_VECTOR_EMBEDDING: 'hosted', EMBEDDING_API_KEY: 'k' })).toThrow(
      /EMBEDDING_API_KEY has no effect without a custom-vector index/,
    );
  });

  it('refuses settings that would have no effect, naming them', () => {
    const refused = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (error) {
        return (error as ConfigError).variables;
      }
      return [];
    };
    expect(refused({ UPSTASH_VECTOR_NAMESPACE: 'x', UPSTASH_VECTOR_FUSION: 'dbsf' })).toEqual([
      'UPSTASH_VECTOR_NAMESPACE',
      'UPSTASH_VECTOR_FUSION',
    ]);
    expect(refused({ EMBEDDING_QUERY_MODEL: 'q' })).toEqual(['EMBEDDING_QUERY_MODEL']);
    expect(refused({ RERANK_MODEL: 'rerank-v3.5' })).toEqual(['RERANK_MODEL']);
    expect(refused({ RERANK_BASE_URL: 'https://api.cohere.com/v2' })).toEqual(['RERANK_MODEL']);
  });

  it('defaults to Solar Embedding 2, one model name per kind of text', () => {
    expect(parseConfig({ EMBEDDING_API_KEY: 'k' }).embedding).toMatchObject({
      queryModel: 'solar-embedding-2-query',
      passageModel: 'solar-embedding-2-passage',
    });
    expect(parseConfig({ EMBEDDING_API_KEY: 'k', EMBEDDING_MODEL: 'solar-embedding-1-large' }).embedding).toMatchObject(
      { queryModel: 'solar-embedding-1-large-query', passageModel: 'solar-embedding-1-large-passage' },
    );
    expect(
      parseConfig({ EMBEDDING_BASE_URL: 'http://127.0.0.1:1/v1', EMBEDDING_MODEL: 'bge-m3' }).embedding,
    ).toMatchObject({ queryModel: 'bge-m3', passageModel: 'bge-m3' });
    expect(
      parseConfig({ EMBEDDING_API_KEY: 'k', EMBEDDING_MODEL: 'e5', EMBEDDING_QUERY_MODEL: 'e5-q' }).embedding,
    ).toMatchObject({ queryModel: 'e5-q', passageModel: 'e5' });
  });

  it('defaults the chat model to Solar Pro 4', () => {
    expect(parseConfig({ LLM_API_KEY: 'k' }).llm?.model).toBe('solar-pro4');
  });

  it('reads a rerank endpoint', () => {
    expect(
      parseConfig({ RERANK_BASE_URL: 'https://api.jina.ai/v1/', RERANK_MODEL: 'jina-reranker-v2', RERANK_API_KEY: 'j' })
        .rerank,
    ).toEqual({ baseUrl: 'https://api.jina.ai/v1', apiKey: 'j', model: 'jina-reranker-v2' });
  });

  it('splits API_KEYS and WIDGET_ORIGINS lists', () => {
    const config = parseConfig({ API_KEYS: 'a, b,,c', WIDGET_ORIGINS: 'https://intranet.example, https://b.example' });
    expect(config.apiKeys).toEqual(['a', 'b', 'c']);
    expect(config.widgetOrigins).toEqual(['https://intranet.example', 'https://b.example']);
    expect(parseConfig({ WIDGET_ORIGINS: '*' }).widgetOrigins).toEqual(['*']);
  });

  it('names the model of the OpenAI-compatible API with OPENAI_MODEL_ID', () => {
    expect(parseConfig({}).openaiModelId).toBe('fund-assistant');
    expect(parseConfig({ OPENAI_MODEL_ID: ' fund-assistant:ko ' }).openaiModelId).toBe('fund-assistant:ko');
    // It is a path segment of GET /v1/models/{id}.
    expect(() => parseConfig({ OPENAI_MODEL_ID: 'fund assistant?' })).toThrow(/OPENAI_MODEL_ID must be 1 to 128/);
  });

  it('refuses any origin when keys guard the API: a page cannot hold a key, so * would bypass them', () => {
    expect(() => parseConfig({ API_KEYS: 'k1', WIDGET_ORIGINS: 'https://a.example, *' })).toThrow(/WIDGET_ORIGINS/);
  });

  it('refuses model settings that would do nothing without a model endpoint', () => {
    for (const name of ['LLM_MODEL', 'LLM_MAX_TOKENS', 'LLM_TIMEOUT_MS', 'GROUNDEDNESS_MODEL']) {
      expect(() => parseConfig({ [name]: '100' }), name).toThrow(new RegExp(`${name} needs LLM_API_KEY`));
    }
    expect(parseConfig({ LLM_API_KEY: 'k', LLM_MAX_TOKENS: '256' }).llm?.maxTokens).toBe(256);
  });

  it('never echoes the user:pass of a URL', () => {
    try {
      parseConfig({ LLM_BASE_URL: 'ftp://admin:hunter2@llm.example/v1' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('LLM_BASE_URL');
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  describe('Slack', () => {
    const secret = { SLACK_SIGNING_SECRET: 'sig-secret' };
    const token = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc' };

    it('is off with neither variable, and on with both, at slack.com by default', () => {
      expect(parseConfig({}).slack).toBeUndefined();
      expect(parseConfig({ ...secret, ...token }).slack).toEqual({
        signingSecret: 'sig-secret',
        botToken: 'xoxb-1-2-abc',
        apiBaseUrl: 'https://slack.com/api',
      });
    });

    it('refuses one without the other, naming the missing variable', () => {
      expect(() => parseConfig(token)).toThrow(/SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set/);
      expect(() => parseConfig(secret)).toThrow(/SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET is set/);
      try {
        parseConfig(token);
        expect.unreachable();
      } catch (error) {
        expect((error as ConfigError).variables).toEqual(['SLACK_SIGNING_SECRET']);
      }
    });

    it('refuses a token that is not a bot token, without echoing it, and a base URL with the bot off', () => {
      try {
        parseConfig({ ...secret, SLACK_BOT_TOKEN: 'xoxp-user-token-123' });
        expect.unreachable();
      } catch (error) {
        expect((error as Error).message).toContain('SLACK_BOT_TOKEN must be a bot token');
        expect((error as Error).message).not.toContain('xoxp-user-token-123');
      }
      expect(() => parseConfig({ SLACK_API_BASE_URL: 'http://127.0.0.1:9/api' })).toThrow(
        /SLACK_API_BASE_URL needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/,
      );
      const local = parseConfig({ ...secret, ...token, SLACK_API_BASE_URL: 'http://127.0.0.1:9/api/' });
      expect(local.slack?.apiBaseUrl).toBe('http://127.0.0.1:9/api');
    });
  });
});
