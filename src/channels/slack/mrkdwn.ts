/**
 * Text between Slack and the pipeline, both ways.
 *
 * Out: Markdown becomes Slack mrkdwn (https://api.slack.com/reference/surfaces/formatting).
 * Slack reads `<…>` as control sequences (`<!channel>`, `<@U123>`, `<url|label>`), so every
 * `&`, `<` and `>` of a question, an answer or a document is escaped first; the only
 * sequences left are the links this module writes itself, from http(s) URLs it checked.
 *
 * In: a message's text as Slack sends it (mentions, links, escaped entities) becomes plain
 * text for the pipeline.
 */

/** Slack's three escapes (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link target Slack can show: http(s) only, with nothing that would end `<url|…>` early. */
export function safeLinkUrl(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  // `href` percent-encodes spaces, `<` and `>`; `|` would split the label off, so encode it too.
  return escapeMrkdwn(parsed.href.replace(/\|/g, '%7C'));
}

/** `<url|label>`, or the escaped label alone when the URL is not one Slack should link. */
export function mrkdwnLink(url: string, label: string): string {
  const target = safeLinkUrl(url);
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  return target ? `<${target}|${text}>` : text;
}

const MARKDOWN_LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/** Inline Markdown emphasis to mrkdwn, on text already escaped. */
function convertInline(text: string): string {
  const BOLD = '\u0000';
  return (
    text
      // **bold** and __bold__ -> *bold*, held aside so the italic rule below leaves them alone.
      .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, `${BOLD}$1${BOLD}`)
      .replace(/__(?=\S)([^_\n]+?)__/g, `${BOLD}$1${BOLD}`)
      // *italic* -> _italic_ (mrkdwn's `*` is bold).
      .replace(/(^|[^*\w])\*(?=\S)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
      .replace(/~~(?=\S)([^~\n]+?)~~/g, '~$1~')
      .replaceAll(BOLD, '*')
  );
}

/** One line of Markdown: headings become bold lines, list bullets `•`; links and emphasis convert. */
function convertLine(line: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
  if (heading) return `*${convertSpans(heading[1]!.replace(/\*\*/g, ''))}*`;
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (bullet) return `${bullet[1]}• ${convertSpans(bullet[2]!)}`;
  return convertSpans(line);
}

/** Links and emphasis of one line, outside code spans (which Slack shows as typed). */
function convertSpans(line: string): string {
  return line
    .split(/(`[^`\n]+`)/)
    .map((part, i) => {
      if (i % 2 === 1) return escapeMrkdwn(part);
      let out = '';
      let last = 0;
      for (const match of part.matchAll(MARKDOWN_LINK)) {
        out += convertInline(escapeMrkdwn(part.slice(last, match.index)));
        out += mrkdwnLink(match[2]!, match[1]!);
        last = match.index + match[0].length;
      }
      return out + convertInline(escapeMrkdwn(part.slice(last)));
    })
    .join('');
}

/**
 * Markdown (what models write) to Slack mrkdwn, safe to post.
 *
 * @example markdownToMrkdwn('**5조6천억 원** [1] <!channel>') // '*5조6천억 원* [1] &lt;!channel&gt;'
 */
export function markdownToMrkdwn(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        inFence = !inFence;
        return '```';
      }
      return inFence ? escapeMrkdwn(line) : convertLine(line);
    })
    .join('\n');
}

/**
 * A message's text as Slack sends it, as plain text: user mentions removed (in a mention the
 * bot's own name is no part of the question), channel and link markup reduced to their
 * labels, entities unescaped. Other `<!…>` sequences stay as text, so any echo of them is
 * escaped again on the way out.
 *
 * @example slackTextToPlain('<@U0BOT> 업스테이지 &amp; <https://a.example|기사>') // '업스테이지 & 기사'
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, '')
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^|>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
