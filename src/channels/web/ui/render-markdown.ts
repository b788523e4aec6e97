/** Turns parsed Markdown (`markdown.ts`) into DOM nodes, one element per node, text as text. */
import type { Block, Inline } from './markdown.js';
import { h, type Child } from './dom.js';

/** Where a citation marker points; undefined while its citation has not arrived (or never will). */
export interface CitationTarget {
  href: string;
  /** Read out and shown on hover: which source this is. */
  label: string;
}

export type CitationLookup = (n: number) => CitationTarget | undefined;

/** Links leave the chat in a new tab, without handing it a reference to this page. */
const EXTERNAL = { target: '_blank', rel: 'noopener noreferrer' };

function citationMarker(numbers: number[], lookup: CitationLookup): Node {
  const parts = numbers.flatMap((n, i) => {
    const target = lookup(n);
    const link = target
      ? h('a', { href: target.href, title: target.label, 'aria-label': target.label, ...EXTERNAL }, String(n))
      : String(n);
    return i > 0 ? [', ', link] : [link];
  });
  return h('span', { class: 'cite' }, '[', ...parts, ']');
}

function renderInline(nodes: Inline[], lookup: CitationLookup): Child[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'break':
        return h('br');
      case 'code':
        return h('code', {}, node.text);
      case 'strong':
        return h('strong', {}, ...renderInline(node.children, lookup));
      case 'em':
        return h('em', {}, ...renderInline(node.children, lookup));
      case 'link':
        return h('a', { href: node.href, ...EXTERNAL }, ...renderInline(node.children, lookup));
      case 'cite':
        return citationMarker(node.numbers, lookup);
    }
  });
}

function renderBlock(block: Block, lookup: CitationLookup): HTMLElement {
  switch (block.type) {
    case 'paragraph':
      return h('p', {}, ...renderInline(block.children, lookup));
    case 'heading':
      // Answers sit under the chat's own heading: their headings start one level below it.
      return h(`h${Math.min(6, block.level + 2)}` as 'h3', {}, ...renderInline(block.children, lookup));
    case 'quote':
      return h('blockquote', {}, ...renderInline(block.children, lookup));
    case 'code':
      return h('pre', {}, h('code', {}, block.text));
    case 'list': {
      const items = block.items.map((item) => h('li', {}, ...renderInline(item, lookup)));
      return block.ordered && block.start !== 1
        ? h('ol', { start: block.start }, ...items)
        : h(block.ordered ? 'ol' : 'ul', {}, ...items);
    }
  }
}

/** The blocks as a fragment to put into a message. */
export function renderMarkdown(blocks: Block[], lookup: CitationLookup): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of blocks) fragment.appendChild(renderBlock(block, lookup));
  return fragment;
}
