/**
 * A small streaming tokenizer for XML (OWPML) and HTML: tags with attributes, text,
 * comments, CDATA and the raw text of <script>/<style>. Forgiving on purpose: real HTML is
 * rarely well formed, and a loader only needs text in order with the tags around it.
 */

export type MarkupToken =
  | { type: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

/** Elements whose content is raw text up to their closing tag (HTML). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * Yields the tokens of a document. Names are lower-cased with their namespace prefix kept
 * (`hp:t`); entities in text and attribute values are decoded.
 */
export function* tokenizeMarkup(source: string, options: { html?: boolean } = {}): Generator<MarkupToken> {
  let i = 0;
  const n = source.length;
  while (i < n) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      yield { type: 'text', text: decodeEntities(source.slice(i)) };
      return;
    }
    if (lt > i) yield { type: 'text', text: decodeEntities(source.slice(i, lt)) };
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      yield { type: 'text', text: source.slice(lt + 9, end < 0 ? n : end) };
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (source[lt + 1] === '!' || source[lt + 1] === '?') {
      const end = source.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const gt = findTagEnd(source, lt);
    if (gt < 0 || !/[A-Za-z/]/.test(source[lt + 1] ?? '')) {
      // A lone "<" in text (HTML is forgiving): keep it as text.
      yield { type: 'text', text: '<' };
      i = lt + 1;
      continue;
    }
    const body = source.slice(lt + 1, gt);
    i = gt + 1;
    if (body.startsWith('/')) {
      yield { type: 'close', name: body.slice(1).trim().toLowerCase() };
      continue;
    }
    const nameMatch = /^[^\s/>]+/.exec(body);
    if (!nameMatch) continue;
    const name = nameMatch[0].toLowerCase();
    const selfClosing = body.endsWith('/');
    const attrs: Record<string, string> = {};
    for (const m of body.slice(name.length, selfClosing ? -1 : undefined).matchAll(ATTRIBUTE)) {
      attrs[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    }
    yield { type: 'open', name, attrs, selfClosing };
    if (options.html && !selfClosing && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, 'ig');
      close.lastIndex = i;
      const m = close.exec(source);
      const end = m ? m.index : n;
      const raw = source.slice(i, end);
      yield { type: 'text', text: name === 'title' || name === 'textarea' ? decodeEntities(raw) : raw };
      yield { type: 'close', name };
      i = m ? end + m[0].length : n;
    }
  }
}

/** The `>` that ends a tag, skipping quoted attribute values. */
function findTagEnd(source: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // Quotes only open inside an attribute value (after "=").
      if (source[i - 1] === '=' || /=\s*$/.test(source.slice(Math.max(start, i - 4), i))) quote = c;
    } else if (c === '>') return i;
    else if (c === '<' && i > start + 1) return -1;
  }
  return -1;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  middot: '·',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  rarr: '→',
  larr: '←',
  uarr: '↑',
  darr: '↓',
  sim: '∼',
  yen: '¥',
  euro: '€',
  pound: '£',
  cent: '¢',
  sect: '§',
  para: '¶',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwj: '\u200d',
  zwnj: '\u200c',
  shy: '\u00ad',
};

/** Decodes `&amp;`, `&#44032;`, `&#xAC00;` and the common named entities; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
