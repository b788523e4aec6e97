/**
 * The numbered context block of a prompt, and its parser.
 *
 * Sources are wrapped in <source n="…"> tags: models cite the `n`, and the tags mark the
 * text as data, not instructions. The offline answerer reads the same block back with
 * `parseContext`, so it sees exactly what a hosted model would see.
 */
import type { Lang, Passage } from '../types.js';

export interface ContextSource {
  n: number;
  title: string;
  /** Headings above the passage, outermost first, joined with ' > '. */
  section?: string;
  date?: string;
  lang: Lang;
  page?: number;
  text: string;
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeAttr = (value: string) =>
  value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
/** A document cannot close its own tag and smuggle text out of the data block. */
const neutralize = (text: string) => text.replace(/<\/?\s*(source|context)\b/gi, (m) => m.replace('<', '‹'));

export function toContextSources(passages: Passage[]): ContextSource[] {
  return passages.map((p, i) => ({
    n: i + 1,
    title: p.title,
    // An attribute, not a first line: a heading is not a sentence the answerer may quote.
    ...(p.headings?.length ? { section: p.headings.join(' > ') } : {}),
    date: p.date,
    lang: p.lang,
    page: p.page,
    text: p.text,
  }));
}

export function formatContext(sources: ContextSource[]): string {
  const blocks = sources.map((s) => {
    const attrs = [
      `n="${s.n}"`,
      `title="${escapeAttr(s.title)}"`,
      s.section ? `section="${escapeAttr(s.section)}"` : '',
      s.date ? `date="${s.date}"` : '',
      `lang="${s.lang}"`,
      s.page !== undefined ? `page="${s.page}"` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return `<source ${attrs}>\n${neutralize(s.text)}\n</source>`;
  });
  return `<context>\n${blocks.join('\n')}\n</context>`;
}

const SOURCE = /<source ([^>]*)>\n([\s\S]*?)\n<\/source>/g;
const ATTR = /(\w+)="([^"]*)"/g;

/** Reads the sources back from a prompt that contains a context block. */
export function parseContext(prompt: string): ContextSource[] {
  // The rules may mention <context> in prose; the block itself starts a line.
  const start = prompt.indexOf('<context>\n');
  const end = prompt.lastIndexOf('</context>');
  if (start < 0 || end < start) return [];
  const block = prompt.slice(start, end);
  const sources: ContextSource[] = [];
  for (const match of block.matchAll(SOURCE)) {
    const attrs: Record<string, string> = {};
    for (const [, key, value] of match[1]!.matchAll(ATTR)) attrs[key!] = unescapeAttr(value!);
    const n = Number(attrs.n);
    if (!Number.isInteger(n)) continue;
    sources.push({
      n,
      title: attrs.title ?? '',
      ...(attrs.section ? { section: attrs.section } : {}),
      date: attrs.date,
      lang: attrs.lang === 'en' ? 'en' : 'ko',
      page: attrs.page !== undefined ? Number(attrs.page) : undefined,
      text: match[2]!,
    });
  }
  return sources;
}

/** Removes the context block, leaving the instructions around it. */
export function withoutContext(prompt: string): string {
  return prompt.replace(/<context>\n[\s\S]*<\/context>/, '');
}
