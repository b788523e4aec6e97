import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.js';

describe('parseMarkdown', () => {
  it('reads an answer with bold, a citation and a list', () => {
    expect(
      parseMarkdown('업스테이지에 **5조6천억 원**을 투자합니다 [1].\n\n- 승인: 4월 30일 [1, 2]\n- 형태: 지분'),
    ).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '업스테이지에 ' },
          { type: 'strong', children: [{ type: 'text', text: '5조6천억 원' }] },
          { type: 'text', text: '을 투자합니다 ' },
          { type: 'cite', numbers: [1] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [
            { type: 'text', text: '승인: 4월 30일 ' },
            { type: 'cite', numbers: [1, 2] },
          ],
          [{ type: 'text', text: '형태: 지분' }],
        ],
      },
    ]);
  });

  it('keeps raw HTML as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> <script>alert(2)</script>')).toEqual([
      {
        type: 'paragraph',
        children: [{ type: 'text', text: '<img src=x onerror=alert(1)> <script>alert(2)</script>' }],
      },
    ]);
  });

  it('reads headings, ordered lists from their number, quotes, code fences and line breaks', () => {
    const blocks = parseMarkdown('## 요약\n3. 셋째\n4. 넷째\n\n> 인용\n\n```\n<b>코드</b>\n```\n첫 줄\n둘째 줄');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'quote', 'code', 'paragraph']);
    expect(blocks[1]).toMatchObject({ ordered: true, start: 3 });
    expect(blocks[3]).toEqual({ type: 'code', text: '<b>코드</b>' });
    expect(blocks[4]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: '첫 줄' }, { type: 'break' }, { type: 'text', text: '둘째 줄' }],
    });
  });

  it('renders what has arrived of a streamed answer: an unclosed fence is code, half a bold is text', () => {
    expect(parseMarkdown('```\nconst a')).toEqual([{ type: 'code', text: 'const a' }]);
    expect(parseMarkdown('**5조')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '**5조' }] }]);
  });
});

describe('parseInline links', () => {
  it('links http(s) only: javascript:, data: and relative targets stay text', () => {
    const nodes = parseInline(
      '[원문](https://fsc.go.kr/a?b=1) [x](javascript:alert(1)) [y](JavaScript:void%200) [z](data:text/html,hi) [w](/admin)',
    );
    expect(nodes.filter((n) => n.type === 'link')).toEqual([
      { type: 'link', href: 'https://fsc.go.kr/a?b=1', children: [{ type: 'text', text: '원문' }] },
    ]);
    expect(nodes.slice(1)).toEqual([{ type: 'text', text: ' [x](javascript:alert(1)) y z w' }]);
  });

  it('links a bare URL without the sentence punctuation after it', () => {
    expect(parseInline('자세한 내용은 https://www.fsc.go.kr/no010101.')).toEqual([
      { type: 'text', text: '자세한 내용은 ' },
      {
        type: 'link',
        href: 'https://www.fsc.go.kr/no010101',
        children: [{ type: 'text', text: 'https://www.fsc.go.kr/no010101' }],
      },
      { type: 'text', text: '.' },
    ]);
  });

  it('does not take the note stars of a Korean release for italics', () => {
    expect(parseInline('의대 정원 증원* 규모와 입법*을 논의')).toEqual([
      { type: 'text', text: '의대 정원 증원* 규모와 입법*을 논의' },
    ]);
    expect(parseInline('*중요* 사항')).toEqual([
      { type: 'em', children: [{ type: 'text', text: '중요' }] },
      { type: 'text', text: ' 사항' },
    ]);
  });
});
