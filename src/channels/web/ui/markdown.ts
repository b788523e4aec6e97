/**
 * The Markdown an answer may use, parsed into plain data that `render-markdown.ts` turns
 * into DOM nodes: paragraphs, headings, lists, quotes, code, bold, italics, links and the
 * `[n]` citation markers. Raw HTML is not Markdown here: `<img …>` stays text, because
 * neither the model nor the corpus may put markup on a page (issue 11).
 *
 * Parsing is forgiving on purpose: it runs on every streamed token, so a half-written
 * `**bold` or an unclosed code fence renders as what has arrived so far.
 */

import { safeHref } from '../safe-href.js';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  /** `href` is an absolute http(s) URL: anything else is dropped while parsing. */
  | { type: 'link'; href: string; children: Inline[] }
  /** `[1]` or `[1, 2]`: the sources an answer cites (DESIGN.md, "HTTP"). */
  | { type: 'cite'; numbers: number[] }
  | { type: 'break' };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'code'; text: string };

const INLINE_PATTERNS = [
  /* 1 code */ '`([^`\\n]+)`',
  /* 2 label, 3 href */ '\\[([^\\[\\]\\n]+)\\]\\(\\s*<?([^\\s()<>]+)>?\\s*\\)',
  /* 4 citation numbers, as answer/citations.ts reads them */ '\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)\\]',
  /* 5 strong */ '\\*\\*(?=\\S)([^\\n]*?\\S)\\*\\*',
  // Korean releases mark notes with a star after a word (증원*, 입법*을): a single star is
  // italics only when it stands apart from letters on its outer sides.
  /* 6 em */ '(?<![\\p{L}\\p{N}*])\\*(?=[^\\s*])([^*\\n]*?[^\\s*])\\*(?![\\p{L}\\p{N}*])',
  /* 7 bare URL, without the punctuation that ends a sentence */ '(https?:\\/\\/[^\\s<>"\']*[^\\s<>"\'.,;:!?)\\]])',
];
const INLINE = new RegExp(INLINE_PATTERNS.join('|'), 'gu');

function pushText(out: Inline[], text: string): void {
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    if (!line) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += line;
    else out.push({ type: 'text', text: line });
  });
}

/** Inline Markdown of one block; a line break inside it is a `break`. Links do not nest. */
export function parseInline(text: string, inLink = false): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, label, href, cite, strong, em, bare] = match;
    const start = match.index;
    pushText(out, text.slice(at, start));
    at = start + whole.length;
    if (code !== undefined) out.push({ type: 'code', text: code });
    else if (label !== undefined) {
      const safe = inLink ? undefined : safeHref(href!);
      const children = parseInline(label, true);
      if (safe) out.push({ type: 'link', href: safe, children });
      else
        for (const child of children) {
          if (child.type === 'text') pushText(out, child.text);
          else out.push(child);
        }
    } else if (cite !== undefined) out.push({ type: 'cite', numbers: cite.split(',').map((n) => Number(n.trim())) });
    else if (strong !== undefined) out.push({ type: 'strong', children: parseInline(strong, inLink) });
    else if (em !== undefined) out.push({ type: 'em', children: parseInline(em, inLink) });
    else if (bare !== undefined) {
      const safe = inLink ? undefined : safeHref(bare);
      if (safe) out.push({ type: 'link', href: safe, children: [{ type: 'text', text: bare }] });
      else pushText(out, bare);
    }
  }
  pushText(out, text.slice(at));
  return out;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const ORDERED_ITEM = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const BULLET_ITEM = /^\s{0,3}[-*+•]\s+(.*)$/;
const QUOTE_LINE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;

/**
 * Parses an answer into blocks.
 *
 * @example parseMarkdown('**5조6천억 원** [1]') // [{ type: 'paragraph', children: [strong, text, cite] }]
 */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | undefined;

  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    if (quote.length) blocks.push({ type: 'quote', children: parseInline(quote.join('\n')) });
    if (list)
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        start: list.start,
        items: list.items.map((item) => parseInline(item)),
      });
    paragraph = [];
    quote = [];
    list = undefined;
  };
  const addItem = (ordered: boolean, start: number, text: string) => {
    if (!list || list.ordered !== ordered) {
      flush();
      list = { ordered, start, items: [] };
    }
    list.items.push(text);
  };

  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) code.push(lines[i]!);
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    if (!line.trim() || RULE.test(line)) {
      flush();
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = HEADING.exec(line))) {
      flush();
      blocks.push({ type: 'heading', level: m[1]!.length, children: parseInline(m[2]!) });
    } else if ((m = ORDERED_ITEM.exec(line))) addItem(true, Number(m[1]), m[2]!);
    else if ((m = BULLET_ITEM.exec(line))) addItem(false, 1, m[1]!);
    else if ((m = QUOTE_LINE.exec(line))) {
      if (paragraph.length || list) flush();
      quote.push(m[1]!);
    } else if (list) {
      // A line under an item without a blank line continues it (CommonMark's lazy continuation).
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (quote.length) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
