/**
 * Kinds of named entity (organisations, the people acting for them, countries):
 * a question asking "which <kind>" or "<kind>은 어디/누구" wants names. General nouns of
 * organisations in both languages, as a thesaurus groups them.
 */
import { words } from './words.js';

export const ENTITY_KINDS = words(`
  company firm bank lender investor partner institution organization organisation portal insurer business
  conglomerate corporation group hospital university supplier manufacturer maker operator regulator authority
  agency ministry country
  기업 회사 업체 은행 기관 투자자 금융사 금융기관 파트너 포털 사업자 증권사 운용사 대기업 보험사 카드사 투자사 그룹 병원
  대학 공급사 제조사 운영사 통신사 건설사 제약사 자산운용사 협력사 참여사 나라 국가 부처 당국 규제기관 곳 위탁운용사
  지자체
`);

/**
 * Titles of the people who act for organisations, as releases write them: beside a name they
 * make it a person's (김성훈 대표, Kim Seong-hoon, chief executive); a question about one asks
 * for a person ("업스테이지 대표는?").
 */
export const KOREAN_TITLES = words('대표 대표이사 위원장 장관 회장 사장 총재 의장 이사장 부총리 차관 청장');
export const ENGLISH_TITLES = ['ceo', 'chief executive', 'chair', 'chairman', 'chairwoman', 'chairperson'].concat(
  words('president minister governor'),
);
