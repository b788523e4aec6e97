import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCENT, readSettings, type SettingsSource } from './settings.js';

const source = (data: SettingsSource['data'], more: Partial<SettingsSource> = {}): SettingsSource => ({
  data,
  src: 'https://assistant.example/widget.js',
  browserLanguages: ['en-US'],
  isColor: (v) => /^#[0-9a-f]{3,8}$|^rebeccapurple$/i.test(v),
  ...more,
});

describe('readSettings', () => {
  it('reads the tag of the issue: title and language, the API beside the script', () => {
    expect(readSettings(source({ title: '펀드 도우미', lang: 'ko' }))).toEqual({
      mode: 'bubble',
      lang: 'ko',
      title: '펀드 도우미',
      accent: DEFAULT_ACCENT,
      position: 'bottom-right',
      apiBase: 'https://assistant.example/',
    });
  });

  it('takes the accent, the corner and page mode when given, and a path prefix from the src', () => {
    const settings = readSettings(
      source(
        { accent: 'rebeccapurple', position: 'bottom-left', mode: 'page', mount: 'chat' },
        { src: 'https://intranet.example/fund/widget.js?v=2' },
      ),
    );
    expect(settings).toMatchObject({ accent: 'rebeccapurple', position: 'bottom-left', mode: 'page', mount: 'chat' });
    expect(settings.apiBase).toBe('https://intranet.example/fund/');
  });

  it("falls back on the browser's language, then English; and on the default for a value it does not know", () => {
    expect(readSettings(source({ lang: 'fr' }, { browserLanguages: ['fr-FR', 'ko-KR'] })).lang).toBe('ko');
    expect(readSettings(source({}, { browserLanguages: ['de'] })).lang).toBe('en');
    const odd = readSettings(source({ accent: 'red; background: url(x)', position: 'top' }));
    expect(odd).toMatchObject({ accent: DEFAULT_ACCENT, position: 'bottom-right' });
  });
});
