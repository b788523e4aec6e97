/** A host site for widget tests: its own aggressive CSS, its own button, and the widget's one tag. */
import type { Page } from 'playwright-core';

/**
 * A page whose global rules would wreck any widget they could reach: every element red,
 * 40 px and important, every button lime with a thick border and padding.
 */
export function hostPage(widgetScript: string, attributes = 'data-title="펀드 도우미" data-lang="ko"'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Intranet</title>
<style>
  * { color: red !important; font-size: 40px; font-family: serif; line-height: 3; letter-spacing: 4px; text-transform: uppercase; }
  button { background: lime; border: 5px solid blue; padding: 30px; border-radius: 0; }
  div, section, header, form, p { margin: 25px; padding: 25px; border: 3px dashed orange; }
  textarea { background: black; }
</style>
</head>
<body>
<h1>Intranet</h1>
<button id="host-button">Host button</button>
<p>Host text.</p>
<script src="${widgetScript}" ${attributes} defer></script>
</body>
</html>`;
}

/** Computed styles of the host's button and the widget's parts (through its open shadow root). */
export function widgetState(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('fund-assistant-widget')!.shadowRoot!;
    const pick = (element: Element | null) => {
      const s = getComputedStyle(element!);
      return {
        color: s.color,
        background: s.backgroundColor,
        fontSize: s.fontSize,
        width: s.width,
        padding: s.padding,
      };
    };
    const hostButton = pick(document.getElementById('host-button'));
    const title = root.querySelector('h2')!;
    return {
      hostButton: { color: hostButton.color, background: hostButton.background, fontSize: hostButton.fontSize },
      launcher: pick(root.querySelector('.launcher')),
      title: { text: title.textContent, ...pick(title) },
      input: pick(root.querySelector('textarea')),
      panelWidth: root.querySelector('.panel')!.getBoundingClientRect().width,
    };
  });
}
