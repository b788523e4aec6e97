/**
 * Name pairs mined from parallel releases: a Korean announcement and an English one that
 * state the same amounts (2조5천억 원 / 2.5 trillion won) report the same decision, so a
 * company name in one (퓨처그래프) and a capitalized name in the other (FutureGraph) that
 * sound alike are very likely the same name. "Sound alike" is judged on consonant skeletons
 * under the Korean loanword rules (외래어 표기법: f -> ㅍ, v -> ㅂ, soft g -> ㅈ, final r
 * silent), so 에스티젠바이오 = Estigen Bio and 후성 = Housung, which no romanization gets back.
 */
import type { Chunk, DocumentMeta } from '../types.js';
import { extractQuantities } from '../text/numbers.js';
import { normalizeText } from '../text/normalize.js';
import { stripParticle } from '../text/particles.js';
import { romanize } from '../text/romanize.js';
import type { GlossaryEntry } from './glossary.js';

/** Skeletons shorter than this match too much by chance. */
const MIN_SKELETON = 3;
/** English names of up to this many capitalized words. */
const MAX_NAME_WORDS = 3;

const CLASS_OF: Record<string, string> = {
  p: 'P',
  f: 'P',
  b: 'P',
  v: 'P',
  t: 'T',
  d: 'T',
  j: 'T',
  k: 'K',
  q: 'K',
  g: 'K',
  s: 'S',
  z: 'S',
  r: 'R',
  l: 'R',
  m: 'M',
  n: 'N',
  h: 'H',
};

function collapse(classes: string[]): string {
  return classes.filter((c, i) => c !== classes[i - 1]).join('');
}

/** The consonant classes of an English name as Korean would write it: `FutureGraph` -> PTKRP. */
export function englishSkeleton(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const word of words) {
    // Soft c and g are read before a final silent e is dropped (stage, service).
    let w = word.replace(/c(?=[eiy])/g, 's').replace(/g(?=[eiy])/g, 'j');
    if (w.length > 3 && /[^aeiou]e$/.test(w)) w = w.slice(0, -1);
    w = w
      .replace(/ph/g, 'f')
      .replace(/th/g, 't')
      .replace(/ch|tu/g, 'j')
      .replace(/sh/g, 's')
      .replace(/ng/g, 'n')
      .replace(/ck|qu|c/g, 'k')
      .replace(/x/g, 'ks')
      // r without a vowel after it is silent in Korean spellings (future -> 퓨처).
      .replace(/r(?![aeiouy])/g, '')
      .replace(/(?<!^)h/g, '');
    for (const ch of w) if (CLASS_OF[ch]) out.push(CLASS_OF[ch]);
  }
  return collapse(out);
}

/** The consonant classes of a Korean word: `퓨처그래프` -> PTKRP. */
export function koreanSkeleton(word: string): string {
  // Syllable by syllable, without the sound changes of reading Korean aloud (스탠리 is
  // transcribed s-t-n-r from Stanley, though read 스탤리). As for English, an h inside the
  // word is dropped: it is often silent in the original (웹훅, Webhook).
  const roman = [...word]
    .map((syllable) => romanize(syllable))
    .join('')
    .replace(/ng/g, 'n')
    .replace(/ch/g, 'j')
    .replace(/(?<!^)h/g, '');
  const out: string[] = [];
  for (const ch of roman) if (CLASS_OF[ch]) out.push(CLASS_OF[ch]);
  return collapse(out);
}

interface DocumentText {
  lang: string;
  text: string;
  /** Figures other than dates and small counts: what ties two releases to one decision. */
  anchors: Set<string>;
}

function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  for (const q of extractQuantities(text)) {
    if (q.kind === 'date' || (q.kind === 'count' && q.value < 100)) continue;
    anchors.add(`${q.kind}:${q.unit}:${q.value}`);
  }
  return anchors;
}

/** Figures stated in more documents than this say nothing about which two belong together. */
const MAX_ANCHOR_DOCUMENTS = 20;

