/**
 * `GET /admin`: the content-gap report as a page (its script: admin-script.ts). The key is
 * asked for once and kept in sessionStorage, for this tab only.
 */

const STYLE = `
  body { font-family: system-ui, "NanumGothic", "Apple SD Gothic Neo", sans-serif; margin: 0; background: #f6f7f9; color: #1b1f24; }
  main { max-width: 1040px; margin: 0 auto; padding: 24px 16px 48px; }
  h1 { font-size: 1.35rem; margin: 0 0 4px; }
  h2 { font-size: 1.05rem; margin: 28px 0 8px; }
  p.lead, .hint { color: #57606a; margin: 0 0 12px; }
  form { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 12px 0; }
  input { font: inherit; padding: 6px 10px; border: 1px solid #d0d7de; border-radius: 6px; }
  button { font: inherit; padding: 6px 14px; border: 0; border-radius: 6px; background: #1f6feb; color: #fff; cursor: pointer; }
  button.secondary { background: #eaeef2; color: #1b1f24; }
  table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #d8dee4; border-radius: 8px; font-size: 0.9rem; }
  th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
  th { background: #f6f8fa; font-weight: 600; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  td.docs, td.when { color: #57606a; font-size: 0.82rem; }
  ul.comments { margin: 4px 0 0; padding-left: 18px; color: #57606a; }
  .chart { background: #fff; border: 1px solid #d8dee4; border-radius: 8px; padding: 8px; }
  .chart svg { display: block; width: 100%; height: auto; }
  .legend { font-size: 0.82rem; color: #57606a; margin: 4px 8px; }
  .swatch { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; vertical-align: -1px; }
  .swatch.questions { background: #1f6feb; }
  .swatch.refused { background: #bc4c00; }
  #status { min-height: 1.4em; color: #57606a; }
  #status.error { color: #cf222e; }
  .empty { color: #57606a; background: #fff; border: 1px dashed #d0d7de; border-radius: 8px; padding: 12px; }
  [hidden] { display: none !important; }
`;

/** A page of the admin area: its title, the shared styles, and `body` (trusted markup only). */
function adminPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} — Fund Assistant</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export const ADMIN_PAGE_HTML = adminPage(
  'Content gaps · 콘텐츠 공백',
  `<main>
  <h1>Content gaps · 콘텐츠 공백</h1>
  <p class="lead">What staff asked that the corpus could not answer, and answers they marked wrong. 답하지 못한 질문과 "틀림" 평가를 받은 답변입니다.</p>
  <form id="key-form" hidden>
    <label for="key">Admin key · 관리자 키</label>
    <input id="key" type="password" autocomplete="off" required size="40">
    <button type="submit">Open · 열기</button>
    <span class="hint">Kept for this tab only. 이 탭에만 보관됩니다.</span>
  </form>
  <form id="filters" hidden>
    <label for="since">Since · 시작일</label>
    <input id="since" type="date">
    <button type="submit">Refresh · 새로고침</button>
    <button type="button" id="forget" class="secondary">Forget key · 키 지우기</button>
  </form>
  <p id="status" role="status" aria-live="polite"></p>
  <div id="report" hidden>
    <h2>Questions per day and refusal rate · 일별 질문 수와 거절률</h2>
    <div class="chart" id="chart"></div>
    <h2>Refused questions · 답하지 못한 질문</h2>
    <div id="refused"></div>
    <h2>Down-voted answers · "틀림" 평가를 받은 답변</h2>
    <div id="down"></div>
  </div>
</main>
<script src="/admin/admin.js" defer></script>`,
);

/** What `/admin` shows while ADMIN_API_KEY is unset. */
export const ADMIN_DISABLED_HTML = adminPage(
  'Admin is off · 관리자 페이지 꺼짐',
  `<main>
  <h1>The admin page is off · 관리자 페이지가 꺼져 있습니다</h1>
  <p>Set <code>ADMIN_API_KEY</code> (at least 16 characters, e.g. <code>openssl rand -hex 32</code>) to turn on this
  page and <code>/admin/api/questions</code>: <code>npx wrangler secret put ADMIN_API_KEY</code> when deployed,
  or a line <code>ADMIN_API_KEY=…</code> in <code>.dev.vars</code> for <code>npm start</code>. See docs/feedback.md.</p>
  <p><code>ADMIN_API_KEY</code>(16자 이상)를 설정하면 이 페이지와 <code>/admin/api/questions</code>가 켜집니다.
  배포 환경에서는 <code>npx wrangler secret put ADMIN_API_KEY</code>, 로컬에서는 <code>.dev.vars</code>에 추가하세요.</p>
</main>`,
);
