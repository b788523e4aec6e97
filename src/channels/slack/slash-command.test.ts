import { describe, expect, it } from 'vitest';
import { isSlackResponseUrl, parseCommandForm, readCommandText } from './slash-command.js';

describe('readCommandText', () => {
  it('asks privately by default and publicly after "public"', () => {
    expect(readCommandText(' 업스테이지 투자 규모는? ')).toEqual({
      kind: 'question',
      question: '업스테이지 투자 규모는?',
      responseType: 'ephemeral',
    });
    expect(readCommandText('public 업스테이지 투자 규모는?')).toEqual({
      kind: 'question',
      question: '업스테이지 투자 규모는?',
      responseType: 'in_channel',
    });
    expect(readCommandText('Public How much?')).toMatchObject({ responseType: 'in_channel', question: 'How much?' });
    expect(readCommandText('publicity rules?')).toMatchObject({ responseType: 'ephemeral' });
  });

  it('explains the usage for help, an empty text, or "public" alone', () => {
    for (const text of ['', '  ', 'help', 'HELP', '도움말', 'public']) expect(readCommandText(text).kind).toBe('help');
  });
});

describe('parseCommandForm', () => {
  it('needs a command and a response URL', () => {
    expect(() => parseCommandForm('text=hi')).toThrow(/command/);
    expect(parseCommandForm('command=%2Ffund&response_url=https%3A%2F%2Fhooks.slack.com%2Fx')).toMatchObject({
      command: '/fund',
      text: '',
    });
  });
});

describe('isSlackResponseUrl', () => {
  it("accepts Slack's hooks and the configured API host, nothing else", () => {
    const api = 'https://slack.com/api';
    expect(isSlackResponseUrl('https://hooks.slack.com/commands/T1/2/abc', api)).toBe(true);
    expect(isSlackResponseUrl('http://hooks.slack.com/commands/T1/2/abc', api)).toBe(false);
    expect(isSlackResponseUrl('https://hooks.slack.com.evil.example/x', api)).toBe(false);
    expect(isSlackResponseUrl('http://169.254.169.254/latest', api)).toBe(false);
    expect(isSlackResponseUrl('http://127.0.0.1:4000/commands/x', 'http://127.0.0.1:4000/api')).toBe(true);
    expect(isSlackResponseUrl('not a url', api)).toBe(false);
  });
});
