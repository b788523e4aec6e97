/** The interface's words in Korean and English (issue 11). Answers come in the question's language. */

export type UiLang = 'ko' | 'en';

export interface UiText {
  lang: UiLang;
  defaultTitle: string;
  openChat: string;
  closeChat: string;
  newChat: string;
  questionLabel: string;
  placeholder: string;
  send: string;
  stop: string;
  copy: string;
  copied: string;
  copyFailed: string;
  retry: string;
  /** Feedback on an answer (issue 16). */
  feedback: {
    up: string;
    down: string;
    thanks: string;
    commentLabel: string;
    sendComment: string;
    commentThanks: string;
    failed: string;
  };
  intro: string;
  inputHint: string;
  you: string;
  assistant: string;
  thinking: string;
  sources: string;
  refused: string;
  truncated: string;
  stopped: string;
  page: (n: number) => string;
  citation: (n: number, title: string) => string;
  /** A headline per failure; the API's own message is shown under it. */
  errors: {
    unauthorized: string;
    forbidden: string;
    rateLimited: (retryAfterSeconds: number | undefined) => string;
    server: (status: number) => string;
    badRequest: string;
    network: string;
    stream: string;
  };
}

const KO: UiText = {
  lang: 'ko',
  defaultTitle: '펀드 도우미',
  openChat: '펀드 도우미 열기',
  closeChat: '닫기',
  newChat: '새 대화',
  questionLabel: '질문',
  placeholder: '정책펀드 공고에 대해 물어보세요',
  send: '보내기',
  stop: '중지',
  copy: '복사',
  copied: '복사했습니다',
  copyFailed: '복사하지 못했습니다',
  retry: '다시 시도',
  feedback: {
    up: '도움이 됐어요',
    down: '틀렸어요',
    thanks: '평가해 주셔서 감사합니다.',
    commentLabel: '무엇이 틀렸나요? (선택)',
    sendComment: '의견 보내기',
    commentThanks: '의견을 보내 주셔서 감사합니다. 자료를 고치는 데 쓰겠습니다.',
    failed: '평가를 보내지 못했습니다. 다시 눌러 주세요.',
  },
  intro:
    '정책펀드 보도자료에 대해 한국어나 영어로 물어보세요. 답변마다 출처를 붙이고, 자료에 없는 내용은 없다고 말씀드립니다.',
  inputHint: 'Enter로 보내고 Shift+Enter로 줄을 바꿉니다.',
  you: '질문',
  assistant: '답변',
  thinking: '자료를 찾는 중…',
  sources: '출처',
  refused: '자료에서 답을 찾지 못했습니다',
  truncated: '답변이 길어 중간에서 끊겼습니다.',
  stopped: '답변을 중지했습니다.',
  page: (n) => `${n}쪽`,
  citation: (n, title) => `출처 ${n}: ${title}`,
  errors: {
    unauthorized: '이 도우미를 쓰려면 인증이 필요합니다.',
    forbidden: '이 사이트에서는 도우미를 쓸 수 없습니다.',
    rateLimited: (s) =>
      s ? `요청이 너무 많습니다. ${s}초 뒤에 다시 시도하세요.` : '요청이 너무 많습니다. 잠시 뒤에 다시 시도하세요.',
    server: (status) => `서버에서 답변하지 못했습니다 (${status}).`,
    badRequest: '질문을 보낼 수 없습니다.',
    network:
      '도우미에 연결하지 못했습니다. 네트워크를 확인하고, 계속 안 되면 이 사이트가 허용되어 있는지(WIDGET_ORIGINS) 관리자에게 문의하세요.',
    stream: '답변이 중간에 끊겼습니다.',
  },
};

const EN: UiText = {
  lang: 'en',
  defaultTitle: 'Fund Assistant',
  openChat: 'Open Fund Assistant',
  closeChat: 'Close',
  newChat: 'New chat',
  questionLabel: 'Question',
  placeholder: 'Ask about policy-fund announcements',
  send: 'Send',
  stop: 'Stop',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy',
  retry: 'Retry',
  feedback: {
    up: 'Helpful',
    down: 'Wrong',
    thanks: 'Thanks for the feedback.',
    commentLabel: 'What was wrong? (optional)',
    sendComment: 'Send comment',
    commentThanks: 'Thanks, your comment helps whoever keeps the documents fix them.',
    failed: 'The rating could not be sent; please try again.',
  },
  intro:
    'Ask about policy-fund press releases in English or Korean. Every answer cites its sources, and says so when the sources do not hold the answer.',
  inputHint: 'Enter sends, Shift+Enter starts a new line.',
  you: 'Question',
  assistant: 'Answer',
  thinking: 'Searching the sources…',
  sources: 'Sources',
  refused: 'The sources do not answer this',
  truncated: 'The answer was long and got cut off.',
  stopped: 'You stopped this answer.',
  page: (n) => `p. ${n}`,
  citation: (n, title) => `Source ${n}: ${title}`,
  errors: {
    unauthorized: 'The assistant needs authentication.',
    forbidden: 'The assistant is not available on this site.',
    rateLimited: (s) => (s ? `Too many requests. Try again in ${s} s.` : 'Too many requests. Try again shortly.'),
    server: (status) => `The server could not answer (${status}).`,
    badRequest: 'The question could not be sent.',
    network:
      'Could not reach the assistant. Check the network; if it keeps failing, ask an administrator whether this site is allowed (WIDGET_ORIGINS).',
    stream: 'The answer broke off.',
  },
};

export const UI_TEXT: Record<UiLang, UiText> = { ko: KO, en: EN };
