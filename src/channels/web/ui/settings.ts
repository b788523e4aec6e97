/**
 * What a `<script src="…/widget.js" data-…>` tag asks for (issue 11): the title, accent
 * colour, corner and language from its `data-` attributes, and the API from its own `src`.
 */
import type { UiLang } from './i18n.js';

export type WidgetMode = 'bubble' | 'page';
export type WidgetPosition = 'bottom-right' | 'bottom-left';

export interface WidgetSettings {
  /** `bubble`: a chat bubble in a corner; `page`: the chat fills an element (the worker's own `/`). */
  mode: WidgetMode;
  lang: UiLang;
  /** Undefined: the language's default title. */
  title?: string;
  accent: string;
  position: WidgetPosition;
  /** The URL the script came from, minus its file name: `api/chat` and `sources/…` resolve against it. */
  apiBase: string;
  /** Page mode: the id of the element the chat fills. */
  mount?: string;
}

/** The current page's blue, legible with white text (contrast 4.6:1). */
export const DEFAULT_ACCENT = '#1f6feb';

export interface SettingsSource {
  /** The script element's `dataset`. */
  data: Record<string, string | undefined>;
  /** The script's `src`, absolute. */
  src: string;
  /** `navigator.languages`, for a tag without `data-lang`. */
  browserLanguages: readonly string[];
  /** Whether CSS accepts the value as a colour (`CSS.supports('color', v)` in a browser). */
  isColor: (value: string) => boolean;
}

function languageOf(requested: string | undefined, browserLanguages: readonly string[]): UiLang {
  const wanted = requested?.trim().toLowerCase();
  if (wanted === 'ko' || wanted === 'en') return wanted;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ko' || primary === 'en') return primary;
  }
  return 'en';
}

/**
 * Reads the settings; a value that is missing or not understood falls back to its default.
 *
 * @example readSettings({ data: { title: '펀드 도우미', lang: 'ko' }, src: 'https://fa.example/widget.js', … })
 */
export function readSettings(source: SettingsSource): WidgetSettings {
  const { data } = source;
  const accent = data.accent?.trim();
  const title = data.title?.trim();
  const mount = data.mount?.trim();
  return {
    mode: data.mode === 'page' ? 'page' : 'bubble',
    lang: languageOf(data.lang, source.browserLanguages),
    ...(title ? { title } : {}),
    accent: accent && source.isColor(accent) ? accent : DEFAULT_ACCENT,
    position: data.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
    apiBase: new URL('.', source.src).href,
    ...(mount ? { mount } : {}),
  };
}
