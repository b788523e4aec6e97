import type { LoadedDocument, Section, SourceFile } from './types.js';
import { SkipFileError } from './types.js';
import { decodeText } from './decode.js';
import { documentIdFromPath, fileNameTitle } from './document-id.js';
import { dateFromText } from './metadata.js';
import { tokenizeMarkup } from './markup.js';
import { cleanText } from './clean-text.js';
import { primaryLanguage } from '../text/language.js';

/** Elements whose content is never the page's text: code, styling, navigation and chrome. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'iframe',
  'object',
  'head',
]);
/** Roles that mark navigation and chrome on a generic element. */
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'complementary']);
/** Elements that end a paragraph. */
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'figure',
  'figcaption',
  'address',
  'hr',
  'br',
  'caption',
]);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'area', 'base', 'col', 'embed', 'source', 'wbr']);

/**
 * Loads an HTML page: the text of its body without scripts, styles, navigation, headers
 * and footers; headings (h1-h6) open sections with their path; table rows read as
 * `cell | cell`. Title from <title> (or the <h1> when the title only adds the site's
 * name), date from `<meta>` (article:published_time, date) or the text, language from
 * `<html lang>` or the text. The charset comes from a BOM, `<meta charset>` or detection.
 */
export function loadHtml(file: SourceFile): LoadedDocument {
  const head = new TextDecoder('latin1').decode(file.bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  const source = decodeText(file.bytes, { declared });
  const page = parseHtml(source);
  const text = page.sections.map((s) => s.text).join('\n');
  if (!/[\p{L}\p{N}]/u.test(text)) throw new SkipFileError('no text');
  const h1 = page.headings[0];
  const title = page.title && h1 && page.title.includes(h1) ? h1 : (page.title ?? h1 ?? fileNameTitle(file.path));
  const lang = /^(ko|en)\b/i.exec(page.lang ?? '')?.[1]?.toLowerCase() as 'ko' | 'en' | undefined;
  return {
    meta: {
      id: documentIdFromPath(file.path),
      title,
      date: page.date ?? dateFromText(text),
      lang: lang ?? primaryLanguage(text),
      ...(page.canonical ? { source: page.canonical, url: page.canonical } : {}),
    },
    sections: page.sections,
  };
}

interface ParsedPage {
  title?: string;
  lang?: string;
  date?: string;
  canonical?: string;
  /** h1 texts, in order. */
  headings: string[];
  sections: Section[];
}

function parseHtml(source: string): ParsedPage {
  const page: ParsedPage = { headings: [], sections: [] };
  const path: string[] = [];
  let paragraphs: string[] = [];
  let line = '';
  // The element being skipped (nav, script...) and how deeply it nests in itself.
  let skip: { name: string; depth: number } | undefined;
  let heading: { level: number; text: string } | undefined;
  let inTitle = false;
  let row: string[] | undefined;
  let cell: string | undefined;

  const endLine = () => {
    const text = cleanText(line).replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    line = '';
  };
  const endSection = () => {
    endLine();
    if (paragraphs.length)
      page.sections.push({ text: paragraphs.join('\n\n'), ...(path.length ? { headings: [...path] } : {}) });
    paragraphs = [];
  };
  const append = (text: string) => {
    if (heading) heading.text += text;
    else if (cell !== undefined) cell += text;
    else line += text;
  };

  for (const token of tokenizeMarkup(source, { html: true })) {
    if (token.type === 'text') {
      if (inTitle) page.title ??= cleanText(token.text).replace(/\s+/g, ' ').trim() || undefined;
      else if (!skip) append(token.text);
      continue;
    }
    const name = token.name;
    if (token.type === 'open') {
      if (name === 'html' && token.attrs.lang) page.lang = token.attrs.lang;
      if (name === 'meta') readMeta(token.attrs, page);
      if (
        name === 'link' &&
        /\bcanonical\b/i.test(token.attrs.rel ?? '') &&
        /^https?:\/\//.test(token.attrs.href ?? '')
      ) {
        page.canonical = token.attrs.href;
      }
      if (name === 'title') {
        inTitle = !token.selfClosing;
        continue;
      }
      const opens = !token.selfClosing && !VOID.has(name);
      if (skip) {
        if (opens && name === skip.name) skip.depth++;
        continue;
      }
      const role = token.attrs.role?.toLowerCase();
      if (SKIPPED.has(name) || (role && SKIPPED_ROLES.has(role)) || 'hidden' in token.attrs) {
        if (opens) skip = { name, depth: 1 };
        continue;
      }
      const level = /^h([1-6])$/.exec(name)?.[1];
      if (level) {
        endLine();
        heading = { level: Number(level), text: '' };
      } else if (name === 'tr') {
        endLine();
        row = [];
      } else if ((name === 'td' || name === 'th') && row) {
        cell = '';
      } else if (name === 'li') {
        endLine();
        line = '- ';
      } else if (name === 'img' && token.attrs.alt) {
        append(` ${token.attrs.alt} `);
      } else if (BLOCK.has(name)) {
        endLine();
      }
      continue;
    }
    // Closing tags.
    if (name === 'title') {
      inTitle = false;
      continue;
    }
    if (skip) {
      if (name === skip.name && --skip.depth === 0) skip = undefined;
      continue;
    }
    if (heading && name === `h${heading.level}`) {
      const text = cleanText(heading.text).replace(/\s+/g, ' ').trim();
      if (text) {
        endSection();
        if (heading.level === 1) page.headings.push(text);
        path.splice(heading.level - 1);
        while (path.length < heading.level - 1) path.push('');
        path.push(text);
        for (let i = path.length - 1; i >= 0; i--) if (!path[i]) path.splice(i, 1);
      }
      heading = undefined;
    } else if ((name === 'td' || name === 'th') && row && cell !== undefined) {
      const text = cleanText(cell).replace(/\s+/g, ' ').trim();
      if (text) row.push(text);
      cell = undefined;
    } else if (name === 'tr' && row) {
      if (row.length) paragraphs.push(row.join(' | '));
      row = undefined;
    } else if (BLOCK.has(name)) {
      endLine();
    }
  }
  endSection();
  return page;
}

function readMeta(attrs: Record<string, string>, page: ParsedPage): void {
  const key = (attrs.property ?? attrs.name ?? attrs['http-equiv'] ?? '').toLowerCase();
  const content = attrs.content?.trim();
  if (!content) return;
  if (/^(article:published_time|date|dc\.date|dcterms\.date|pubdate|publishdate)$/.test(key)) {
    page.date ??= /^\d{4}-\d{2}-\d{2}/.exec(content)?.[0] ?? dateFromText(content);
  }
  if (key === 'content-language' && !page.lang) page.lang = content;
}
