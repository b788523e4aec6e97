/**
 * The chat UI (`src/channels/web/ui/`) bundled into one script, as `ui-bundle.js` beside
 * this file holds it. `npm run build:web` writes that file; wrangler runs it before
 * `wrangler dev` and `wrangler deploy` (wrangler.toml `[build]`), and so does the test config.
 */

/** `widget.js`: minified, for browsers since 2022. */
export declare const WIDGET_SCRIPT: string;
