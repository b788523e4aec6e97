/**
 * The bilingual lexicon of Korean government announcements (issue 5): the general
 * vocabulary of financial regulation, banking, capital markets, public finance, education,
 * welfare, labour and industry, with the places releases name, so an English question meets
 * a Korean-only release (and the reverse) offline. It is a lexicon of the domain, as a
 * translator's glossary of ministry press releases would list it, never the words or facts of
 * a particular document: names of companies and people come from the corpus itself.
 *
 * One entry a line: `한국어 | english; other english`. The Korean side is a noun (the stem a
 * release writes before its particle or 하다); English sides are lower case unless a name.
 */
import type { GlossaryEntry } from './glossary.js';

const GOVERNMENT = `
교육부 | Ministry of Education; education ministry
보건복지부 | Ministry of Health and Welfare; welfare ministry
고용노동부 | Ministry of Employment and Labor; labor ministry
국토교통부 | Ministry of Land, Infrastructure and Transport
행정안전부 | Ministry of the Interior and Safety
법무부 | Ministry of Justice
외교부 | Ministry of Foreign Affairs
국방부 | Ministry of National Defense
환경부 | Ministry of Environment
여성가족부 | Ministry of Gender Equality and Family
농림축산식품부 | Ministry of Agriculture, Food and Rural Affairs
해양수산부 | Ministry of Oceans and Fisheries
문화체육관광부 | Ministry of Culture, Sports and Tourism
통일부 | Ministry of Unification
국무조정실 | Office for Government Policy Coordination
공정거래위원회 | Fair Trade Commission; FTC
국세청 | National Tax Service
관세청 | Korea Customs Service
통계청 | Statistics Korea
조달청 | Public Procurement Service
예금보험공사 | Korea Deposit Insurance Corporation; KDIC
한국거래소 | Korea Exchange
한국주택금융공사 | Korea Housing Finance Corporation
한국자산관리공사 | Korea Asset Management Corporation
기술보증기금 | Korea Technology Finance Corporation
한국성장금융 | Korea Growth Investment Corporation
한국벤처투자 | Korea Venture Investment Corporation
교육청 | office of education; education office
시도교육청 | provincial offices of education
교육지원청 | local education support office; education support office
지방자치단체 | local government; local authority
지자체 | local government
국회 | National Assembly
국무회의 | cabinet meeting
대통령 | president
국무총리 | prime minister
부총리 | deputy prime minister
장관 | minister
차관 | vice minister
위원장 | chairman; chairperson
부위원장 | vice chairman; vice chair
사무처 | secretariat
청장 | commissioner
원장 | governor; head
사무총장 | secretary general
국장 | director general
과장 | director
담당자 | official in charge
공무원 | public official; civil servant
부처 | ministry; ministries
관계부처 | relevant ministries
정부부처 | government ministries
당국 | authorities
감독당국 | supervisory authorities
감독기관 | supervisor
규제당국 | regulator; regulators
공공기관 | public institution
유관기관 | related institutions
정책금융기관 | policy financial institution
금융회사 | financial company; financial institution
금융기관 | financial institution
금융권 | financial sector
협회 | association
`;

const LAW = `
법 | act; law
법률 | law; act
법령 | laws and regulations; statutes
법안 | bill
개정 | amendment; revision
개정안 | amendment bill
시행령 | enforcement decree
시행규칙 | enforcement rule
규정 | regulation; provision
조항 | article; provision; clause
근거 | basis; legal basis; grounds
규율 | govern; regulate
적용 | application; apply; applies
은행법 | Banking Act
자본시장법 | Capital Markets Act
금융지주회사법 | Financial Holding Companies Act
보험업법 | Insurance Business Act
여신전문금융업법 | Specialized Credit Finance Business Act
전자금융거래법 | Electronic Financial Transactions Act
금융소비자보호법 | Financial Consumer Protection Act
교원지위법 | Teachers' Status Act
규제 | regulation
규제 샌드박스 | regulatory sandbox
금융규제 샌드박스 | financial regulatory sandbox
샌드박스 | sandbox
제재 | sanction; sanctions
처벌 | punishment; penalty
과태료 | fine; administrative fine
과징금 | penalty surcharge
위반 | violation; breach
위법행위 | illegal act; violation of law
소송 | lawsuit; litigation
판결 | ruling; judgment
법원 | court
불확실성 | uncertainty
법적 불확실성 | legal uncertainty
승계 | succession; transfer
합병 | merger; merge
인수 | acquisition; acquire; takeover
분할 | split; spin-off
의무 | obligation; duty
요건 | requirement; requirements
요구사항 | requirement
기준 | standard; criteria; criterion
가이드라인 | guideline
지침 | guidelines; guidance
`;

