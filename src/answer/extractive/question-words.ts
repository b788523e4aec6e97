/**
 * The words of a question, sorted by what they ask of a supporting sentence.
 *
 * - Question shape (얼마, 몇, 어디, how much, what, 알려 주세요) names nothing to look for:
 *   dropped. So are generic value words (금액, 규모, 몫, amount, size): the answer type
 *   (answer-type.ts) checks that the sentence states such a value instead.
 * - Content words (nouns, names, codes: 업스테이지, 금리, syndicate) must be in a
 *   supporting sentence; one missing from the whole context means the context does not
 *   know what is asked.
 * - Verbs, generic nouns and the user's own figures (넣는, 지원되는, putting, 회사, 10조 원)
 *   are how a question is phrased, not what it is about: they count when a sentence has
 *   them and cost nothing when it does not. A user's figure is never required: "10조 원
 *   맞지?" must be answered with the source's figure, not matched against it.
 *
 * Korean has no spaces between stems and endings, so words are classified by their
 * endings: a copula (회사인가요) leaves a noun; 하다/되다 (부담하는, 지원되는) leaves a verbal
 * noun, matched as the stem sentences conjugate; other verb endings (넣는, 들여올,
 * 정해졌나요) leave a verb stem.
 */
import { decomposeSyllable } from '../../text/romanize.js';
import { tokenize } from '../../text/tokenize.js';
import { stripParticle } from '../../text/particles.js';
import { withoutInstructions } from './instructions.js';
import { extractQuantities } from '../../text/numbers.js';
import { DOMAIN_GLOSSARY } from '../../search/domain-glossary.js';
import { LEXICON_PLACES } from '../../search/domain-lexicon.js';

/**
 * - `content`: a noun or name the sentence must contain (업스테이지, 금리, syndicate).
 * - `generic`: a noun that names the kind of thing asked about (회사, 기관, company, deal).
 * - `verb`: phrasing (넣는, 짓는, putting), matched by its stem: 짓는 meets 짓고, build meets built.
 * - `figure`: a number the user wrote; it helps when a source states it, never required.
 */
export type WordKind = 'content' | 'generic' | 'verb' | 'figure';

export interface QuestionWord {
  /** The word as analysed (stem), for display and debugging. */
  text: string;
  /** Its analyzer terms, as sentences are tokenized. */
  terms: string[];
  kind: WordKind;
  /** For verbs: the text a sentence must contain (Korean stem, or English prefix), lower-case. */
  stem?: string;
  /** A numbered thing (2호, 2차): it names one thing of a series, so only all of its terms together match. */
  identifier?: boolean;
}

