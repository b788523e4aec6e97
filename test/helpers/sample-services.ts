import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { parseConfig } from '../../src/config.js';
import { lazy, type AppServices } from '../../src/services.js';
import { LocalIndex } from '../../src/search/local-index.js';
import { ExtractiveChatModel } from '../../src/answer/extractive/extractive-model.js';
import { buildIndexFromCorpus } from '../../src/cli/index-store.js';
import { DEFAULT_CORPUS_DIR } from '../../src/cli/paths.js';

let sampleIndex: Promise<LocalIndex> | undefined;

/** The local index of the shipped sample corpus, built in memory once per test file. */
export function sampleCorpusIndex(): Promise<LocalIndex> {
  sampleIndex ??= buildIndexFromCorpus(DEFAULT_CORPUS_DIR).then((result) => new LocalIndex(result.data));
  return sampleIndex;
}

/** App services over the sample corpus; override the model or config to test other modes. */
export function sampleServices(overrides: { model?: BaseChatModel; env?: Record<string, string> } = {}): AppServices {
  return {
    config: parseConfig(overrides.env ?? {}),
    model: overrides.model ?? new ExtractiveChatModel(),
    retriever: lazy(sampleCorpusIndex),
  };
}