const BANKING = `
인가 | approval; license; licence; authorization
예비인가 | preliminary approval; preliminary license
본인가 | final approval; main approval
신규인가 | new license; new approval
인가내용의 변경 | change of license; modification of the license
폐업인가 | approval of closure
인가심사 | license review; approval review
심사 | review; screening; examination
세부심사요건 | detailed review requirements
심사요건 | review requirements
외부평가위원회 | external evaluation committee
평가 | evaluation; assessment
평가위원 | evaluator
신청 | application; apply
신청서 | application form
접수 | receipt; filing
허가 | permission; permit
등록 | registration; register
전환 | conversion; convert; transition
변경 | change; modification
정관 | articles of incorporation
영업구역 | business area; operating area
영업 | business; operations
은행업 | banking business; banking
은행권 | banking sector; banks
인터넷전문은행 | internet-only bank; internet bank
인터넷은행 | internet bank
저축은행 | savings bank
상호금융 | mutual finance
보험사 | insurer; insurance company
증권사 | securities firm; brokerage
카드사 | card company
캐피탈사 | capital company
대주주 | major shareholder; largest shareholder
주주 | shareholder
지분 | stake; equity
주식 | shares; stock
주식보유한도 | shareholding limit; ownership limit
보유한도 | holding limit
비금융주력자 | non-financial business operator; industrial capital
최소자본금 | minimum capital
자본금 요건 | capital requirement
자본 | capital
자본적정성 | capital adequacy
건전성 | soundness
유동성 | liquidity
대손충당금 | loan loss provisions
연체율 | delinquency rate
부실 | insolvency; bad loans
예금 | deposit; deposits
예금자 | depositor
여신 | credit; loans
수신 | deposits
가계대출 | household loans
주택담보대출 | mortgage loan
담보 | collateral
신용 | credit
신용등급 | credit rating
신용평가 | credit rating; credit assessment
이자 | interest
금리 | interest rate
기준금리 | base rate; policy rate
고금리 | high interest rates
저금리 | low interest rates
저리 대출 | cheap loan; cheap loans
경쟁 | competition
경쟁촉진 | promotion of competition
과점 | oligopoly
금융사고 | financial accident; financial incident
내부통제 | internal control
지배구조 | governance
임직원 | executives and employees; staff
임원 | executive; officer
사업계획 | business plan
물적 설비 | physical facilities
인적 | human resources
물적 | physical
전산설비 | IT systems; computer systems
감독 | supervision
금융감독 | financial supervision
정례회의 | regular meeting
금융소비자 | financial consumer
소비자보호 | consumer protection
`;