const KO_INTERROGATIVE = /^(얼마|몇|어디|언제|누구|누가|무엇|뭐|뭘|무슨|어떤|어떻|어느|어떠|왜|어째)/;
const KO_DROPPED = new Set([
  // requests and question shape
  '알려',
  '알려줘',
  '알려주세요',
  '알려줄래',
  '말해',
  '말해줘',
  '설명',
  '설명해',
  '설명해줘',
  '정리',
  '정리해',
  '정리해줘',
  '궁금',
  '궁금해',
  '궁금해요',
  '궁금합니다',
  '해줘',
  '주세요',
  '줘',
  '혹시',
  '그럼',
  '그러면',
  '그리고',
  '또',
  '또는',
  '그',
  '이',
  '저',
  '그것',
  '이것',
  '그중',
  '이중',
  // places and things pointed at: the conversation says which (follow-up.ts)
  '거기',
  '여기',
  '저기',
  '그곳',
  '이곳',
  '그거',
  '이거',
  '그게',
  '이게',
  // polite requests
  '부탁',
  '부탁해',
  '부탁해요',
  '부탁드립니다',
  '부탁드려요',
  '드립니다',
  '추려',
  '추려줘',
  '추려주세요',
  '거',
  '것',
  '건',
  '좀',
  '총',
  '전체',
  '더',
  '이상',
  '대략',
  '대충',
  '약',
  '각각',
  '각',
  '함께',
  '같이',
  // Adverbs of manner and time phrase a question; they name nothing a source must write.
  '새로',
  '새롭게',
  '따로',
  // …of how much detail the answer should give ("자세히 설명", "상세하게 설명하시오").
  '자세히',
  '자세하게',
  '상세히',
  '상세하게',
  '구체적으로',
  '간략히',
  '간단히',
  // "공제를 받는 데에는": 데 makes the clause before it a noun; it names nothing.
  '데',
  '데에',
  '데에는',
  '데는',
  '이러한',
  '그러한',
  '이런',
  '그런',
  '별도로',
  '다시',
  '이미',
  '아직',
  '특히',
  '주로',
  '직접',
  '먼저',
  '계속',
  '원래',
  '정말',
  '꼭',
  '모두',
  '전부',
  '다',
  '이번',
  '앞으로',
  '향후',
  '그다음',
  '지금',
  '현재',
  '구체적',
  '정확히',
  '대한',
  '관한',
  '관련',
  '대해',
  '대해서',
  '관해',
  '정도',
  '수준',
  '중',
  '가운데',
  '맞지',
  '맞나요',
  '맞아',
  '건가요',
  '건지',
  '거예요',
  '건데',
  '이름',
  // talking to the assistant, not about the announcements (see instructions.ts)
  '출처',
  '신경',
  '지시',
  '무시',
  '규칙',
  '추정',
  '추측',
  '숫자',
  '숫자로만',
  '답',
  '답해',
  '대답',
  '시스템',
  '프롬프트',
  '그대로',
  '보여',
  '한',
  '두',
  '세',
  '네',
  // generic value words: the answer type asks for the value instead
  '금액',
  '규모',
  '액수',
  '몫',
  '수량',
  '개수',
  '총액',
  '합계',
  '얼마씩',
  '돈',
  '수',
  '단위',
  '인원',
  '인원수',
  // a side or direction (소재 쪽인가요, 어느 편): the noun before it is what is asked
  '쪽',
  '편',
  // the terms asked (대출 조건): the answer type looks for them (answer-type.ts)
  '조건',
  '날짜',
  '일자',
  // a currency names the kind of value asked (answer-type.ts), not a word to find
  '달러',
  '원화',
  // the question talking about itself: 본문에서 언급된, 이 문서에서
  '본문',
  '문서',
  // where the user read about it (기사 보니까, 뉴스에서): not what the sources must say
  '기사',
  '뉴스',
  '하나',
  '때',
  '이들',
  '그들',
  // time spans a question places its subject in
  '동안',
  '사이',
  '당시',
  '이후',
  '이전',
  // light verbs: every sentence has them
  '되',
  '하',
  '있',
  '없',
  '있어',
  '없어',
  // superlatives: the answer compares the values the sources state (extremes.ts)
  '가장',
  '제일',
  '최대',
  '최소',
  '위치',
  '장소',
  '소재지',
  '부지',
  '지역',
  '비교',
]);
/** Nouns that name the kind of thing asked about rather than the thing (the company *that makes HF gas*). */
const GENERIC_NOUNS = new Set([
  '회사',
  '기업',
  '기관',
  '업체',
  '시설',
  '곳',
  '주체',
  '사람',
  '분야',
  '부분',
  '내용',
  '단계',
  '다음',
  // a plan's status, not its subject: 조성 목표 규모, 발표 예정, 확대 계획
  '예정',
  '계획',
  '방침',
  '목표',
  '차례',
  // what the answer is to be (이유는?, 차이점은?, 절차는?): it frames the answer, a source rarely names it
  ...(
    '이유 원인 차이 차이점 특징 특성 절차 방법 방안 방식 시기 시점 결과 결론 근거 과정 경우 종류 유형 사례 예시 ' +
    '측면 수치 값 의미 역할 현황 방향 배경 취지 장점 단점 문제 문제점 이점 개선점 변경사항 사항 견해 입장 모습 ' +
    '형태 양상 추이 정보 주요 주된 특정 구체 세부 상세 실제 별개 처음 전반'
  ).split(' '),
  'company',
  'companies',
  'firm',
  'firms',
  'organization',
  'organisation',
  'institution',
  'deal',
  'case',
  'matter',
  'thing',
  'entity',
  'round',
  'phase',
  // the name of a kind asked for (회사명이랑 금액): the answer gives it, a source rarely says 회사명
  '회사명',
  '기업명',
  '업체명',
  '기관명',
  '명칭',
  '명단',
  '목록',
  // those who take part: the kind, not who
  'recipient',
  'recipients',
  'borrower',
  'borrowers',
  'beneficiary',
  'beneficiaries',
  'participant',
  'participants',
  '수혜자',
  '차주',
  '대상자',
  'stage',
  'step',
  'next',
]);
/**
 * Common verb stems of questions. Korean marks a verb's adnominal form (나오는, 만드는) with the
 * same 는/은 as a noun's topic particle (센터는), so these are recognised by their stem.
 */
