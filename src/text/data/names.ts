/**
 * Word lists for reading names in Korean and English text. Sources: Unihan (Unicode 15.0) for
 * the Sino-Korean syllables; the rest lists general vocabulary of organisations and acronyms.
 */
import { words } from './words.js';

/**
 * The Korean readings (Unihan `kHangul`) of the characters of KS X 1001 and of the basic
 * education set: 473 syllables. Sino-Korean words are spelled with these; a transcription of a
 * foreign name needs others (네, 버, 카, 벨, 팡).
 */
export const SINO_KOREAN_SYLLABLES: ReadonlySet<string> = new Set(
  '가각간갈감갑강개객갱갹거건걸검겁게격견결겸경계고곡곤골공곶과곽관괄광괘괴굉교구국군굴궁권궐궤귀규균귤극근글금급긍기긴길김' +
    '끽나낙난날남납낭내냉녀년념녕노녹논농뇌뇨누눈눌뉴늑늠능니닉다단달담답당대댁덕도독돈돌동두둔득등라락란랄람랍랑래랭략량려력' +
    '련렬렴렵령례로록론롱뢰료룡루류륙륜률륭륵름릉리린림립마막만말망매맥맹멱면멸명몌모목몰몽묘무묵문물미민밀박반발방배백번벌범' +
    '법벽변별병보복본볼봉부북분불붕비빈빙사삭산살삼삽상새색생서석선설섬섭성세소속손솔송쇄쇠수숙순술숭슬습승시식신실심십쌍씨아' +
    '악안알암압앙애액앵야약양어억언얼엄업엔여역연열염엽영예오옥온올옹와완왈왕왜외요욕용우욱운울웅원월위유육윤율융은을음읍응의' +
    '이익인일임입잉자작잔잠잡장재쟁저적전절점접정제조족존졸종좌죄주죽준줄중즉즐즙증지직진질짐집징차착찬찰참창채책처척천철첨첩' +
    '청체초촉촌총촬최추축춘출충췌취측층치칙친칠침칩칭쾌타탁탄탈탐탑탕태택탱터토통퇴투특틈파판팔패팽퍅편폄평폐포폭표품풍피필핍' +
    '하학한할함합항해핵행향허헌헐험혁현혈혐협형혜호혹혼홀홍화확환활황회획횡효후훈훙훤훼휘휴휼흉흑흔흘흠흡흥희힐',
);

/** Acronyms of common nouns (technologies, legal forms, roles, measures, currencies): nobody's name. */
export const COMMON_ACRONYMS = words(`
  AI GPU GPUs NPU NPUs CPU LLM LLMs SPC SPV SME SMEs IT ICT ESG IPO CEO CFO CTO COO PF ETF VC R&D M&A EV EVs OLED HBM
  GDP GNP CPI PPI KRW USD US UK EU OK DB DC IRP RP MMF ELS CD CP ABS MBS LTV DSR DTI ROE ROI ROA KPI
  B2B B2C C2C D2C SKU CRM ERP API SaaS IoT VR AR XR OTT SNS QR ID PC TV CCTV NLU NLP OCR RPA TMS WMS
  FAQ PDF HTML URL FTA WTO IMF OECD AML KYC
`);

/** Endings of Korean organisation names (삼성전자, 신한은행, 국세청, 금융위원회), after two syllables or more. */
export const ORGANIZATION_ENDINGS = words(`
  전자 은행 증권 캐피탈 그룹 홀딩스 지주 바이오 중공업 모터스 모비스 물산 제철 텔레콤 하이닉스 랩스 네트웍스
  시스템즈 엔터테인먼트 파트너스 인베스트먼트 벤처스 자산운용 투자증권 카드 생명 화재 화학 건설 제약 에너지
  부 처 청 위원회 공사 공단 재단 협회 진흥원 연구원 보증기금 거래소
`);

/**
 * Words that make an organisation ending a common noun (시중은행, 중소기업, 지방은행, 교육청 in
 * 시도교육청): kinds of bank, company and public body, as a release writes them.
 */
export const COMMON_KIND_PREFIXES = words(`
  시중 지방 인터넷 인터넷전문 저축 국책 상업 투자 중앙 외국 외국계 지역 일반 특수 민간 대형 중소 전문 상호 협동 주거래
  금융 대기업 친환경 신재생 차세대 첨단 국내 해외 글로벌 국가 공공 정책 대상 유가 담보 국공채 그린 레드 화이트
`);
/** Public bodies a release names as a kind, not a name (지도부, 사무처, 교육청, 위원회). */
export const COMMON_BODIES = words('지도부 집행부 사무처 교육청 시도교육청 교육지원청 위원회 관계부처');
