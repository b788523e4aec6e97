import { describe, expect, it } from 'vitest';
import { loadHtml } from './html.js';

const page = (html: string | Uint8Array) =>
  loadHtml({ path: 'news/fund.html', bytes: typeof html === 'string' ? new TextEncoder().encode(html) : html });

describe('loadHtml', () => {
  const html = `<!doctype html><html lang="ko"><head>
    <meta charset="utf-8"><title>국민성장펀드, 업스테이지 투자 승인 | 금융위원회</title>
    <meta property="article:published_time" content="2026-04-30T09:00:00+09:00">
    <style>body { color: red }</style><script>window.track("보이면 안 됨")</script></head>
    <body><header><a href="/">홈</a></header><nav><ul><li>메뉴 항목</li></ul></nav>
    <main><h1>국민성장펀드, 업스테이지 투자 승인</h1>
    <p>금융위원회는 5조6천억&nbsp;원 투자를 승인하였다. &lt;요약&gt; &#xAC00;&#44033;</p>
    <h2>자금 구성</h2><table><tr><th>출처</th><th>금액</th></tr><tr><td>첨단전략산업기금</td><td>1조 원</td></tr></table>
    <ul><li>IBK기업은행 3천억 원</li><li>민간 4조3천억 원</li></ul>
    <div role="navigation">이전 글 다음 글</div></main>
    <footer>Copyright 금융위원회</footer></body></html>`;

  it('keeps the body text without scripts, styles, navigation, header and footer', () => {
    const doc = page(html);
    const text = doc.sections.map((s) => s.text).join('\n');
    expect(text).toContain('금융위원회는 5조6천억 원 투자를 승인하였다. <요약> 가각');
    for (const hidden of ['보이면 안 됨', 'color: red', '메뉴 항목', '홈', '이전 글', 'Copyright']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('takes title, date and language from the head', () => {
    expect(page(html).meta).toMatchObject({
      id: 'news/fund',
      title: '국민성장펀드, 업스테이지 투자 승인',
      date: '2026-04-30',
      lang: 'ko',
    });
  });

  it('gives sections their heading path and tables rows of cells', () => {
    const section = page(html).sections.find((s) => s.text.includes('첨단전략산업기금'))!;
    expect(section.headings).toEqual(['국민성장펀드, 업스테이지 투자 승인', '자금 구성']);
    expect(section.text).toContain('출처 | 금액\n\n첨단전략산업기금 | 1조 원');
    expect(section.text).toContain('- IBK기업은행 3천억 원');
  });

  it('decodes a page declared as EUC-KR', () => {
    const head = new TextEncoder().encode('<html><head><meta charset="euc-kr"><title>');
    // "공고" in EUC-KR
    const title = new Uint8Array([0xb0, 0xf8, 0xb0, 0xed]);
    const tail = new TextEncoder().encode('</title></head><body><p>2024</p></body></html>');
    expect(page(new Uint8Array([...head, ...title, ...tail])).meta.title).toBe('공고');
  });
});