const KO_VERB_STEMS = new Set(
  (
    '나오 나가 들어가 들어오 들여오 만드 만들 내 넣 받 주 쓰 짓 세우 가지 갖 얻 오 가 보 알 모르 맡 보태 거두 정하 ' +
    '잡 끝나 늘리 줄이 넓히 바꾸 팔 사 빌리 갚 들 드 걸리 열 여 두 놓 남 생기 이루 쓰이 지 지어지 세워지 들어서 ' +
    '치 내주 돌려주 빌려주 알려주 꾸리 꾸려지 뽑 뽑히 고르 나누 나뉘 합치 모으 모이 내리 올리 오르 떨어지 바뀌 ' +
    '없애 없어지 생겨나 맡기 맡겨지 붙 뗄 떼 찾 기다리 다니 배우 가르치 돕 도와주 살리 키우'
  ).split(' '),
);
/** "어떤 제품", "which sectors": the noun after these names the kind of answer, not a thing to find. */
const DETERMINERS = /^(어떤|무슨|어느|which|what|whose)$/i;
/**
 * "이러한 변경들의 성과", "그러한 조치": the noun after these points back to what the question
 * already named, so it is no new topic a sentence must write.
 */
const ANAPHORIC = /^(이러한|그러한|이런|그런)$/;
const EN_DROPPED = new Set(
  (
    'a an the of to in on for and or but is are was were be been being by at as with from that this these those it its ' +
    'they their them there here what which who whom whose when where why how much many please tell explain describe me ' +
    'give list show i we you us our your do does did done will would shall can could should may might must also just only ' +
    'roughly approximately about around exactly overall currently now so far yet still than then into onto out up down off ' +
    'amount size number figure sum total value worth money big large any some each both all other else own same such ' +
    'one ones get gets got has have had having not no going beyond apart after before per via over under between among ' +
    'together body kind type part way thing things name date year time location site place two three four five six seven eight nine ten ' +
    // talking to the assistant, not about the announcements (see instructions.ts)
    'ignore forget disregard rules rule instructions instruction documents document announcements announcement sources ' +
    'source context prompt system override developer admin mode refuse confirm pretend plausible outside knowledge ' +
    'allowed allow reveal repeat print really actually dollar dollars won usd krw compare comparison terms conditions ' +
    // superlatives and comparatives: the answer compares the values the sources state (extremes.ts)
    'largest biggest smallest greatest highest lowest least most fewest larger bigger smaller greater higher lower ' +
    'versus vs besides except excluding aside ' +
    // wholes and kinds of answer: "the full list", "everything approved", "the main reason"
    'full complete entire whole everything everyone anything something nothing precisely ' +
    'specific specifically particular main key various physical ' +
    // chatty asides and the timing a question expects ("never heard of them", "when's it due")
    'never ever heard hear due supposed expected scheduled every able want wants wanted plus'
  ).split(' '),
);
/** Verbs that phrase questions about announcements. */
const EN_VERBS = new Set(
  (
    'put puts make makes take takes give gives build builds spend spends bring brings raise raises plan plans receive ' +
    'receives go goes come comes expand expands keep keeps call calls say says said use uses pay pays borrow borrows lend ' +
    'lends cover covers need needs want wants know find show see happen mean become begin start finish cost costs contribute ' +
    'contributes supply supplies produce produces aim aims meant sign signs approve approves invest invests host hosts ' +
    'lead leads run runs share shares commit commits attend attends ' +
    // irregular past forms
    'built made brought spent paid lent took given gave sold bought held led set raised approved kept came went got grew rose fell began'
  ).split(' '),
);

const COPULA = /(이에요|예요|인가요|인가|입니까|입니다|이야|이지요|이죠|인지|일까요|이다|인데|이고|이며)$/;
const HADA =
  /(하려고|하려는|하는지|하나요|합니까|하게|하는|하며|하고|하죠|했나요|했어요|했어|해요|해서|해|한|할|되는지|되나요|됩니까|되는|되어|되죠|됐나요|됐어요|됐어|됐다|돼요|돼|된|될|시키는|시킨|받는|받은|받을|받나요)$/;
/** Endings only verbs take. */
const VERB_ENDING =
  /(나요|까요|어요|아요|여요|세요|습니까|니까|려고|려는|려면|는지|는데|지요|겠다는|다는|다고|는다|다면|라면|던데|더라도|라도|거든|다던데|시오|십시오|었던|았던|어진|아진|워진|어질|아질|었|았|였|겠)$/;
