/**
 * The chat's styles, inside its shadow root. The host page's CSS cannot reach in, and
 * `:host { all: initial !important }` stops what it could still pass down by inheritance
 * (an important declaration of the shadow tree wins over the page's, CSS Cascade 5 §6.1).
 * Sizes are in px, never rem: a host page may set `html { font-size: 40px }`.
 */
export const CHAT_STYLES = `
:host { all: initial !important; }
:host([data-mode="page"]) { display: block !important; height: 100% !important; }
.root.page { height: 100%; }
[hidden] { display: none !important; }
.root, .root * { box-sizing: border-box; }
.root {
  --accent: var(--fund-assistant-accent, #1f6feb);
  font: 15px/1.55 system-ui, -apple-system, "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", "Noto Sans KR", sans-serif;
  color: #1b1f24; text-align: left; letter-spacing: normal; word-break: keep-all; overflow-wrap: anywhere;
  -webkit-text-size-adjust: 100%;
}
button, textarea { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.launcher {
  position: fixed; bottom: 20px; right: 20px; z-index: 2147483000;
  width: 56px; height: 56px; border-radius: 50%; border: 0; padding: 0;
  display: grid; place-items: center; background: var(--accent); color: #fff;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
}
.launcher svg { width: 28px; height: 28px; }
.panel {
  position: fixed; bottom: 88px; right: 20px; z-index: 2147483001;
  width: 380px; height: min(640px, calc(100vh - 110px));
  background: #fff; border: 1px solid #d0d7de; border-radius: 14px; overflow: hidden;
  box-shadow: 0 12px 40px rgba(0, 0, 0, 0.22);
}
.left .launcher, .left .panel { right: auto; left: 20px; }
@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; border: 0; border-radius: 0; }
}

.chat { display: flex; flex-direction: column; height: 100%; background: #fff; }
.page .chat { border: 1px solid #d8dee4; border-radius: 12px; }
header {
  display: flex; align-items: center; gap: 8px; padding: 10px 12px 10px 16px;
  background: var(--accent); color: #fff;
}
.page header { border-radius: 12px 12px 0 0; }
header h2 { font-size: 16px; font-weight: 650; margin: 0; flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
header button {
  display: inline-flex; align-items: center; gap: 4px; min-height: 36px; padding: 4px 10px;
  border: 1px solid rgba(255, 255, 255, 0.55); border-radius: 8px; background: transparent; color: #fff; font-size: 14px;
}
header button.icon { width: 36px; padding: 0; justify-content: center; }
header button:hover { background: rgba(255, 255, 255, 0.16); }

.log { flex: 1; overflow-y: auto; padding: 14px 14px 6px; background: #f6f7f9; overscroll-behavior: contain; }
.intro { margin: 4px 2px 12px; color: #57606a; font-size: 14px; }
.turn { margin: 0 0 12px; padding: 10px 12px; border-radius: 12px; max-width: 100%; }
.turn.user { margin-left: 15%; background: var(--accent); color: #fff; white-space: pre-wrap; }
.turn.assistant { background: #fff; border: 1px solid #d8dee4; }
.turn.refused { border-color: #d4a72c; background: #fff8e5; }
.turn.failed { border-color: #cf222e; background: #fff5f5; }
.who { font-size: 12px; font-weight: 600; color: #57606a; margin: 0 0 2px; }
.user .who { color: rgba(255, 255, 255, 0.85); }
.badge { display: inline-block; margin: 0 0 6px; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; background: #f5e0a3; color: #5c4400; }
.answer > :first-child { margin-top: 0; }
.answer > :last-child { margin-bottom: 0; }
.answer p, .answer ul, .answer ol, .answer blockquote, .answer pre { margin: 0 0 8px; }
.answer ul, .answer ol { padding-left: 22px; }
.answer h3, .answer h4, .answer h5, .answer h6 { font-size: 15px; margin: 10px 0 4px; }
.answer blockquote { border-left: 3px solid #d0d7de; padding-left: 10px; color: #57606a; }
.answer code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; padding: 1px 4px; border-radius: 4px; }
.answer pre { overflow-x: auto; background: #eff1f3; padding: 8px; border-radius: 6px; }
.answer pre code { padding: 0; background: none; }
a { color: #0a58ca; }
.cite { font-size: 12px; vertical-align: super; line-height: 0; white-space: nowrap; color: #6e7781; }
.cite a { text-decoration: none; font-weight: 600; padding: 0 1px; }
.cite a:hover { text-decoration: underline; }
.thinking { color: #57606a; font-style: italic; }
.notice { margin: 8px 0 0; font-size: 13px; color: #57606a; }
.error { margin: 0; }
.error p { margin: 0 0 4px; }
.error .detail { font-size: 13px; color: #57606a; }
.sources { margin: 10px 0 0; padding-top: 8px; border-top: 1px solid #eaeef2; font-size: 13px; }
.sources h3 { font-size: 12px; font-weight: 600; color: #57606a; margin: 0 0 4px; text-transform: none; }
.sources ol { margin: 0; padding-left: 22px; }
.sources li { margin: 2px 0; }
.sources .meta { color: #57606a; }
.actions { display: flex; gap: 6px; margin-top: 8px; }
.actions button, .error button {
  min-height: 32px; padding: 2px 10px; border: 1px solid #d0d7de; border-radius: 8px; background: #fff; font-size: 13px;
}
.actions button:hover, .error button:hover { background: #f3f4f6; }
.actions .rate { display: inline-flex; align-items: center; justify-content: center; width: 36px; padding: 0; color: #57606a; }
.actions .rate svg { width: 16px; height: 16px; }
.actions .rate[aria-pressed="true"] { background: #ddf4ff; border-color: var(--accent); color: var(--accent); }
.actions .rate:disabled { opacity: 0.6; cursor: progress; }
.feedback-note { margin: 6px 0 0; font-size: 13px; color: #57606a; }
.feedback-note.failed { color: #cf222e; }
form.comment { flex-wrap: wrap; gap: 6px; margin: 8px 0 0; padding: 0; border: 0; background: none; }
form.comment label { flex-basis: 100%; font-size: 13px; color: #57606a; }
form.comment textarea { min-height: 56px; font-size: 14px; }
form.comment button { min-height: 32px; padding: 2px 10px; border: 1px solid #d0d7de; border-radius: 8px; background: #fff; font-size: 13px; }

form { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px 12px; border-top: 1px solid #d8dee4; background: #fff; }
textarea {
  flex: 1; min-width: 0; resize: none; max-height: 160px; min-height: 42px; padding: 9px 12px;
  border: 1px solid #d0d7de; border-radius: 10px; background: #fff; line-height: 1.45; font-size: 15px;
}
textarea:focus { border-color: var(--accent); outline: none; box-shadow: 0 0 0 3px rgba(31, 111, 235, 0.18); }
.send {
  min-height: 42px; min-width: 64px; padding: 0 14px; border: 0; border-radius: 10px;
  background: var(--accent); color: #fff; font-weight: 600;
}
.send.stop { background: #57606a; }
.hint { font-size: 12px; color: #6e7781; padding: 0 12px 8px; background: #fff; margin: -6px 0 0; }
.page .hint { border-radius: 0 0 12px 12px; }
`;