const MARKETS = `
자본시장 | capital market
금융시장 | financial market
증시 | stock market
주식시장 | stock market
코스피 | KOSPI
코스닥 | KOSDAQ
상장 | listing; listed; IPO
기업공개 | IPO; initial public offering
공모 | public offering
채권 | bond; bonds
회사채 | corporate bond
국채 | government bond; treasury bond
펀드 | fund
모펀드 | fund of funds; parent fund
자펀드 | sub-fund; subsidiary fund
혁신펀드 | innovation fund
벤처펀드 | venture fund
정책펀드 | policy fund
조성 | creation; raise; set up; form
결성 | formation; form
출자 | capital contribution; equity investment; contribute
출자자 | investor; limited partner
출연 | contribution; endowment
운용 | management; operation
운용사 | fund manager; asset manager
위탁운용사 | fund manager; outsourced fund manager; management company
자산운용사 | asset management company
벤처캐피탈 | venture capital; VC
투자기관 | investment institution; investor
투자자 | investor
기관투자자 | institutional investor
투자 유치 | attracting investment; raise funding
투자유치 | attracting investment; funding
후속투자 | follow-on investment
시드 | seed
초기 | early stage; early
성장단계 | growth stage
사업화 | commercialization
해외진출 | overseas expansion; going overseas; global expansion
스케일업 | scale-up
기업가치 | valuation; corporate value
투자 생태계 | investment ecosystem
생태계 | ecosystem
수익률 | return; yield
수익 | profit; revenue
매출 | sales; revenue
영업이익 | operating profit
손실 | loss
가상자산 | virtual assets; crypto assets
공매도 | short selling
배당 | dividend
`;

const PUBLIC_FINANCE = `
예산 | budget
예산안 | budget bill; budget proposal
추가경정예산 | supplementary budget
재정 | fiscal; public finance
국비 | national funds; state funds
지방비 | local funds
재원 | funding; financing; resources
세수 | tax revenue
세제 | tax system
세액공제 | tax credit
감면 | reduction; exemption
보조금 | subsidy; grant
지원금 | subsidy; grant
바우처 | voucher
무료 | free; free of charge
무상 | free of charge; free
유료 | paid; fee
비용 | cost; costs
부담 | burden; cost
학비 | tuition
보육료 | childcare fees
수수료 | fee; commission
기금 | fund
정책자금 | policy funds
집행 | execution; spending
배정 | allocation; allocate
편성 | allocation
증액 | increase
감액 | cut; reduction
국민 | people; citizens; public
`;

const EDUCATION = `
교육 | education
교육개혁 | education reform
교육발전특구 | education development special zone
특구 | special zone; zone
학교 | school
초등학교 | elementary school; primary school
중학교 | middle school
고등학교 | high school
유치원 | kindergarten
어린이집 | daycare center; childcare center
대학 | university; college
대학교 | university
대학개혁 | university reform
글로컬대학 | Glocal University
학생 | student; students; pupil; pupils
기숙사 | dormitory; dormitories
초등 | elementary; primary
초등학생 | elementary school student; elementary pupil
학부모 | parents
교사 | teacher; teachers
교원 | teacher; teachers; teaching staff
교직원 | school staff
선생님 | teacher; teachers
교권 | teachers' rights; teacher authority
교권 침해 | infringement of teachers' rights; violation of teachers' rights
교육활동 | educational activities
학교폭력 | school violence; bullying
학교폭력 제로센터 | school violence zero center
학교전담경찰관 | school police officer
경찰관 | police officer
경찰 | police
늘봄학교 | Neulbom School; after-school care
방과후 | after-school
방과후 프로그램 | after-school program
돌봄 | care; childcare
유보통합 | integration of early childhood education and care
유아 | young children; early childhood
모델학교 | model school
선도사업 | pilot project; leading project
시범 | pilot
시범사업 | pilot project
시범지역 | pilot region
시범운영 | pilot operation
디지털교과서 | digital textbook
교과서 | textbook
교육과정 | curriculum
입시 | college admission
수능 | college entrance exam
사교육 | private education
사교육비 | private education costs
장학금 | scholarship
학기 | semester
신학기 | new semester
새학기 | new semester
학년 | grade
1학년 | first grade; first graders
직통번호 | hotline; direct line
긴급 직통번호 | emergency hotline
상담 | counseling; consultation
치유 | healing; recovery
정신건강 | mental health
인성 | character
지역인재 | local talent
인재 | talent
전담인력 | dedicated staff
실무인력 | staff; working staff
전담 | dedicated; exclusive
연구 | research
연구자 | researcher
`;

