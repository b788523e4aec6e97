import { describe, expect, it } from 'vitest';
import { readQuestion } from './question-words.js';
import { structureOf } from './question-structure.js';

/** The shape of a question, with word indexes replaced by the words. */
function shape(question: string) {
  const reading = readQuestion(question);
  const s = structureOf(reading);
  const text = (indexes: number[]) => indexes.map((i) => reading.words[i]!.text).join(' ');
  return { slots: s.slots.map(text), excluded: text(s.excluded), extremes: s.extremes, namedKind: text(s.namedKind) };
}

describe('structureOf', () => {
  it.each([
    ['노벡스와 한빛소재는 각각 대출을 얼마 받나요?', ['노벡스', '한빛소재']],
    ['노벡스 투자액과 해남 SPC 자본금을 비교해 줘', ['노벡스 투자액', '해남 SPC 자본금']],
    // The phrase closed by 의 is shared by both: its capital and its completion date.
    ['해남 SPC의 자본금과 완공 목표를 알려 줘', ['자본금', '완공 목표']],
    ['Compare the size of the Lumina investment with the Norvex loan', ['Lumina investment', 'Norvex loan']],
    ['Give me the loan amounts for Celltrion, Krafton and Norvex.', ['Celltrion', 'Krafton', 'Norvex']],
    // The loan both phrases name is shared, not an entity.
    ['How does the Norvex loan compare with the Daon loan?', ['Norvex', 'Daon']],
    // A value word ends the first phrase though it names nothing: "누적 승인 규모랑 이번 …".
    ['성장기금 누적 승인 규모랑 이번 노벡스 투자액을 같이 알려줘', ['성장기금 누적 승인', '노벡스 투자액']],
  ])('reads the entities of %s', (question, slots) => {
    expect(shape(question).slots).toEqual(slots);
  });

  it('reads no entities in clauses joined by "and", or in a single phrase', () => {
    expect(shape('How many chips will the SPC buy, and when will the center open?').slots).toEqual([]);
    expect(shape('노벡스 대출 규모는?').slots).toEqual([]);
  });

  it('reads an exclusion', () => {
    expect(shape('Apart from Norvex, which companies get loans?').excluded).toBe('Norvex');
    expect(shape('노벡스 말고 승인된 안건은?').excluded).toBe('노벡스');
    expect(shape('Besides the Haenam center, what was approved?').excluded).toBe('Haenam center');
    expect(shape('Leaving Upstage aside, which other decisions were made?').excluded).toBe('Upstage');
  });

  it('reads superlatives in the order asked', () => {
    expect(shape('Which loan is the largest?').extremes).toEqual(['max']);
    expect(shape('가장 작은 대출은 어느 회사 건이야?').extremes).toEqual(['min']);
    expect(shape('What are the smallest and the biggest loans?').extremes).toEqual(['min', 'max']);
    expect(shape('이번 대출 중 최대 규모는?').extremes).toEqual(['max']);
    expect(shape('노벡스의 투자 규모는?').extremes).toEqual([]);
  });

  it('reads the kind of entity whose names are asked', () => {
    expect(shape('Which portal companies share data with Lumina?').namedKind).toBe('portal companies');
    expect(shape('어느 민간 기업이 참여하나요?').namedKind).toBe('민간 기업');
    expect(shape('3천억 원을 넣는 은행은 어디야?').namedKind).toBe('은행');
    // "민간 투자자로는 어떤 회사": the frame before the question word is part of the kind.
    expect(shape('민간 투자자로는 어떤 회사들이 참여해?').namedKind).toBe('민간 투자자 회사');
    expect(shape('데이터를 나누는 포털 회사는 구체적으로 어디어디예요?').namedKind).toBe('포털 회사');
    expect(shape('Name the portal companies Lumina works with.').namedKind).toBe('portal companies');
    // The determiner's phrase ends at a particle: "어떤 제품을 만드는 회사" asks for a product.
    expect(shape('다온전자는 어떤 제품을 만드는 회사인가요?').namedKind).toBe('');
    // A description is asked, not a name.
    expect(shape('What kind of company is Lumina?').namedKind).toBe('');
    expect(shape('루미나는 어떤 회사인가요?').namedKind).toBe('');
    expect(shape('다온전자는 무슨 기업이야?').namedKind).toBe('');
    // …while 어느 asks which one, and 어떤 before a subject asks who.
    expect(shape('어느 회사인가요?').namedKind).toBe('회사');
    expect(shape('어떤 회사가 대출을 받나요?').namedKind).toBe('회사');
    expect(shape('Which sectors will the project expand into?').namedKind).toBe('');
  });
});