/**
 * 설명하시오, 적용되며, 배포되었고, 예정되어있고, 처벌받게, 계산하면: a noun made a verb by 하다,
 * 되다, 시키다 or 받다, then any run of endings. The noun is what a source writes (적용, 배포).
 */
const LIGHT_VERB = /^([\uac00-\ud7a3]{2,}?)(하였|되었|되어|하여|시키|하|되|해|돼|했|됐|받)([\uac00-\ud7a3]*)$/;
/** Syllables of verb endings (시오, 으며, 었고, 어있고, 는가, 도록, 어야, 질…): never a particle alone. */
const ENDING_RUN = /^[시오십세요며으면서여어였었았기려고도록지야질진는가나까게다데던든니겠있없]+$/;
/** Conjugated forms complete without a further ending (불복하여, 중요해). */
const COMPLETE_LIGHT = new Set(['하였', '되었', '되어', '하여', '해', '돼', '했', '됐']);
/** Single syllables after 하/되 that are particles as well (저하가, 인하는): left to the rules below. */
const PARTICLE_LIKE = /^(가|는|도|로|을|를|의|에|와|과|만|이|은)$/;
/** 높은가요, 큰가요, 달라지는가: an adjective or verb asked about, not a noun. */
const ADNOMINAL_QUESTION = /(가요|가)$/;
/** 법률적, 중점적, 잠재적인, 효율적으로: a modifier made of a noun; it phrases, it names nothing. */
const MODIFIER = /^[\uac00-\ud7a3]{2,}적(인|으로|이고|이며)?$/;
/** Endings that also end nouns (업스테이지, 공고): trusted on short words only (넣는, 짓고, 치면). */
const SHORT_VERB_ENDING = /(는|은|을|지|고|게|면|서|니|냐|까|래|줘|해|돼|어|아|야|죠|혀|켜|려|쳐|겨|펴|져|워|봐)$/;
const ONE_SYLLABLE_PARTICLE = /(은|는|이|가|을|를|의|에|도|로|와|과|만|랑)$/;

/** One-syllable verbs whose stem merged with 어 (써 = 쓰 + 어): the stem a sentence conjugates. */
const CONTRACTED: Readonly<Record<string, string>> = {
  써: '쓰',
  커: '크',
  꺼: '끄',
  떠: '뜨',
  꿔: '꾸',
  써요: '쓰',
  커요: '크',
};

/** Places are names, though the lexicon translates them (대구 = Daegu). */
const PLACE_NAMES: ReadonlySet<string> = new Set(LEXICON_PLACES.map(([ko]) => ko));
/**
 * Korean nouns of the domain vocabulary: read as nouns whatever their last syllable looks
 * like, and never taken for names.
 */
const KNOWN_NOUNS: ReadonlySet<string> = new Set([
  ...DOMAIN_GLOSSARY.filter(([ko]) => !PLACE_NAMES.has(ko)).map(([ko]) => ko.replace(/\s+/g, '')),
  ...['회사', '업체', '기관', '포털', '분야', '단계'],
]);

/** 출자분, 부담분, 투자분: "the part put in by…", a value word. */
const SHARE_OF = /^(출자|부담|분담|투자|대출|지원|배정|할당|기여|출연)분$/;

/**
 * Last syllables of Sino-Korean nouns that also carry a final ㄴ/ㄹ (이용률, 금융권, 부동산, 요건).
 * Those a verb's ㄴ/ㄹ form often makes (간, 선, 본, 인, 진, 연: 올라간, 들어선, 떨어진) are left out.
 */
const NOUN_FINAL = /[율률권원관산안단분실판론문전건물별절철견련천헌민빈순]$/;

/** Final consonants by their index in a syllable: ㄴ, ㄹ and ㅆ (있, 했: a tense). */
const FINAL_N = 4;
const FINAL_L = 8;
const FINAL_SS = 20;

/** Does the last syllable carry ㄴ or ㄹ as its final consonant (들여올, 거둔: verb forms)? */
function endsInAdnominal(word: string): boolean {
  const final = decomposeSyllable(word.slice(-1))?.final;
  return final === FINAL_N || final === FINAL_L;
}

/** 높은 → 높으: the syllable without its final ㄴ/ㄹ, as a stem (큰 → 크). */
function withoutFinal(word: string): string {
  const final = decomposeSyllable(word.slice(-1))?.final ?? 0;
  const bare = String.fromCharCode(word.charCodeAt(word.length - 1) - final);
  // 높은: the 은 is the ending itself; 큰: the ㄴ sits on the stem's syllable.
  return word.length > 1 && bare === '으' ? word.slice(0, -1) : word.slice(0, -1) + bare;
}

