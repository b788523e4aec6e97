import { describe, expect, it } from 'vitest';
import { hangulWords, latinNames, pairBySound } from './sound-alike.js';

describe('pairBySound', () => {
  it('pairs Korean loanword spellings with the Latin names they transcribe, beyond the sample corpus', () => {
    const pairs: [string, string][] = [
      ['셀트리온', 'Celltrion'],
      ['크래프톤', 'Krafton'],
      ['카카오뱅크', 'KakaoBank'],
      ['알테오젠', 'Alteogen'],
      ['퓨리오사', 'Furiosa'],
      ['엔비디아', 'Nvidia'],
      ['모건스탠리', 'Morgan Stanley'],
      ['레인보우로보틱스', 'Rainbow Robotics'],
      ['리벨리온', 'Rebellions'],
    ];
    for (const [ko, en] of pairs) {
      expect(pairBySound([ko, '공장', '반도체'], [en, 'Incheon', 'Seoul']), `${ko} / ${en}`).toEqual([[ko, en]]);
    }
  });

  it('pairs nothing when a sound is shared by two words on one side, or too short to trust', () => {
    // 셀트리온 and 셀트리안 both sound like Celltrion: which one is meant cannot be told.
    expect(pairBySound(['셀트리온', '셀트리안'], ['Celltrion'])).toEqual([]);
    // 토스 / Toss has two consonants: too many words would match by chance.
    expect(pairBySound(['토스'], ['Toss'])).toEqual([]);
    expect(pairBySound(['반도체', '대출'], ['Semiconductor', 'Loan'])).toEqual([]);
  });
});

describe('latinNames', () => {
  it('finds capitalized names with their leading runs, skipping words that only open a sentence', () => {
    expect(latinNames('Estigen Bio will receive a loan. The loan goes to POSCO Future M.')).toEqual([
      'Estigen',
      'Estigen Bio',
      'POSCO',
      'POSCO Future',
      'POSCO Future M',
    ]);
  });
});

describe('hangulWords', () => {
  it('gives the words of a Korean text without their particles', () => {
    expect(hangulWords('에스티젠바이오가 대출을 받는다')).toEqual(['에스티젠바이오', '대출', '받는다']);
  });
});
