/**
 * `GET /`: the chat as a full page. The chat itself is the widget's (`/widget.js` with
 * `data-mode="page"`), so the page and the bubble cannot drift apart; the page's CSP
 * allows no inline script, and this page has none.
 */
export const CHAT_PAGE_HTML = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>펀드 도우미 · Fund Assistant</title>
<style>
  html, body { height: 100%; }
  body { margin: 0; display: flex; flex-direction: column; background: #f6f7f9; color: #1b1f24;
    font: 15px/1.55 system-ui, -apple-system, "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", sans-serif; }
  .intro { width: 100%; max-width: 800px; margin: 0 auto; padding: 18px 16px 10px; box-sizing: border-box; }
  h1 { font-size: 20px; margin: 0 0 2px; }
  .intro p { margin: 0; color: #57606a; font-size: 14px; }
  main { flex: 1; min-height: 0; width: 100%; max-width: 800px; margin: 0 auto; padding: 0 16px 16px; box-sizing: border-box; }
  #chat { height: 100%; min-height: 420px; }
  noscript p { background: #fff8e5; border: 1px solid #d4a72c; border-radius: 8px; padding: 10px 14px; }
  @media (max-width: 480px) { main { padding: 0 0 0; } .intro { padding: 12px 12px 8px; } }
</style>
</head>
<body>
<div class="intro">
  <h1>펀드 도우미 <span lang="en">· Fund Assistant</span></h1>
  <p>정책펀드 보도자료에 대해 묻고, 답변의 출처를 바로 확인하세요. <span lang="en">Ask about policy-fund press releases and check every answer against its source.</span></p>
</div>
<main>
  <div id="chat"></div>
  <noscript><p>이 페이지는 자바스크립트가 필요합니다. <span lang="en">This page needs JavaScript.</span></p></noscript>
</main>
<script src="/widget.js" data-mode="page" data-mount="chat" defer></script>
</body>
</html>
`;
