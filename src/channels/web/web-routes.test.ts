/** The web channel's pages over the real app in memory: `/widget.js` and the source pages a citation opens. */
import { beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { createApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { lazy, type AppServices } from '../../services.js';
import { ingestFiles } from '../../ingest/corpus.js';
import { createIndexData, LocalIndex } from '../../search/local-index.js';
import { ExtractiveChatModel } from '../../answer/extractive/extractive-model.js';
import type { ChatResponse } from '../../types.js';
import { textPdf } from '../../../test/helpers/pdf-fixtures.js';
import { citationHref } from './ui/message-view.js';
import { sourcePath } from './source-path.js';

const BASE = 'http://127.0.0.1:8787/';
const KOREAN_ID = '보도자료/2026 업스테이지 #1';
const INJECTED = '<img src=x onerror="window.__pwned=1">';

const CORPUS = [
  {
    path: `${KOREAN_ID}.md`,
    bytes: strToU8(
      '---\ntitle: 업스테이지 투자 승인\ndate: 2026-04-30\nlang: ko\n---\n\n' +
        '금융위원회는 국민성장펀드가 업스테이지에 5조6천억 원을 투자하는 안건을 승인하였다.\n\n' +
        '투자는 지분 인수 방식으로 이루어진다.',
    ),
  },
  {
    path: 'reports/annual.pdf',
    bytes: textPdf([
      ['Growth fund annual report', 'The fund opened in 2025.'],
      ['The fund lent 300 billion won to battery makers.'],
    ]),
  },
  {
    path: 'plans/plan.hwpx',
    bytes: zipSync({
      'Contents/section0.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="s" xmlns:hp="p">' +
          '<hp:p><hp:run><hp:t>첫 쪽: 추진 계획의 개요.</hp:t></hp:run></hp:p>' +
          '<hp:p pageBreak="1"><hp:run><hp:t>둘째 쪽: 예산은 3천억 원이다.</hp:t></hp:run></hp:p></hs:sec>',
      ),
    }),
  },
  {
    path: 'injected.txt',
    bytes: strToU8(
      `${INJECTED} notice\n\nThe notice says ${INJECTED} and [click](javascript:window.__pwned=2) <script>window.__pwned=3</script>.`,
    ),
  },
  {
    path: 'linked.md',
    bytes: strToU8(
      '---\ntitle: Linked release\nlang: en\nsource: https://www.fsc.go.kr/no010101/86000\n---\n\nThe linked release text.',
    ),
  },
];

let app: ReturnType<typeof createApp>;
let index: LocalIndex;

beforeAll(async () => {
  const { documents, chunks, warnings } = await ingestFiles(CORPUS);
  expect(warnings).toEqual([]);
  index = new LocalIndex(createIndexData(documents, chunks));
  app = createApp(servicesOver(index));
});

function servicesOver(retriever: AppServices extends { retriever: () => Promise<infer R> } ? R : never): AppServices {
  return { config: parseConfig({}), model: new ExtractiveChatModel(), retriever: lazy(async () => retriever) };
}

/** What a browser following a link sends. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(new URL(path, BASE).href, { headers: { accept: BROWSER_ACCEPT, ...headers } });

describe('GET /widget.js', () => {
  it('can be loaded by other sites, is cached briefly and revalidates by ETag', async () => {
    const res = await get('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await get('/widget.js', { 'if-none-match': etag! })).status).toBe(304);
  });
});

describe('GET /sources/:id', () => {
  it("opens from an answer's citation on the cited passage, highlighted, for an id with folders, Hangul, a space and #", async () => {
    const res = await app.request(`${BASE}api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: '국민성장펀드가 업스테이지에 투자하는 금액은?' }] }),
    });
    const answer = (await res.json()) as ChatResponse;
    const citation = answer.citations.find((c) => c.id === KOREAN_ID)!;
    expect(citation).toBeDefined();
    const page = await get(citationHref(citation, BASE));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<h1>업스테이지 투자 승인</h1>');
    expect(html).toContain('2026-04-30');
    expect(html).toMatch(/<section class="chunk cited" id="cited"[^>]*>.*<mark>[^<]*5조6천억 원[^<]*<\/mark>/s);
  });

  it('shows the cited page of a PDF, with the way to the pages beside it', async () => {
    const html = await (
      await get(sourcePath('reports/annual', { page: 2, snippet: 'The fund lent 300 billion won' }))
    ).text();
    expect(html).toContain('Page 2 of 2');
    expect(html).toMatch(/<mark>The fund lent 300 billion won to battery makers.<\/mark>/);
    expect(html).not.toContain('The fund opened in 2025.');
    expect(html).toContain('<a href="?page=1">');
  });

  it('shows the cited page of an HWPX file too', async () => {
    const html = await (await get(sourcePath('plans/plan', { page: 2, snippet: '둘째 쪽: 예산은' }))).text();
    expect(html).toContain('2쪽 중 2쪽');
    expect(html).toContain('<mark>둘째 쪽: 예산은 3천억 원이다.</mark>');
    expect(html).not.toContain('추진 계획의 개요.</p>');
  });

  it('escapes a passage and a title that hold markup and a javascript: link', async () => {
    const html = await (await get(sourcePath('injected', { snippet: 'The notice says' }))).text();
    expect(html).not.toMatch(/<img|<script>window|href="javascript:/i);
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(html).toContain('[click](javascript:window.__pwned=2) &lt;script&gt;');
  });

  it("links the document's original when it has one, and a citation opens that instead", async () => {
    const html = await (await get(sourcePath('linked'))).text();
    expect(html).toContain('<a href="https://www.fsc.go.kr/no010101/86000" rel="noopener noreferrer">Original</a>');
    const citation = {
      n: 1,
      id: 'linked',
      title: 'Linked release',
      url: 'https://www.fsc.go.kr/no010101/86000',
      snippet: 'x',
    };
    expect(citationHref(citation, BASE)).toBe('https://www.fsc.go.kr/no010101/86000');
    expect(citationHref({ ...citation, url: 'javascript:alert(1)' }, BASE)).toBe(`${BASE}sources/linked?quote=x#cited`);
  });

  it('says so when the quoted passage or the page is not there, and shows the whole document', async () => {
    const html = await (await get(sourcePath('reports/annual', { page: 9, snippet: 'no such words' }))).text();
    expect(html).toContain('There is no page 9; showing the whole document.');
    expect(html).toContain('The cited passage is not on this page any more');
    expect(html).toContain('The fund opened in 2025.');
    expect(html).not.toContain('<mark>');
  });

  it('answers an unknown id with a friendly 404 page that escapes the id', async () => {
    const res = await get('/sources/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('문서를 찾을 수 없습니다');
    expect(html).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(html).not.toContain('<script>');
  });

  it('answers an API client the JSON error of DESIGN.md instead', async () => {
    const res = await get('/sources/nope', { accept: '*/*' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('says so, with a 404, when the index keeps no texts', async () => {
    const textless = createApp(
      servicesOver({ search: async () => [], stats: async () => ({ documents: 0, chunks: 0 }) }),
    );
    const page = await textless.request(`${BASE}sources/anything`, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Sources unavailable');
    const json = await textless.request(`${BASE}sources/anything`);
    expect(await json.json()).toMatchObject({ error: { code: 'sources_unavailable' } });
  });
});
