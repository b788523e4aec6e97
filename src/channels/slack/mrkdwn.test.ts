import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnLink, slackTextToPlain } from './mrkdwn.js';

describe('markdownToMrkdwn', () => {
  it('turns bold, italics, strike-through, headings and bullets into mrkdwn', () => {
    expect(markdownToMrkdwn('**5조6천억 원** is *large* and ~~small~~')).toBe('*5조6천억 원* is _large_ and ~small~');
    expect(markdownToMrkdwn('## 요약\n- 첫째\n* 둘째')).toBe('*요약*\n• 첫째\n• 둘째');
  });

  it('turns links into <url|text> and keeps code as typed', () => {
    expect(markdownToMrkdwn('see [the release](https://fsc.go.kr/a?b=1&c=2) [1]')).toBe(
      'see <https://fsc.go.kr/a?b=1&amp;c=2|the release> [1]',
    );
    expect(markdownToMrkdwn('run `a **b** <c>`')).toBe('run `a **b** &lt;c&gt;`');
  });

  it('escapes every control sequence, so nothing in a question, answer or document pings anyone', () => {
    const hostile = '<!channel> <!here> <@U123ABC> <!subteam^S1> <https://evil.example|click> a & b';
    const out = markdownToMrkdwn(hostile);
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&lt;@U123ABC&gt;');
    expect(out).toContain('a &amp; b');
  });

  it('links only http(s) URLs, and a label cannot close the link early', () => {
    expect(markdownToMrkdwn('[x](javascript:alert(1))')).not.toContain('<javascript');
    expect(mrkdwnLink('https://a.example/x|y', 'label')).toBe('<https://a.example/x%7Cy|label>');
    expect(mrkdwnLink('https://a.example/', 'a>b|c <!here>')).toBe('<https://a.example/|a&gt;b¦c &lt;!here&gt;>');
    expect(mrkdwnLink('ftp://a.example/', 'doc')).toBe('doc');
  });

  it('escapes the three characters Slack reserves', () => {
    expect(escapeMrkdwn('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });
});

describe('slackTextToPlain', () => {
  it('drops user mentions and unescapes entities', () => {
    expect(slackTextToPlain('<@U0FUNDBOT> 업스테이지 &amp; 퓨처그래프 &lt;투자&gt;')).toBe(
      '업스테이지 & 퓨처그래프 <투자>',
    );
  });

  it('reduces channel and link markup to its label, and leaves other sequences as text', () => {
    expect(slackTextToPlain('<#C123|fund> <https://a.example|기사> <https://b.example> <!channel>')).toBe(
      '#fund 기사 https://b.example <!channel>',
    );
  });
});
