/**
 * Builds DOM nodes. Text always goes in as text nodes and attributes through
 * `setAttribute`: no untrusted string is ever parsed as HTML (issue 11).
 *
 * The project's types merge workerd's HTMLRewriter `Element` into the DOM's, which hides
 * `Element.append`; use `appendChild` or `append()` below in the UI.
 */

export type Child = Node | string | false | null | undefined;
export type Attributes = Record<string, string | number | boolean | undefined>;

/** Appends children, strings as text nodes; `false`, `null` and `undefined` are skipped. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

function setAttributes(element: { setAttribute(name: string, value: string): void }, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/**
 * An element with attributes and children.
 *
 * @example h('button', { type: 'button', 'aria-label': text.close }, '×')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An inline icon from one path (24×24 box), hidden from assistive technology: its button carries the label. */
export function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  setAttributes(svg, { viewBox: '0 0 24 24', width: 20, height: 20, 'aria-hidden': 'true', focusable: 'false' });
  const shape = document.createElementNS(SVG_NS, 'path');
  setAttributes(shape, { d: path, fill: 'currentColor' });
  svg.appendChild(shape);
  return svg;
}
