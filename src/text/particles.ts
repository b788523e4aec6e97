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

/**
 * Particles after which a two-syllable word is read as a one-syllable noun too (몫은, 땅을).
 * Only those that rarely end a two-syllable noun: with 이/가/의/도 every 증가, 회의 or 정도
 * would also yield a stray syllable.
 */
const SHORT_PARTICLES: ReadonlySet<string> = new Set(['은', '는', '을', '를', '에']);

/**
 * The one-syllable noun of a two-syllable word that ends in a short particle, which
 * `stripParticle` leaves whole; undefined for any other word.
 *
 * @example oneSyllableNoun('칩은') // '칩'
 */
export function oneSyllableNoun(word: string): string | undefined {
  return word.length === 2 && SHORT_PARTICLES.has(word[1]!) && /^[\uac00-\ud7a3]/.test(word) ? word[0] : undefined;
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
