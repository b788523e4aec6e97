/**
 * The worker's local index is a static asset (wrangler.toml `[assets]`, built by
 * `npm run ingest`), read through the ASSETS binding on first use.
 */
import { UpstreamError } from '../errors.js';
import { LOCAL_INDEX_FILE_NAME, LocalIndex, type LocalIndexOptions } from './local-index.js';

export async function loadIndexFromAssets(assets: Fetcher, options: LocalIndexOptions): Promise<LocalIndex> {
  const response = await assets.fetch(new Request(`https://assets.invalid/${LOCAL_INDEX_FILE_NAME}`));
  if (!response.ok) {
    throw new UpstreamError('the local index is missing; run `npm run ingest`', 503, 'index_unavailable');
  }
  return LocalIndex.fromJSON(await response.text(), options);
}
