/**
 * Markers that open an item in Korean government documents: the □ ○ ◦ - · hierarchy of
 * 개조식 writing, ㅇ (a jamo used as a bullet), ※ and * notes, circled and parenthesized
 * numbers, and numbered or lettered items (1. 1) (1) 가. 가)).
 */
const SYMBOL_MARKER = /^[□■○●◦◎◇◆▪▫▲△▶▷►•·‧ㆍ※☞➡⇨→◈◉❍✓✔√]/u;
const CIRCLED_NUMBER = /^[\u2460-\u2473\u2474-\u2487\u2776-\u277f\u278a-\u2793]/u;
const SPACED_MARKER = /^(?:ㅇ|-|–|\*{1,3}|\d{1,2}[.)]|\(\d{1,2}\)|[가-하][.)]|\([가-하]\))\s/u;
const ATTACHMENT = /^(?:[【[<〈]\s*(?:붙임|별첨|참고|첨부)|붙\s*임|참\s*고)/u;

/** True when a line starts a new list item (and so a new paragraph). */
export function startsWithListMarker(line: string): boolean {
  const text = line.trimStart();
  return SYMBOL_MARKER.test(text) || CIRCLED_NUMBER.test(text) || SPACED_MARKER.test(text) || ATTACHMENT.test(text);
}
