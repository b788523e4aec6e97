/**
 * `GET /`: a minimal chat page over `/api/chat` with streaming. The web-widget issue
 * replaces it with the polished widget; this one only has to be honest and usable.
 */
export const CHAT_PAGE_HTML = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fund Assistant · 펀드 공고 도우미</title>
<style>
  body { font-family: system-ui, "NanumGothic", "Apple SD Gothic Neo", sans-serif; margin: 0; background: #f6f7f9; color: #1b1f24; }
  main { max-width: 760px; margin: 0 auto; padding: 24px 16px 120px; }
  h1 { font-size: 1.3rem; margin: 0 0 4px; }
  p.lead { margin: 0 0 16px; color: #57606a; }
  .msg { background: #fff; border: 1px solid #d8dee4; border-radius: 10px; padding: 12px 14px; margin: 10px 0; white-space: pre-wrap; line-height: 1.55; }
  .msg.user { background: #e8f0fe; border-color: #c6d7f9; }
  .msg.refused { border-color: #e3b341; }
  .sources { margin-top: 8px; font-size: 0.85rem; color: #57606a; }
  .sources li { margin: 2px 0; }
  form { position: fixed; bottom: 0; left: 0; right: 0; background: #fff; border-top: 1px solid #d8dee4; padding: 12px; }
  form div { max-width: 760px; margin: 0 auto; display: flex; gap: 8px; }
  input { flex: 1; font: inherit; padding: 10px 12px; border: 1px solid #d0d7de; border-radius: 8px; }
  button { font: inherit; padding: 10px 18px; border: 0; border-radius: 8px; background: #1f6feb; color: #fff; cursor: pointer; }
  button:disabled { background: #8c959f; }
</style>
</head>
<body>
<main>
  <h1>Fund Assistant · 펀드 공고 도우미</h1>
  <p class="lead">정책펀드 공고에 대해 한국어나 영어로 물어보세요. Ask about fund announcements in Korean or English.</p>
  <div id="log" aria-live="polite"></div>
</main>
<form id="ask">
  <div>
    <input id="q" name="q" autocomplete="off" placeholder="예: 국민성장펀드가 업스테이지에 투자하는 금액은?" aria-label="Question" required>
    <button id="send" type="submit">Send</button>
  </div>
</form>
<script src="/chat.js" defer></script>
</body>
</html>
`;

/** The page's script, served as `/chat.js`: the page's CSP allows no inline script. */
export const CHAT_PAGE_SCRIPT = `const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('q');
const send = document.getElementById('send');
const history = [];

function bubble(role, text) {
  const el = document.createElement('div');
  el.className = 'msg ' + role;
  el.textContent = text;
  log.appendChild(el);
  el.scrollIntoView({ block: 'end' });
  return el;
}

function showSources(el, citations) {
  if (!citations.length) return;
  const list = document.createElement('ol');
  list.className = 'sources';
  for (const c of citations) {
    const li = document.createElement('li');
    li.value = c.n;
    const label = c.title + (c.date ? ' (' + c.date + ')' : '') + (c.page ? ', p. ' + c.page : '');
    if (c.url) { const a = document.createElement('a'); a.href = c.url; a.textContent = label; a.target = '_blank'; a.rel = 'noopener'; li.appendChild(a); }
    else li.textContent = label;
    list.appendChild(li);
  }
  el.appendChild(list);
}

async function ask(question) {
  history.push({ role: 'user', content: question });
  bubble('user', question);
  const el = bubble('assistant', '');
  const text = document.createTextNode('');
  el.appendChild(text);
  const res = await fetch('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ messages: history, stream: true }),
  });
  if (!res.ok || !res.body) {
    const body = await res.json().catch(() => ({}));
    text.data = (body.error && body.error.message) || ('Error ' + res.status);
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\\n\\n')) >= 0) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = (raw.match(/^event: (.*)$/m) || [])[1];
      const data = JSON.parse((raw.match(/^data: (.*)$/m) || [, 'null'])[1]);
      if (event === 'token') text.data += data.text;
      else if (event === 'done') {
        text.data = data.answer;
        if (data.refused) el.classList.add('refused');
        showSources(el, data.citations);
        history.push({ role: 'assistant', content: data.answer });
      } else if (event === 'error') text.data = data.error.message;
    }
  }
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const question = input.value.trim();
  if (!question) return;
  input.value = '';
  send.disabled = true;
  try { await ask(question); } catch (err) { bubble('assistant', String(err)); }
  finally { send.disabled = false; input.focus(); }
});
`;