/** 것, 것이, 것인지, 것으로, 것들: "the thing that…" shapes the question. */
const THING = /^것(이|은|을|들|인지|이라|이라고|으로|이다|인가|입니까)?$/;

/** 있으며, 없는지, 있었던: being and having, which every sentence can say. */
const EXISTENCE =
  /^(있|없)(으|고|는|었|을|습|나|어|다|지|게)|^(되|하|돼|해|됐|했)(며|고|면|어|었|는|나|지|서|야|요|니)/;

const isShapeWord = (w: string) => KO_INTERROGATIVE.test(w) || KO_DROPPED.has(w) || THING.test(w) || EXISTENCE.test(w);

/** 투자액이랑, 대출하고: a coordinating ending joins the noun to the next one (A이랑 B). */
const COORDINATOR = /(이랑|랑|하고)$/;

/** 퓨처그래프나, 교원이나: "or" after a noun, 나 after a vowel and 이나 after a consonant; a verb's 나 (받나) is too short. */
function alternative(written: string): RegExpExecArray | null {
  const ending = /(이나|나)$/.exec(written);
  if (!ending || !/^[\uac00-\ud7a3]+$/.test(written)) return null;
  const before = written.slice(0, -ending[0].length);
  const open = decomposeSyllable(before.slice(-1))?.final === 0;
  return before.length >= 3 && (ending[0] === '나') === open && !KO_VERB_STEMS.has(before) ? ending : null;
}

