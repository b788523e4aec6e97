/**
 * The worker's local index is a set of static assets (wrangler.toml `[assets]`, built by
 * `npm run ingest`): a JSON manifest naming binary shards, each under the 25 MiB asset
 * limit, read through the ASSETS binding on first use, shard by shard.
 */
import { UpstreamError } from '../errors.js';
import { LOCAL_INDEX_FILE_NAME, type LocalIndex, type LocalIndexOptions } from './local-index.js';
import { loadLocalIndex } from './index-file-reader.js';

export async function loadIndexFromAssets(assets: Fetcher, options: LocalIndexOptions): Promise<LocalIndex> {
  const asset = async (file: string) => {
    const response = await assets.fetch(new Request(`https://assets.invalid/${file}`));
    if (!response.ok) {
      throw new UpstreamError(
        `the local index file ${file} is missing; run \`npm run ingest\``,
        503,
        'index_unavailable',
      );
    }
    return response;
  };
  const manifest = await (await asset(LOCAL_INDEX_FILE_NAME)).text();
  return loadLocalIndex(manifest, async (file) => new Uint8Array(await (await asset(file)).arrayBuffer()), options);
}
