/**
 * Words that phrase a question but name nothing a source must write. Closed classes of
 * Korean and English grammar (pronouns, demonstratives, determiners, conjunctions,
 * auxiliaries, request verbs, adverbs of degree, manner and time, bound and postpositional
 * nouns, verbs grammaticalized into postpositions: 위해, 통해, 따른), listed as a grammar lists
 * them; none is taken from a question set.
 */
import { words } from './words.js';

/** Korean interrogative roots: any word they start asks (얼마인가요, 어떻게, 무엇이며, 어디어디). */
export const KOREAN_INTERROGATIVES = words(
  '얼마 몇 어디 언제 누구 누가 무엇 뭐 뭘 뭔 무슨 어떤 어떻 어느 어떠 왜 어째',
);
/** English interrogatives: with one, a question is open, whatever its form ("Is it … or when?"). */
export const ENGLISH_INTERROGATIVES = words('what which who whom whose where when why how');

export const KOREAN_PHRASING = words(`
  알려 알려줘 알려주세요 말해 말해줘 설명 설명해 설명해줘 정리 정리해 정리해줘 추려 추려줘 서술 기술
  궁금 궁금해 궁금해요 궁금합니다 부탁 부탁해 부탁해요 부탁드립니다 부탁드려요 드립니다 해줘 주세요 줘 보여
  그 이 저 그것 이것 저것 그거 이거 그게 이게 거기 여기 저기 그곳 이곳 그중 이중 이들 그들
  그리고 그럼 그러면 또 또는 또한 혹시 및 그다음
  이러한 그러한 이런 그런 대한 관한 대해 대해서 대하여 관해 관하여 관련
  위해 위한 위하여 통해 통한 통하여 따라 따른 따르면 인해 인한 인하여 의해 의한 비해 걸쳐 거쳐 향해
  된 될 됨 할 함 하는 되는 혹은
  좀 더 총 약 대략 대충 정확히 자세히 자세하게 상세히 상세하게 구체적으로 간략히 간단히 정말 꼭 다시
  새로 새롭게 따로 별도로 함께 같이 특히 주로 직접 먼저 계속 원래 이미 아직 지금 현재 이번 앞으로 향후
  각 각각 모두 모든 전부 다 전체 하나 한 두 세 네 안 못
  것 거 건 게 데 데에 데는 데에는 때 시 후 전 등 수 중 가운데 정도 수준 쪽 편 동안 사이 당시 이후 이전 이상
  있 없 있어 없어 하 되 해 해요 돼 돼요
  맞지 맞나요 맞아 건가요 건지 거예요 건데
  본문 문서
  시스템 프롬프트 지시 규칙 무시
`);

/** English function words (a stopword list), question and request words, and vague quantifiers. */
export const ENGLISH_PHRASING = words(`
  a an the of to in on for and or but is are was were be been being by at as with from into onto out up down off
  that this these those it its they their them there here i we you us our your me my
  what which who whom whose when where why how much many please tell explain describe give list show
  do does did done will would shall can could should may might must also just only so yet still than then
  about around roughly approximately exactly overall currently now far any some each both all other else own same
  such one ones not no per via over under between among together beyond apart after before
  has have had having get gets got going big large two three four five six seven eight nine ten
  ever expected scheduled supposed due
  every able really actually precisely anything something nothing everything everyone
  full complete entire whole specific specifically particular main key various
  ignore forget disregard rules rule instructions instruction prompt system
`);

/** Korean words setting something aside ("업스테이지 말고", "X 외에"): read by the question's structure. */
export const KOREAN_EXCLUSIONS = words(
  '외 외에 외에는 외에도 말고 말고도 말고는 제외하고 제외한 제외하면 빼고 빼면 이외 이외에 이외의 밖에',
);

/** Determiners asking which one or what kind: the noun after them names the kind of answer ("어떤 제품", "which sectors"). */
export const DETERMINERS = words('어떤 무슨 어느 어떠한 which what whose');
/** Determiners pointing back (이러한 변경): the noun after them is what the question already named. */
export const ANAPHORIC_DETERMINERS = words('이러한 그러한 이런 그런');

/**
 * What retrieval drops from a query (text/question-words.ts `questionContent`), so that a title
 * such as "…시장은 어떻게 변할까" does not match a question by its question words. The same
 * grammar as above, a narrower set: it is what bench:retrieval was measured with.
 * Korean interrogative roots, matched whatever ending follows (어떠한가요, 무엇이며):
 */
export const RETRIEVAL_KOREAN_ROOTS = words('무엇 어떠 어떤 어떻 어느 얼마 언제 어디 누구 무슨 몇');
/** Interrogatives matched only whole (왜곡 is no question). */
export const RETRIEVAL_KOREAN_WORDS_WHOLE = words('왜 뭐 뭔가요 뭔지');
/** Question and request endings (polite and imperative); what precedes them may be content (필요하나요). */
export const RETRIEVAL_KOREAN_ENDINGS = words(`
  해주십시오 해주세요 주십시오 하십시오 주세요 하시오 하세요 할까요 하나요 되나요 있나요 없나요 인가요 입니까 습니까 합니까
  나요 가요
`);
/** Request verbs, postpositional verbs (대해, 관한), conjunctions and the light verbs' stems. */
export const RETRIEVAL_KOREAN_WORDS = words(`
  설명 설명해 설명하 서술 서술해 서술하 기술해 알려 말해 대해 대하여 대한 관해 관하여 관한 각각 그리고 또한 있 되 하
`);
/** English question and request words. */
export const RETRIEVAL_ENGLISH_WORDS = words(
  'what which who whom whose when where why how much many please tell explain describe me give list',
);
