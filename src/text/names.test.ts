import { describe, expect, it } from 'vitest';
import { hasOrganizationEnding, looksTranscribed } from './names.js';

describe('looksTranscribed', () => {
  it('tells transcriptions of foreign names from Sino-Korean words', () => {
    for (const word of ['카카오', '네이버', '쿠팡', '리벨리온', '셀트리온', '노벡스'])
      expect(looksTranscribed(word), word).toBe(true);
    for (const word of ['삼성', '금융위원회', '대출', '해남', '모회사', '기업가치'])
      expect(looksTranscribed(word), word).toBe(false);
  });

  it('needs two syllables: one is too little to tell', () => {
    expect(looksTranscribed('팬')).toBe(false);
  });
});

describe('hasOrganizationEnding', () => {
  it('reads an organisation by its ending, not a kind of one', () => {
    for (const word of ['삼성전자', '한빛은행', '국세청', '해솔재단'])
      expect(hasOrganizationEnding(word), word).toBe(true);
    for (const word of ['시중은행', '중소기업', '교육청', '은행'])
      expect(hasOrganizationEnding(word), word).toBe(false);
  });
});
