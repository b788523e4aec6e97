/**
 * The question box: a textarea that grows with its text, where Enter sends and Shift+Enter
 * starts a new line, and a button that sends or, while an answer streams, stops it.
 */
import { MAX_MESSAGE_CHARS } from '../chat-limits.js';
import { h } from './dom.js';
import type { UiText } from './i18n.js';

/** Past this the textarea scrolls instead of growing (px; about six lines). */
const MAX_INPUT_HEIGHT = 160;

export interface Composer {
  form: HTMLFormElement;
  hint: HTMLElement;
  input: HTMLTextAreaElement;
  /** Shows Stop instead of Send while an answer streams. */
  setStreaming(streaming: boolean): void;
  clear(): void;
}

export interface ComposerOptions {
  text: UiText;
  /** Prefix for element ids, unique within the shadow root. */
  idPrefix: string;
  onSend: (question: string) => void;
  onStop: () => void;
}

/**
 * An Enter that only ends a Hangul (or any IME) composition must not send: the keydown
 * then has `isComposing`, or, in Safari, only `keyCode` 229 (issue 11).
 */
export function isSendKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'isComposing' | 'keyCode'>): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229;
}

export function createComposer(options: ComposerOptions): Composer {
  const { text, idPrefix } = options;
  let streaming = false;
  const input = h('textarea', {
    id: `${idPrefix}question`,
    rows: 1,
    placeholder: text.placeholder,
    'aria-describedby': `${idPrefix}hint`,
    enterkeyhint: 'send',
    maxlength: MAX_MESSAGE_CHARS,
  });
  const button = h('button', { type: 'submit', class: 'send' }, text.send);
  const form = h(
    'form',
    { 'aria-label': text.questionLabel },
    h('label', { for: input.id, class: 'sr-only' }, text.questionLabel),
    input,
    button,
  );
  const hint = h('p', { class: 'hint', id: `${idPrefix}hint` }, text.inputHint);

  const grow = () => {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, MAX_INPUT_HEIGHT)}px`;
  };
  const send = () => {
    if (streaming) return;
    const question = input.value.trim();
    if (question) options.onSend(question);
  };

  input.addEventListener('input', grow);
  input.addEventListener('keydown', (event) => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    send();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (streaming) options.onStop();
    else send();
  });

  return {
    form,
    hint,
    input,
    setStreaming(value) {
      streaming = value;
      button.textContent = value ? text.stop : text.send;
      button.classList.toggle('stop', value);
    },
    clear() {
      input.value = '';
      grow();
    },
  };
}
