/**
 * Puts the chat on a page, inside an open shadow root so no CSS leaks in or out: as a
 * bubble in a corner of any site, or filling an element (the worker's own `/`).
 */
import { createChatView, type ChatView } from './chat-view.js';
import { ConversationStore } from './conversation.js';
import { append, h, icon } from './dom.js';
import { UI_TEXT } from './i18n.js';
import type { WidgetSettings } from './settings.js';
import { CHAT_STYLES } from './styles.js';

/** The host element's name: a custom element, so a host page's `div { … }` rules never match it. */
export const HOST_TAG = 'fund-assistant-widget';
const CHAT_ICON =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8.8L4 21.6V18a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';

/**
 * Styles the shadow root. A constructed stylesheet is not subject to the host page's CSP
 * `style-src` (a `<style>` element would be): the widget keeps its looks on strict sites.
 */
function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CHAT_STYLES);
    root.adoptedStyleSheets = [sheet];
  } else root.appendChild(h('style', {}, CHAT_STYLES));
}

function shadowHost(
  settings: WidgetSettings,
  onClose?: () => void,
): { host: HTMLElement; view: ChatView; frame: HTMLElement } {
  const host = document.createElement(HOST_TAG);
  host.dataset.mode = settings.mode;
  // Through the CSSOM, which a page's CSP allows, unlike a `style` attribute.
  host.style.setProperty('--fund-assistant-accent', settings.accent);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  const text = UI_TEXT[settings.lang];
  const store = new ConversationStore(sessionStorageOrUndefined(), `fund-assistant:${settings.apiBase}`);
  const frame = h('div', { class: `root ${settings.mode}${settings.position === 'bottom-left' ? ' left' : ''}` });
  root.appendChild(frame);
  const view = createChatView({
    text,
    title: settings.title ?? text.defaultTitle,
    apiBase: settings.apiBase,
    store,
    ...(onClose ? { onClose } : {}),
  });
  return { host, view, frame };
}

/** sessionStorage, unless the page forbids it (sandboxed frames throw on access). */
function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The chat filling the element `settings.mount` (created at the end of the body when missing). */
export function mountPage(settings: WidgetSettings): void {
  const { host, view, frame } = shadowHost(settings);
  frame.appendChild(view.element);
  const target = (settings.mount && document.getElementById(settings.mount)) || document.body;
  target.appendChild(host);
}

/**
 * A launcher button in a corner that opens the chat in a panel; Escape or the close
 * button closes it and gives focus back to the launcher.
 */
export function mountBubble(settings: WidgetSettings): void {
  if (document.querySelector(HOST_TAG)) return; // the tag included twice: one bubble
  const { host, view, frame } = shadowHost(settings, () => setOpen(false));
  const text = UI_TEXT[settings.lang];
  const panel = h(
    'div',
    { class: 'panel', id: 'fa-panel', role: 'dialog', 'aria-labelledby': 'fa-title', hidden: true },
    view.element,
  );
  const launcher = h(
    'button',
    {
      type: 'button',
      class: 'launcher',
      'aria-label': text.openChat,
      'aria-expanded': 'false',
      'aria-controls': panel.id,
    },
    icon(CHAT_ICON),
  );
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) view.focusInput();
    else launcher.focus();
  };
  launcher.addEventListener('click', () => setOpen(panel.hidden));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.isComposing) {
      event.stopPropagation();
      setOpen(false);
    }
  });
  append(frame, [launcher, panel]);
  document.body.appendChild(host);
}
