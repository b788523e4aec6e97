/** UAX #9 explicit formatting characters and marks: invisible, they reorder what follows. */
const BIDI_FORMATTING = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** C0 and C1 controls, DEL, and the line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * A document's id is its path relative to the corpus root, without the extension, with
 * `/` separators, NFC (DESIGN.md, "Corpus files"): `2026/04-30 upstage.md` -> `2026/04-30 upstage`.
 */
export function documentIdFromPath(path: string): string {
  const normalized = path
    .normalize('NFC')
    // Ids are shown in citations and logs: direction overrides go, controls become spaces (issue 10).
    .replace(BIDI_FORMATTING, '')
    .replace(CONTROL, ' ')
    .replace(/\\/g, '/')
    .replace(/^\.?\/+/, '');
  const lastSlash = normalized.lastIndexOf('/');
  const lastDot = normalized.lastIndexOf('.');
  return lastDot > lastSlash + 1 ? normalized.slice(0, lastDot) : normalized;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function fileNameTitle(path: string): string {
  const id = documentIdFromPath(path);
  return id.slice(id.lastIndexOf('/') + 1);
}