/**
 * Pairs of (Korean, English) documents that report the same figures: at least one amount of
 * money, or two other figures, in common.
 */
function parallelPairs(korean: readonly DocumentText[], english: readonly DocumentText[]): [number, number][] {
  const byAnchor = new Map<string, number[]>();
  english.forEach((doc, i) => {
    // Appended in place: copying the list per document made a figure every release states quadratic.
    for (const key of doc.anchors) {
      const holders = byAnchor.get(key);
      if (holders) holders.push(i);
      else byAnchor.set(key, [i]);
    }
  });
  const pairs: [number, number][] = [];
  korean.forEach((doc, k) => {
    const shared = new Map<number, { all: number; money: number }>();
    for (const key of doc.anchors) {
      const holders = byAnchor.get(key) ?? [];
      if (holders.length > MAX_ANCHOR_DOCUMENTS) continue;
      for (const e of holders) {
        const count = shared.get(e) ?? { all: 0, money: 0 };
        count.all++;
        if (key.startsWith('money:')) count.money++;
        shared.set(e, count);
      }
    }
    for (const [e, count] of shared) if (count.money >= 1 || count.all >= 2) pairs.push([k, e]);
  });
  return pairs;
}

function koreanWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/[\uac00-\ud7a3]{2,}/g)) out.add(stripParticle(m[0]));
  return out;
}

/** Capitalized names of one to three words, not at the start of a sentence. */
function englishNames(text: string): Set<string> {
  const out = new Set<string>();
  const re = /(?<![.!?]\s|^)\b([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2})\b/gm;
  for (const m of text.matchAll(re)) {
    const words = m[1]!.split(' ');
    // Every leading run of the name, so `POSCO Future M` also offers `POSCO`.
    for (let n = 1; n <= Math.min(words.length, MAX_NAME_WORDS); n++) out.add(words.slice(0, n).join(' '));
  }
  return out;
}

/**
 * `[korean, english]` name pairs from documents that report the same figures in the two
 * languages; `known` Korean words (already in a glossary) are not paired again.
 */
export function mineParallelGlossary(
  documents: readonly DocumentMeta[],
  chunks: readonly Chunk[],
  known: ReadonlySet<string> = new Set(),
): GlossaryEntry[] {
  // A corpus in one language has no parallel releases: skip reading it again.
  if (!documents.some((d) => d.lang === 'ko') || !documents.some((d) => d.lang === 'en')) return [];
  const texts = new Map<string, string[]>();
  for (const d of documents) texts.set(d.id, [d.title]);
  for (const c of chunks) texts.get(c.docId)?.push(c.text);
  const docs: DocumentText[] = documents.map((d) => {
    const text = normalizeText(texts.get(d.id)!.join('\n'));
    return { lang: d.lang, text, anchors: d.lang === 'ko' || d.lang === 'en' ? anchorsOf(text) : new Set<string>() };
  });
  const korean = docs.filter((d) => d.lang === 'ko' && d.anchors.size > 0);
  const english = docs.filter((d) => d.lang === 'en' && d.anchors.size > 0);
  const pairs = new Map<string, GlossaryEntry>();
  const skeletons = new Map<number, Map<string, string[]>>();
  for (const [k, e] of parallelPairs(korean, english)) {
    let koSkeletons = skeletons.get(k);
    if (!koSkeletons) {
      koSkeletons = new Map();
      for (const word of koreanWords(korean[k]!.text)) {
        if (known.has(word)) continue;
        const skeleton = koreanSkeleton(word);
        if (skeleton.length >= MIN_SKELETON) koSkeletons.set(skeleton, [...(koSkeletons.get(skeleton) ?? []), word]);
      }
      skeletons.set(k, koSkeletons);
    }
    for (const name of englishNames(english[e]!.text)) {
      const words = koSkeletons.get(englishSkeleton(name));
      // One Korean word with this sound in the release: an unambiguous pair.
      if (words?.length === 1) pairs.set(`${words[0]}\u0000${name.toLowerCase()}`, [words[0]!, name]);
    }
  }
  return [...pairs.values()];
}
