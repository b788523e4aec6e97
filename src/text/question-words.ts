/**
 * Words that make a sentence a question or a request but name nothing to find: 무엇인가요,
 * 어떻게, 설명해주세요, what, explain. Dropped from queries only, so they do not pull in
 * passages that merely share them (a title such as "…시장은 어떻게 변할까").
 *
 * Korean interrogatives are matched by root, whatever ending follows (어떠한가요, 무엇이며);
 * request verbs by their polite or imperative ending (서술해주세요, 설명하시오).
 */
const KOREAN_ROOTS = ['무엇', '어떠', '어떤', '어떻', '어느', '얼마', '언제', '어디', '누구', '무슨', '몇'];
const KOREAN_ROOT_WORDS = new Set(['왜', '뭐', '뭔가요', '뭔지']);
/** Question and request endings, longest first; what precedes them may still be content (필요하나요). */
const KOREAN_ENDINGS = [
  '해주십시오',
  '해주세요',
  '주십시오',
  '하십시오',
  '주세요',
  '하시오',
  '하세요',
  '할까요',
  '하나요',
  '되나요',
  '있나요',
  '없나요',
  '인가요',
  '입니까',
  '습니까',
  '합니까',
  '나요',
  '가요',
];
const KOREAN_WORDS = new Set([
  '설명',
  '설명해',
  '설명하',
  '서술',
  '서술해',
  '서술하',
  '기술해',
  '알려',
  '말해',
  '대해',
  '대하여',
  '대한',
  '관해',
  '관하여',
  '관한',
  '각각',
  '그리고',
  '또한',
  '있',
  '되',
  '하',
]);
const ENGLISH_WORDS = new Set(
  'what which who whom whose when where why how much many please tell explain describe me give list'.split(' '),
);

/**
 * What a query word (lower-case, NFKC) names once its question shape is removed:
 * '' for 무엇인가요, 어떻게, 설명해주세요 or `what`; 필요 for 필요하나요; the word itself otherwise.
 */
export function questionContent(word: string): string {
  if (ENGLISH_WORDS.has(word) || KOREAN_WORDS.has(word) || KOREAN_ROOT_WORDS.has(word)) return '';
  if (KOREAN_ROOTS.some((root) => word.startsWith(root))) return '';
  for (const ending of KOREAN_ENDINGS) {
    if (word === ending) return '';
    if (word.endsWith(ending)) {
      const rest = word.slice(0, -ending.length);
      return KOREAN_WORDS.has(rest) ? '' : rest;
    }
  }
  return word;
}
