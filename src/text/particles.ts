/**
 * Korean particles (조사) and copula endings that attach to the end of a noun.
 * Longest first, so 에서는 is removed before 는.
 */
const PARTICLES = [
  '에서부터',
  '으로부터',
  '에게서',
  '으로서',
  '으로써',
  '이라는',
  '에서는',
  '에서도',
  '에서의',
  '으로는',
  '로는',
  '에게는',
  '까지는',
  '부터는',
  '이라고',
  '이라면',
  '입니다',
  '이라',
  '에서',
  '에게',
  '한테',
  '으로',
  '께서',
  '부터',
  '까지',
  '마다',
  '조차',
  '처럼',
  '보다',
  '라는',
  '라고',
  '에는',
  '에도',
  '에의',
  '와의',
  '과의',
  '로서',
  '로써',
  '이나',
  '이며',
  '이고',
  '인가',
  '인지',
  '이다',
  '이란',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '와',
  '과',
  '도',
  '로',
  '만',
  '란',
].sort((a, b) => b.length - a.length);
const PARTICLE_SET = new Set(PARTICLES);
/** Particles by their last syllable, longest first: a word is checked only against its own ending. */
const BY_LAST_SYLLABLE = new Map<string, string[]>();
for (const particle of PARTICLES) {
  const last = particle[particle.length - 1]!;
  BY_LAST_SYLLABLE.set(last, [...(BY_LAST_SYLLABLE.get(last) ?? []), particle]);
}

/** Whether a whole string is a particle (the 에 of 제30조에). */
export function isParticle(text: string): boolean {
  return PARTICLE_SET.has(text);
}

/** Words that end in a particle-like syllable but are whole nouns in this domain. */
const KEEP = new Set(['투자가', '전문가', '사업가', '기업가', '자본가', '최고가', '소비자가']);

/**
 * Removes one trailing particle when at least two syllables remain.
 *
 * @example stripParticle('업스테이지에') // '업스테이지'
 */
export function stripParticle(word: string): string {
  if (word.length < 3 || KEEP.has(word)) return word;
  for (const particle of BY_LAST_SYLLABLE.get(word[word.length - 1]!) ?? []) {
    if (word.length - particle.length >= 2 && word.endsWith(particle)) {
      return word.slice(0, -particle.length);
    }
  }
  return word;
}
