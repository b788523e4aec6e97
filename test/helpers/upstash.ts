/**
 * An Upstash setup on loopback fakes: the fake Upstash REST server, a fake OpenAI-compatible
 * embeddings endpoint (deterministic hashed-bigram vectors), and helpers to ingest a corpus
 * and open the adapter over it, as production wires them.
 */
import { Index as NodeIndex } from '@upstash/vector';
import { startFakeUpstashServer, type FakeUpstashOptions, type FakeUpstashServer } from '../fakes/upstash-server.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../fakes/openai-server.js';
import { createOpenAIEmbedder, type Embedder } from '../../src/search/embeddings.js';
import { createUpstashRequester } from '../../src/search/upstash-requester.js';
import { connectUpstash, type VectorIndex } from '../../src/search/upstash-connect.js';
import { syncToUpstash, type SyncCorpus, type SyncOptions } from '../../src/search/upstash-sync.js';
import { UpstashIndex, type UpstashIndexOptions } from '../../src/search/upstash-index.js';
import { buildIndexFromCorpus } from '../../src/cli/index-store.js';
import { DEFAULT_CORPUS_DIR } from '../../src/cli/paths.js';

export const FAKE_DIMENSIONS = 64;
/** Issue 15's bound: the golden set's hit@5 through Upstash may differ from the local index's by this much. */
export const HIT5_TOLERANCE = 0.02;
export const FAKE_PASSAGE_MODEL = 'fake-embedding-passage';
export const FAKE_QUERY_MODEL = 'fake-embedding-query';

export interface UpstashFixture {
  upstash: FakeUpstashServer;
  embeddings: FakeOpenAIServer;
  embedder: Embedder;
  /** The worker's client (the SDK's `/cloudflare` entry). */
  client: VectorIndex;
  /** The ingest CLI's client (the SDK's Node entry on the status-keeping requester, quick retries). */
  ingestClient: VectorIndex;
  /** The app's environment for this setup. */
  env: Record<string, string>;
  sync(corpus: SyncCorpus, options?: Partial<SyncOptions>): ReturnType<typeof syncToUpstash>;
  open(options?: Partial<UpstashIndexOptions>): Promise<UpstashIndex>;
  close(): Promise<void>;
}

export async function startUpstashFixture(options: FakeUpstashOptions = {}): Promise<UpstashFixture> {
  const upstash = await startFakeUpstashServer({ dimension: FAKE_DIMENSIONS, ...options });
  const embeddings = await startFakeOpenAIServer({ dimensions: FAKE_DIMENSIONS, apiKey: 'embed-key' });
  const embedder = createOpenAIEmbedder({
    baseUrl: embeddings.url,
    apiKey: 'embed-key',
    passageModel: FAKE_PASSAGE_MODEL,
    queryModel: FAKE_QUERY_MODEL,
  });
  const config = {
    url: upstash.url,
    token: upstash.token,
    namespace: 'test',
    embedding: 'custom',
    fusion: 'RRF',
  } as const;
  const client = connectUpstash(config);
  const ingestClient = new NodeIndex(
    createUpstashRequester({ url: upstash.url, token: upstash.token, retry: { attempts: 3, baseDelayMs: 5 } }),
  );
  return {
    upstash,
    embeddings,
    embedder,
    client,
    ingestClient,
    env: {
      UPSTASH_VECTOR_REST_URL: upstash.url,
      UPSTASH_VECTOR_REST_TOKEN: upstash.token,
      UPSTASH_VECTOR_NAMESPACE: 'test',
      EMBEDDING_BASE_URL: embeddings.url,
      EMBEDDING_API_KEY: 'embed-key',
      EMBEDDING_PASSAGE_MODEL: FAKE_PASSAGE_MODEL,
      EMBEDDING_QUERY_MODEL: FAKE_QUERY_MODEL,
    },
    sync: (corpus, overrides = {}) =>
      syncToUpstash(corpus, {
        index: ingestClient,
        namespace: 'test',
        embedding: 'custom',
        embedder,
        ...overrides,
      }),
    open: (overrides = {}) =>
      UpstashIndex.open({
        index: client,
        namespace: 'test',
        embedding: 'custom',
        fusion: 'RRF',
        embedder,
        onWarning: () => {},
        ...overrides,
      }),
    close: async () => {
      await upstash.close();
      await embeddings.close();
    },
  };
}

/** A fixture with the sample corpus ingested, as after `npm run ingest -- --target upstash`. */
export async function startSampleUpstash(): Promise<UpstashFixture> {
  const fixture = await startUpstashFixture();
  await fixture.sync(await sampleCorpus());
  return fixture;
}

let sample: Promise<SyncCorpus> | undefined;

/** The shipped sample corpus as ingest reads it (documents, chunks, mined glossary). */
export function sampleCorpus(): Promise<SyncCorpus> {
  sample ??= buildIndexFromCorpus(DEFAULT_CORPUS_DIR).then(({ data }) => ({
    documents: data.documents,
    chunks: data.chunks,
    glossary: data.glossary,
  }));
  return sample;
}
