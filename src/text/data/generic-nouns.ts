/**
 * Nouns that name the kind of thing asked about or the form of the answer (the company
 * *that makes X*, the reason, the procedure) rather than the thing itself: a question
 * holding one is answered by a sentence that gives such a thing, which rarely names the
 * kind. General vocabulary of questions, as a grammar of question frames lists it.
 */
import { words } from './words.js';

export const KOREAN_GENERIC_NOUNS = words(`
  회사 기업 기관 업체 시설 곳 주체 사람 분야 부분 내용 단계 다음 차례
  예정 계획 방침 목표
  이유 원인 차이 차이점 특징 특성 절차 방법 방안 방식 시기 시점 결과 결론 근거 과정 경우 종류 유형 사례 예시
  측면 수치 값 의미 역할 현황 방향 배경 취지 장점 단점 문제 문제점 이점 개선점 변경사항 사항 견해 입장 모습
  형태 양상 추이 정보 주요 주된 특정 구체 구체적 세부 상세 실제 별개 처음 전반
  회사명 기업명 업체명 기관명 명칭 이름 명단 목록 수혜자 차주 대상자
`);

export const ENGLISH_GENERIC_NOUNS = words(`
  company companies firm firms organization organisation institution entity deal case matter thing things
  kind type sort part way round phase stage step next name names
  recipient recipients borrower borrowers beneficiary beneficiaries participant participants
`);