const WELFARE_LABOR = `
복지 | welfare
사회 | society; social
저출산 | low birth rate; low fertility
출산 | childbirth
육아 | childcare; parenting
고령화 | aging
노인 | elderly
청년 | youth; young people
취약계층 | vulnerable groups
저소득층 | low-income
소상공인 | small business owners; small merchants
자영업자 | self-employed
일자리 | jobs
고용 | employment
채용 | hiring; recruitment
근로자 | workers; employees
노동 | labor
임금 | wage; wages
주거 | housing
주택 | housing; house
의료 | medical; health care
건강보험 | health insurance
연금 | pension
국민연금 | National Pension
난제 | challenges; difficult problems
격차 | gap; disparity
양극화 | polarization
`;

const INDUSTRY = `
산업 | industry
제조업 | manufacturing
서비스업 | services
혁신 | innovation
혁신기업 | innovative company
스타트업 | startup
창업 | startup; founding a business
벤처 | venture
핀테크 | fintech
핀테크 기업 | fintech company; fintech firm
핀테크 산업 | fintech industry
금융서비스 | financial services
금융산업 | financial industry
디지털 | digital
디지털 전환 | digital transformation
플랫폼 | platform
미디어 | media
채널 | channel
결제 | payment; payments
간편결제 | simple payment; mobile payment
송금 | remittance; money transfer
해외송금 | overseas remittance; cross-border remittance
환전 | currency exchange
카드 | card
라이선스 | license
자산관리 | asset management; wealth management
보안 | security
인증 | authentication; certification
클라우드 | cloud
빅데이터 | big data
블록체인 | blockchain
로봇 | robot
자동차 | car; automobile; vehicle
전기차 | electric vehicle; EV
조선 | shipbuilding
철강 | steel
에너지 | energy
원전 | nuclear power plant
친환경 | eco-friendly; green
탄소중립 | carbon neutrality
기후 | climate
경쟁력 | competitiveness
성공사례 | success story; success stories
사례 | case; example
성과 | results; achievements; performance
경제 | economy; economic
경기 | economy; business conditions
불확실성 | uncertainty
위기 | crisis
회복 | recovery
무역 | trade
`;

const POLICY_ACTION = `
정책 | policy
주요정책 | major policies; key policies
추진계획 | implementation plan; action plan; plan
계획 | plan
방안 | measures; plan; scheme
대책 | measures; countermeasures
과제 | task; tasks
목표 | goal; target
추진 | push; pursue; promote; drive
시행 | implementation; enforcement; implement
도입 | introduction; introduce; adopt
확대 | expansion; expand; increase
축소 | reduction; reduce
강화 | strengthening; strengthen; tighten
완화 | easing; ease; relax
개선 | improvement; improve
개편 | overhaul; reorganization; revamp
지정 | designation; designate; designated
선정 | selection; select; selected; choose
설치 | installation; install; set up; establish
설립 | establishment; establish; found
신설 | creation; create; new
배치 | deployment; deploy; assign; placement; place
운영 | operation; operate; run
개최 | hold; held; host
주재 | chaired; preside
참석 | attendance; attend; attended
참여 | participation; participate
발표 | announcement; announce; present; unveil
보고 | report
공유 | share
점검 | review; inspection; check
청취 | listen; hear
의견 | opinion; opinions; views
건의 | suggestion; proposal
협의 | consultation; discussion
논의 | discussion; discuss
검토 | review; consideration
마련 | preparation; prepare; draw up
수립 | establishment; formulate
반영 | reflect; incorporate
취득 | obtain; acquire; acquisition
확보 | secure; obtain; acquire
동의 | consent; agree; agreement
허용 | allow; permit
필요 | need; necessary; required
불필요 | unnecessary; not required
요구 | require; demand
생략 | skip; omit; waive
면제 | exemption; exempt; waive
가능 | possible; can; able
제한 | restriction; limit; restrict
금지 | ban; prohibition; prohibit
의무화 | mandate; make mandatory
지원 | support; assistance; aid
지원체계 | support system
활성화 | revitalization; activation; boost; vitalize
육성 | fostering; nurture; foster
발굴 | discovery; identify; discover
제공 | provision; provide; offer
공급 | supply
투입 | input; inject
집중 | focus; concentration
대응 | response; respond; cope
해소 | resolution; resolve; ease
예방 | prevention; prevent
보호 | protection; protect
관리 | management; manage
협력 | cooperation; partnership
협약 | agreement
업무협약 | memorandum of understanding; MOU
간담회 | meeting; roundtable; discussion meeting
현장 간담회 | on-site meeting; field meeting
회의 | meeting; conference
세미나 | seminar
토론회 | forum; debate
행사 | event
모두발언 | opening remarks
발언 | remarks
보도자료 | press release
보도 | report; press
배포 | distribution; release
설명 | explanation
문의 | inquiry; contact
담당 | in charge
현황 | status; current status
실적 | performance; track record
성과 | outcome; results
전국 | nationwide; national; all over the country
전체 | all; whole; entire
모든 | all; every
전면 | full-scale; full
단계 | stage; phase; step
단계적 | phased; gradual
절차 | procedure; process
방식 | method; way; manner
방법 | method; way
기간 | period
일정 | schedule
시점 | time; point in time
올해 | this year
내년 | next year
작년 | last year
금년 | this year
상반기 | first half
하반기 | second half
분기 | quarter
연내 | within the year
최초 | first; first-ever
최고 | highest; best; top
최소 | minimum
최대 | maximum; largest
총 | total
합계 | total; sum
누적 | cumulative
규모 | size; scale
비중 | share; proportion
증가 | increase; growth
감소 | decrease; decline
위축 | contraction; shrink
지역 | region; area; regional
지방 | provinces; regional; local
수도권 | capital area; Seoul metropolitan area
비수도권 | non-capital regions
해외 | overseas; abroad; foreign
국내 | domestic; in Korea
세계 | world; global
전 세계 | worldwide; around the world
`;

