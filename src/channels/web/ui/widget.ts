/**
 * `widget.js`, the bundle's entry: one tag puts the chat on a page (issue 11).
 *
 *   <script src="https://…/widget.js" data-title="펀드 도우미" data-lang="ko" defer></script>
 *
 * `data-accent` (a CSS colour), `data-position` (`bottom-right`, `bottom-left`) and
 * `data-lang` (`ko`, `en`; else the browser's) shape the bubble; `data-mode="page"` with
 * `data-mount="<element id>"` fills an element instead (the worker's own `/`).
 */
import { mountBubble, mountPage } from './mount.js';
import { readSettings } from './settings.js';

// Only while the script first runs does the document know which tag it came from.
const script = document.currentScript as HTMLScriptElement | null;

function start(): void {
  if (!script?.src) {
    console.error(
      'fund-assistant: load widget.js with <script src="…/widget.js">; it finds its API from its own address',
    );
    return;
  }
  const settings = readSettings({
    data: { ...script.dataset },
    src: script.src,
    browserLanguages: navigator.languages ?? [navigator.language],
    isColor: (value) => CSS.supports('color', value),
  });
  if (settings.mode === 'page') mountPage(settings);
  else mountBubble(settings);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