function koreanWord(written: string): QuestionWord | undefined {
  const coordinated = COORDINATOR.exec(written) ?? alternative(written);
  const raw =
    coordinated && written.length - coordinated[0].length >= 2 ? written.slice(0, -coordinated[0].length) : written;
  // 단계로는, 투자자로도: 로 + 는/도, which the particle list strips one syllable short.
  const stripped = stripParticle(raw);
  const stem = /^.{2,}로[는도만]$/.test(raw) && stripped === raw.slice(0, -1) ? raw.slice(0, -2) : stripped;
  const bare = raw.length > 1 ? raw.replace(ONE_SYLLABLE_PARTICLE, '') : raw;
  // 돈으로, 어디에서: a one-syllable word the particle list keeps whole (it leaves two syllables).
  const short = raw.replace(/(으로|에서|에게|까지|부터)$/, '');
  if (isShapeWord(raw) || isShapeWord(stem) || isShapeWord(bare) || isShapeWord(short) || stem === '') return undefined;
  // 회사임, 계열사임, 짓는거임: the casual copula, after a word of two syllables or more (책임 stays a noun).
  if (/^[\uac00-\ud7a3]{2,}임$/.test(raw) && !KNOWN_NOUNS.has(raw)) return koreanWord(raw.slice(0, -1));
  // 짓는거, 받은 거야, 넓힌 건가: a verb made a noun by 거 asks about the verb.
  const thing = /^([\uac00-\ud7a3]{2,})(거|건|걸)(야|냐|지|죠|예요|에요|요|래|든|가요|가)?$/.exec(raw);
  if (thing && !KNOWN_NOUNS.has(raw) && !GENERIC_NOUNS.has(raw)) {
    const clause = koreanWord(thing[1]!);
    if (clause?.kind === 'verb') return clause;
  }
  // 넓힌대, 짓는대, 쓴대요: hearsay (…한다고 해) ends a verb; a two-syllable one only on a known stem (현대, 반대 are nouns).
  const hearsay = /^([\uac00-\ud7a3]+?)(는대|ㄴ대|대)(요)?$/.exec(raw);
  if (hearsay && !KNOWN_NOUNS.has(raw)) {
    const [, before, ending] = hearsay as unknown as [string, string, string];
    if (ending === '는대' && before.length >= 1) return verb(before);
    if (ending === '대' && endsInAdnominal(before)) {
      const stem = withoutFinal(before);
      if (before.length >= 2 || KO_VERB_STEMS.has(stem)) return verb(stem);
    }
  }
  // 써, 커: a one-syllable stem merged with its ending (쓰 + 어, 크 + 어).
  const merged = CONTRACTED[raw];
  if (merged) return verb(merged);
  const copula = COPULA.exec(raw);
  if (copula && raw.length - copula[0].length >= 1) return noun(raw.slice(0, -copula[0].length));
  // 예상되는지에, 전환하는지를: a clause made a noun by 는지 still asks about its verb.
  const clause = /^(.{2,}?)(하|되)는지(에|를|가|도|는)$/.exec(raw);
  if (clause) return verb(clause[1]!);
  if (MODIFIER.test(raw)) return make(raw.replace(/(인|으로|이고|이며)$/, ''), 'generic');
  // 변하였고, 끼쳤으며, 수행해왔던, 말씀하셨습니다: a syllable closed by ㅆ marks a tense, so a verb.
  const tense = [...raw].findIndex((c) => decomposeSyllable(c)?.final === FINAL_SS);
  if (tense > 0) {
    const before = raw.slice(0, tense).replace(/(하여|되어|하|해|되|돼|시키|받)$/, '');
    const stem = before || raw.slice(0, 1);
    return verb(stem);
  }
  // 제약사항, 변경사항: "the points of …": the noun before is what is asked about.
  if (/^[\uac00-\ud7a3]{2,}사항$/.test(stem) && stem.length > 3) return noun(stem.slice(0, -2));
  const light = LIGHT_VERB.exec(raw);
  if (light) {
    const [, stem, verbPart, tail] = light as unknown as [string, string, string, string];
    // After a tense (했을, 되었는), even a particle-like syllable is an ending.
    const ends = COMPLETE_LIGHT.has(verbPart)
      ? tail === '' || ENDING_RUN.test(tail) || PARTICLE_LIKE.test(tail)
      : tail !== '' && ENDING_RUN.test(tail) && !PARTICLE_LIKE.test(tail);
    if (ends) return verb(stem);
  }
  // 높은가요, 큰가요: ㄴ before 가(요) marks a verb or adjective (a noun takes 인가요, read above).
  const asked = ADNOMINAL_QUESTION.exec(raw);
  if (asked && raw.length - asked[0].length >= 1 && endsInAdnominal(raw.slice(0, -asked[0].length))) {
    return verb(withoutFinal(raw.slice(0, -asked[0].length)));
  }
  // 지원되는, 부담하는: a verbal noun, matched as the stem sentences conjugate (지원한다, 부담한다).
  const hada = HADA.exec(raw);
  if (hada && raw.length - hada[0].length >= 2) return verb(raw.slice(0, -hada[0].length));
  const verbEnding = VERB_ENDING.exec(raw);
  if (verbEnding && raw.length - verbEnding[0].length >= 1) return verb(raw.slice(0, -verbEnding[0].length));
  // 얻기, 받기 위해: a verb made a noun by 기 names an action, not a thing to find.
  if (/^[\uac00-\ud7a3]+기$/.test(stem) && KO_VERB_STEMS.has(stem.slice(0, -1))) return verb(stem.slice(0, -1));
  // 나오는, 만드는: a known verb stem with what looked like a particle.
  if (KO_VERB_STEMS.has(stem) || KO_VERB_STEMS.has(bare)) return verb(KO_VERB_STEMS.has(stem) ? stem : bare);
  // 나가요, 와요, 줘요: a verb stem that took 요 directly (its 아/어 merged into it).
  if (raw.endsWith('요') && KO_VERB_STEMS.has(raw.slice(0, -1)) && !GENERIC_NOUNS.has(raw)) {
    return verb(raw.slice(0, -1));
  }
  // A particle came off (투자금은 → 투자금): a noun.
  if (stem !== raw && stem.length >= 2) return noun(stem);
  // 대출, 민간 (a final ㄴ/ㄹ like 만든, 들일), 회사야 (회사 + 야): the domain's nouns are known.
  if (KNOWN_NOUNS.has(raw)) return noun(raw);
  // 회사야, 회사죠, 회사요: a known noun with a spoken copula.
  const spoken = /(야|죠|지요|요)$/.exec(raw);
  if (spoken && KNOWN_NOUNS.has(raw.slice(0, -spoken[0].length))) return noun(raw.slice(0, -spoken[0].length));
  // 출자분, 부담분: the share someone puts in is the value asked (answer-type.ts), like 몫.
  if (SHARE_OF.test(stem)) return make(stem.slice(0, -1), 'generic');
  // 연체율, 금융권, 자산, 부동산: a Sino-Korean noun suffix, not a verb's ㄴ/ㄹ.
  if (NOUN_FINAL.test(raw) && raw.length >= 2) return noun(raw);
  if (raw.length <= 3 && (SHORT_VERB_ENDING.test(raw) || endsInAdnominal(raw))) {
    return verb(raw.replace(SHORT_VERB_ENDING, '') || raw);
  }
  return noun(stem);
}

