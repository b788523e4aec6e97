/**
 * Words of policy-finance announcements that questions phrase differently from the sources
 * (finished / completion / 완공, CEO / chief executive / 대표). One meaning a line, in both
 * languages; a question word in a group also matches a sentence using any other member.
 * Vocabulary of the domain (loans, investments, approvals, people, sites) and everyday words
 * for official ones, as a bilingual thesaurus of the domain lists them; never the names or
 * facts of a corpus, which come from the sources' own translations (answer/extractive/glossary.ts).
 */
export const SYNONYM_GROUPS: string[][] = `
  ceo | chief executive | chief executive officer | 대표 | 대표이사 | 최고경영자
  chair | chairman | chairperson | 위원장 | 의장 | 회장
  finish | finished | completed | completion | 완공 | 준공 | 완료
  build | built | construct | construction | 구축 | 건설 | 건립 | 시공
  operate | operates | operated | operation | operator | run | runs | 운영
  import | bring in | introduce | 도입 | 들여오 | 수입
  develop | develops | build | builds | create | 개발 | 만들 | 만든다
  spend | use | used | utilize | 쓰 | 쓰이 | 쓰인다 | 사용
  loan | lend | lending | borrow | borrowing | 대출 | 융자 | 차입
  invest | investment | deal | 투자
  expand | extend | reach | broaden | widen | 확대 | 확장 | 넓히 | 넓힐
  investor | 투자자
  approve | approved | approval | decision | decide | decided | green-lit | greenlit | green-lighted | cleared | endorsed | okayed | 승인 | 의결 | 결정
  capital | 자본금
  subsidiary | 자회사
  parent company | 모회사
  interest rate | 금리 | 이자율
  maturity | repayment period | 만기 | 상환 기간
  private | 민간
  government | 정부
  plant | factory | 공장
  project | 프로젝트
  purpose | aim | aimed | goal | target | achieve | 목적 | 목표
  semiconductor | chip | chips | 반도체 | 칩
  yearly | annual | annually | per year | 연간 | 매년
  battery | 배터리 | 이차전지
  supply chain | 공급망
  production | produce | producer | output | make | makes | manufacture | 생산 | 생산량 | 제조 | 만드 | 만들
  facility | facilities | 설비 | 시설
  low-interest | 저리 | 저금리
  long-term | 장기
  region | province
  center | centre | 센터
  country | countries | nation | 나라 | 국가
  financial services commission | fsc | 금융위원회 | 금융위
  financial authorities | 금융당국
  sector | field | industry | 분야 | 산업
  data | 데이터
  company | firm | 기업 | 회사
  fund | 기금 | 펀드
  valuation | valued | 기업가치
  model | models | 모델
  korean | 한국어
  portal | portals | 포털
  # everyday words for what releases write officially (선생님 for 교사·교원, 뽑힌 for 선정된)
  teacher | teachers | 선생님 | 교사 | 교원
  student | students | pupil | 학생 | 학생들
  child | children | kid | kids | 아이 | 아이들 | 아동 | 어린이 | 자녀
  parent | parents | 부모 | 학부모
  hotline | phone line | 직통번호 | 직통전화 | 핫라인 | 전화번호
  free | free of charge | no charge | 무료 | 무상 | 공짜
  fee | fees | charge | cost | costs | 비용 | 요금 | 수수료 | 유료
  select | selected | choose | chosen | pick | picked | 선정 | 선발 | 뽑 | 뽑힌 | 뽑아
  change | convert | conversion | switch | 바꾸 | 바꿀 | 바꿔 | 전환 | 변경
  salary | wage | wages | pay | 월급 | 임금 | 급여
  house | home | housing | 집 | 주택 | 주거
  meeting | roundtable | 간담회 | 회의 | 모임
  designate | designated | designation | 지정
  zone | zones | special zone | 특구 | 지구
  staff | personnel | workforce | 인력 | 직원
  # countries, as releases name them
  korea | south korea | 한국
  united states | u.s. | america | 미국
  china | 중국
  japan | 일본
  europe | 유럽
  # rounds and numbered funds: the second round is 2차, the second fund 2호
  first | 1차 | 1호
  second | 2차 | 2호
  third | 3차 | 3호
`
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('|').map((word) => word.trim()));
