/**
 * The general signals of the offline answerer, each on a made-up corpus that shows the class
 * of failure it handles (docs/answerer.md, "Signals").
 */
import { passage, ask } from '../../../test/helpers/extractive.js';
import { describe, expect, it } from 'vitest';

describe('proximity', () => {
  it('prefers, among sentences of equal support, the one whose words and value stand together', () => {
    // An OCR'd page runs on without sentence ends: its words are all there, but far apart.
    const runOn = passage(
      '한빛소재 관련 설명회는 올해 세 차례 열렸으며 참석 기업들은 공급망과 인력 문제를 두루 논의하였고 ' +
        '별도로 지역 협의체가 구성되어 운영 방안을 검토하였으며 그 밖에 다른 기업의 대출은 3천억 원이다.',
      { title: '소재 기업 동향' },
    );
    const compact = passage('한빛소재의 대출은 450억 원이다.', { title: '소재 기업 동향' });
    const { text } = ask('한빛소재 대출은 얼마야?', [runOn, compact], 'ko');
    expect(text.startsWith('한빛소재의 대출은 450억 원이다. [2]')).toBe(true);
  });
});