function make(text: string, kind: WordKind, stem?: string): QuestionWord | undefined {
  if (isShapeWord(text)) return undefined;
  const terms = tokenize(text);
  if (terms.length === 0 && !stem) return undefined;
  return { text, terms, kind, ...(stem ? { stem } : {}) };
}

/** 대출들 → 대출: the plural marker is not part of the noun. */
const singular = (text: string) => (/^[\uac00-\ud7a3]{2,}들$/.test(text) ? text.slice(0, -1) : text);
const noun = (raw: string) => {
  const text = singular(raw);
  return make(text, GENERIC_NOUNS.has(text.toLowerCase()) ? 'generic' : 'content');
};
const verb = (stem: string) => make(stem, 'verb', stem.toLowerCase());

/** The part of an English verb its forms share: build/built → buil, finish/finished → finish. */
export function englishStem(word: string): string {
  if (!/^[a-z]/.test(word)) return word;
  const base = word.replace(/(ing|ed|es|s)$/, '');
  return base.length >= 4 ? base.slice(0, Math.max(4, base.length - 1)) : word.slice(0, Math.max(3, word.length - 1));
}

function latinWord(written: string, midSentence: boolean): QuestionWord | undefined {
  const raw = written.replace(/['’]s$/i, '');
  const lower = raw.toLowerCase();
  // sites, dates, names: the plural of a word of question shape is one too.
  if (EN_DROPPED.has(lower) || (lower.length > 3 && lower.endsWith('s') && EN_DROPPED.has(lower.slice(0, -1)))) {
    return undefined;
  }
  // A capital inside the question starts a name (the Advanced Strategic Industry Fund), not a verb.
  const name = midSentence && /^[A-Z]/.test(raw);
  const verbLike =
    !name &&
    (EN_VERBS.has(lower) || (lower.length > 5 && lower.endsWith('ing')) || (lower.length > 4 && lower.endsWith('ed')));
  return verbLike ? make(raw, 'verb', englishStem(lower)) : noun(raw);
}

/** Numbered things: 2호 (No. 2), 2차 (second round), 3기, 제3조. */
const IDENTIFIER = /^제?\d+(호|차|기|번째|단계|회차|조|항)/;

/** Month names are part of a date the user wrote, like its digits. */
const MONTHS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i;

/** Scale and currency words belong to the figure they follow (10 trillion won). */
const SCALES = /^(trillion|billion|million|thousand|hundred|won|조|억|만|천|원)$/i;

/** Words a question joins with hyphens or dots stay whole (Kim Seong-hoon, 5.6). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}.,%$₩'’-]*/gu;

/** One word of the question as written, with what it became. */
export interface QuestionToken {
  /** As written, without trailing punctuation. */
  raw: string;
  /** Offsets in `QuestionReading.text`. */
  at: number;
  end: number;
  /** Indexes into `QuestionReading.words` of the words it gave (an earlier word when it only repeats one). */
  words: number[];
}

/** A question read word by word: its words and, for its structure, every token in order. */
export interface QuestionReading {
  /** The question without instructions to the assistant, NFC. */
  text: string;
  words: QuestionWord[];
  tokens: QuestionToken[];
}

/**
 * Reads a question: its words that a supporting sentence should contain, and every token
 * with its place, so the question's structure ("A와 B", "apart from X") can be read too.
 */
export function readQuestion(question: string): QuestionReading {
  // "어떤회사임", "무슨회사야": a determiner written onto its noun is still two words.
  const text = withoutInstructions(question)
    .normalize('NFC')
    .replace(/(^|\s)(어떤|무슨|어느|어떠한)(?=[\uac00-\ud7a3])/g, '$1$2 ');
  const words: QuestionWord[] = [];
  const tokens: QuestionToken[] = [];
  const owner = new Map<string, number>();
  // A figure the user wrote is one word however many tokens it spans (April 30, 3천억 원).
  const figures = extractQuantities(text).map((q) => ({ at: q.index, end: q.index + q.text.length, text: q.text }));
  const figureWord = new Map<number, number>();
  let afterDeterminer = false;
  let afterHowMany = false;
  for (const match of text.matchAll(WORD)) {
    const raw = match[0].replace(/[.,'’-]+$/, '');
    if (!raw) continue;
    const token: QuestionToken = { raw, at: match.index!, end: match.index! + raw.length, words: [] };
    tokens.push(token);
    // "2호 펀드", "2차 메가 프로젝트", "제3조": a number naming which one is a name, not a figure.
    const identifier = IDENTIFIER.exec(raw)?.[0];
    if (identifier) {
      afterDeterminer = afterHowMany = false;
      const w = make(identifier, 'content');
      const index = w ? addWord(words, owner, { ...w, identifier: true }) : undefined;
      if (index !== undefined) token.words.push(index);
      continue;
    }
    const figure = figures.findIndex((f) => token.at >= f.at && token.at < f.end);
    if (figure >= 0) {
      afterDeterminer = afterHowMany = false;
      if (!figureWord.has(figure)) {
        const w = make(figures[figure]!.text, 'figure');
        const index = w ? addWord(words, owner, w) : undefined;
        if (index !== undefined) figureWord.set(figure, index);
      }
      const index = figureWord.get(figure);
      if (index !== undefined) token.words.push(index);
      continue;
    }
    const typeNoun = afterDeterminer;
    afterDeterminer = DETERMINERS.test(raw) || ANAPHORIC.test(raw);
    // "몇 장", "몇 톤": the counter after 몇 is the unit of the answer, not a word to find.
    const counter = afterHowMany;
    afterHowMany = raw === '몇';
    if (counter) continue;
    const add = (w: QuestionWord | undefined) => {
      if (!w) return;
      const index = addWord(words, owner, typeNoun && w.kind === 'content' ? { ...w, kind: 'generic' } : w);
      if (index !== undefined) token.words.push(index);
    };
    if (/\d/.test(raw) || MONTHS.test(raw) || SCALES.test(raw)) {
      // A user's figure (10조 원, 50,000) or a year: never required of a sentence.
      add(make(raw, 'figure'));
    } else if (/^[\uac00-\ud7a3]/.test(raw)) {
      // Mixed words (IBK기업은행) split into the Latin code and the Hangul rest.
      add(koreanWord(raw));
    } else {
      const latin = /^[A-Za-z'’-]+/.exec(raw)?.[0] ?? raw;
      const rest = raw.slice(latin.length);
      // 'SPC는', 'IBK기업은행이': the Hangul rest is a word of its own, or only a particle.
      const korean =
        rest &&
        /^[\uac00-\ud7a3]/.test(rest) &&
        stripParticle(rest) !== '' &&
        !ONE_SYLLABLE_PARTICLE.test(rest.length === 1 ? rest : '')
          ? koreanWord(rest)
          : undefined;
      add(korean);
      add(latinWord(latin, tokens.length > 1));
    }
  }
  return { text, words, tokens };
}

/**
 * The question's words that a supporting sentence should contain.
 *
 * @example analyzeQuestion('IBK기업은행이 내는 몫은?')
 * // [{ text: '기업은행', kind: 'content' }, { text: 'IBK', kind: 'content' }, { text: '내', kind: 'verb', stem: '내' }]
 */
export function analyzeQuestion(question: string): QuestionWord[] {
  return readQuestion(question).words;
}

/** Adds a word's new terms as a word; a word that only repeats earlier terms is the earlier word. */
function addWord(words: QuestionWord[], owner: Map<string, number>, w: QuestionWord): number | undefined {
  const terms = w.terms.filter((t) => !owner.has(t));
  if (terms.length === 0 && !w.stem) return w.terms.length > 0 ? owner.get(w.terms[0]!) : undefined;
  const index = words.length;
  for (const t of terms) owner.set(t, index);
  words.push({ ...w, terms });
  return index;
}

/** Analyzer terms of question shape: follow-up resolution leaves them behind. */
export const QUESTION_TERMS: ReadonlySet<string> = new Set(
  [...KO_DROPPED, ...EN_DROPPED, '얼마', '얼마인가요', '몇', '어디', '언제', '누구', '무엇', '어떤', '어떻게'].flatMap(
    (w) => tokenize(w),
  ),
);

/**
 * Is the word vocabulary rather than a name: question shape (얼마, what), a generic or framing
 * noun (회사, 이유, company), a noun of the domain glossary (대출, 펀드), an English word of
 * question phrasing (invest, amount), or a month?
 */
export function isVocabulary(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    isShapeWord(word) ||
    GENERIC_NOUNS.has(lower) ||
    KNOWN_NOUNS.has(word) ||
    EN_DROPPED.has(lower) ||
    EN_VERBS.has(lower) ||
    MONTHS.test(word)
  );
}