const PLACES = `
한국 | Korea; South Korea
대한민국 | Republic of Korea
서울 | Seoul
부산 | Busan
대구 | Daegu
인천 | Incheon
광주 | Gwangju
대전 | Daejeon
울산 | Ulsan
세종 | Sejong
경기도 | Gyeonggi
강원 | Gangwon
충북 | North Chungcheong
충남 | South Chungcheong
전북 | North Jeolla
전남 | South Jeolla
경북 | North Gyeongsang
경남 | South Gyeongsang
제주 | Jeju
아시아 | Asia
유럽 | Europe
미국 | United States; US; America
중국 | China
일본 | Japan
영국 | United Kingdom; UK; Britain
독일 | Germany
프랑스 | France
인도 | India
베트남 | Vietnam
싱가포르 | Singapore
인도네시아 | Indonesia
태국 | Thailand
필리핀 | Philippines
호주 | Australia
캐나다 | Canada
중동 | Middle East
아프리카 | Africa
남미 | South America
`;

/** `한국어 | a; b` lines as `[korean, english]` entries. */
function parseSection(section: string): GlossaryEntry[] {
  return section
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .flatMap((line) => {
      const [ko, en] = line.split('|').map((side) => side.trim());
      return (en ?? '')
        .split(';')
        .map((e) => e.trim())
        .filter((e) => e.length > 0)
        .map((e) => [ko!, e] as GlossaryEntry);
    });
}

/**
 * The places of the lexicon (서울, 대구, 아시아): translated like any entry, but still names, so
 * a question about a place no source mentions is refused as one.
 */
export const LEXICON_PLACES: readonly GlossaryEntry[] = parseSection(PLACES);

/** Every section, parsed into `[korean, english]` entries. */
export const DOMAIN_LEXICON: readonly GlossaryEntry[] = [
  ...[GOVERNMENT, LAW, BANKING, MARKETS, PUBLIC_FINANCE, EDUCATION, WELFARE_LABOR, INDUSTRY, POLICY_ACTION].flatMap(
    parseSection,
  ),
  ...LEXICON_PLACES,
];
