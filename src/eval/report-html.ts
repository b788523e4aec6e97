/**
 * The self-contained HTML report: one file, inline CSS and SVG, no scripts or external
 * assets. It shows the summary (with the change since an earlier run), a chart per
 * metric across categories, a latency histogram, the per-category table, and every
 * failing case with question, answer, expected facts and sources side by side.
 */
import { barChart, escapeHtml, latencyHistogram } from './charts.js';
import type { Comparison } from './compare.js';
import { formatDelta, formatMetric, METRIC_LABELS } from './format.js';
import { reportedMetrics } from './report-markdown.js';
import { LOWER_IS_BETTER, type AnyMetricKey, type CaseResult, type EvalRunResult, type Metrics } from './types.js';

const STYLE = `
body { font-family: system-ui, 'Noto Sans KR', 'NanumGothic', 'Apple SD Gothic Neo', sans-serif; margin: 24px; color: #1f2933; max-width: 1400px; }
h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid #cfd8dc; padding-bottom: 4px; }
.meta { color: #52606d; font-size: 13px; margin: 0; padding-left: 18px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #cfd8dc; padding: 4px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #eceff1; }
tr.all td { font-weight: 600; background: #f5f7f8; }
.note { color: #52606d; font-style: italic; font-size: 13px; }
.better { color: #2e7d32; font-weight: 600; } .worse { color: #c62828; font-weight: 600; } .same { color: #52606d; }
.charts { display: flex; flex-wrap: wrap; gap: 16px 28px; margin-bottom: 18px; }
.chart .chart-title { font: 600 13px system-ui, sans-serif; fill: #1f2933; }
.chart .axis { font: 11px system-ui, 'Noto Sans KR', 'NanumGothic', sans-serif; fill: #52606d; }
.chart .value { font: 11px system-ui, sans-serif; fill: #1f2933; }
.case { border: 1px solid #cfd8dc; border-radius: 6px; margin: 0 0 14px; padding: 10px 12px; }
.case h3 { font-size: 14px; margin: 0 0 4px; }
.case .problems { color: #c62828; font-size: 13px; margin: 0 0 8px; }
.columns { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; font-size: 13px; }
.columns h4 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #52606d; margin: 0 0 4px; }
.columns p, .columns ul { margin: 0 0 6px; } .columns ul { padding-left: 18px; }
.history { color: #52606d; }
.found { color: #2e7d32; } .missing { color: #c62828; font-weight: 600; }
.gold { font-weight: 600; } .answer { white-space: pre-wrap; }
code { font-size: 12px; word-break: break-all; }
`;

const e = escapeHtml;

function metricsTable(summary: EvalRunResult['summary']): string {
  const metrics = reportedMetrics(summary);
  const row = (name: string, m: Metrics, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><td>${e(name)}</td><td>${m.cases}</td>${metrics.map((k) => `<td>${formatMetric(k, m[k])}</td>`).join('')}</tr>`;
  const head = `<tr><th>category</th><th>cases</th>${metrics.map((k) => `<th title="${e(k)}">${e(METRIC_LABELS[k])}</th>`).join('')}</tr>`;
  const rows = Object.entries(summary.by_category).map(([name, m]) => row(name, m));
  return `<table id="by-category"><thead>${head}</thead><tbody>${rows.join('')}${row('all', summary, 'all')}</tbody></table>`;
}

function summaryTable(summary: EvalRunResult['summary'], comparison?: Comparison): string {
  const metrics = reportedMetrics(summary);
  const changes = new Map(comparison?.overall.map((c) => [c.metric, c]));
  const head = comparison
    ? '<tr><th>metric</th><th>value</th><th>previous</th><th>change</th><th></th></tr>'
    : '<tr><th>metric</th><th>value</th></tr>';
  const rows = metrics.map((k: AnyMetricKey) => {
    const value = `<td>${formatMetric(k, summary[k])}</td>`;
    if (!comparison) return `<tr><td>${e(k)}</td>${value}</tr>`;
    const c = changes.get(k);
    const verdict = c?.verdict ?? 'n/a';
    const mark = verdict === 'better' ? '▲ better' : verdict === 'worse' ? '▼ worse' : verdict;
    return `<tr><td>${e(k)}</td>${value}<td>${formatMetric(k, c?.previous)}</td><td>${formatDelta(k, c?.delta ?? null)}</td><td class="${verdict === 'n/a' ? 'same' : verdict}">${mark}</td></tr>`;
  });
  return `<table id="summary"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function charts(run: EvalRunResult): string {
  const shareMetrics = reportedMetrics(run.summary).filter((k) => !LOWER_IS_BETTER.has(k));
  const categories = Object.entries(run.summary.by_category);
  const panels = shareMetrics
    .filter((k) => categories.some(([, m]) => m[k] !== null && m[k] !== undefined))
    .map((k) =>
      barChart(
        k,
        categories.map(([label, m]) => ({ label, value: m[k] ?? null })),
      ),
    );
  const histogram = latencyHistogram(
    'latency per case',
    run.cases.map((c) => c.latency_ms),
  );
  return `<div class="charts" id="category-charts">${panels.join('')}</div><div class="charts" id="latency-chart">${histogram}</div>`;
}

function docList(ids: string[], gold: Set<string>): string {
  if (ids.length === 0) return '<p>(none)</p>';
  return `<ul>${ids.map((id) => `<li class="${gold.has(id) ? 'gold' : ''}"><code>${e(id)}</code>${gold.has(id) ? ' ✓' : ''}</li>`).join('')}</ul>`;
}

function failingCase(c: CaseResult): string {
  const gold = new Set(c.sources);
  const lang = ` lang="${c.lang}"`;
  const history = (c.history ?? [])
    .map((m) => `<p class="history"${lang}><em>${m.role}:</em> ${e(m.content)}</p>`)
    .join('');
  const facts = c.answerable
    ? c.facts.length
      ? `<ul>${c.facts.map((f) => (c.facts_found.includes(f) ? `<li class="found">✓ ${e(f)}</li>` : `<li class="missing">✗ ${e(f)}</li>`)).join('')}</ul>`
      : '<p>(no facts: retrieval only)</p>'
    : '<p>a refusal</p>';
  const reference = c.reference ? `<p${lang}><em>${e(c.reference)}</em></p>` : '';
  const judge = c.judge
    ? `<p>judge: ${'error' in c.judge ? `failed (${e(c.judge.error)})` : `faithfulness ${c.judge.faithfulness}, correctness ${c.judge.correctness} — ${e(c.judge.reason)}`}</p>`
    : '';
  return `<section class="case" id="case-${e(c.id)}">
<h3>${e(c.id)} · ${e(c.category)} · ${c.lang} · ${formatMetric('latency_ms_p50', c.latency_ms)}</h3>
<p class="problems">${c.problems.map(e).join('; ')}</p>
<div class="columns">
<div><h4>Question</h4>${history}<p${lang}>${e(c.question)}</p></div>
<div><h4>Answer${c.refused ? ' (refused)' : ''}</h4><p class="answer">${e(c.answer || '(no answer)')}</p>${judge}</div>
<div><h4>Expected</h4>${facts}${reference}</div>
<div><h4>Sources</h4><p>gold:</p>${docList(c.sources, new Set())}<p>retrieved:</p>${docList(c.retrieved, gold)}<p>cited:</p>${docList(c.citations, gold)}</div>
</div>
</section>`;
}

/** The whole report as one HTML document. */
export function renderHtmlReport(run: EvalRunResult, comparison?: Comparison): string {
  const { summary, cases, meta } = run;
  const failing = cases.filter((c) => !c.passed);
  const changes =
    comparison && (comparison.newlyFailing.length || comparison.newlyPassing.length)
      ? `<h2>Changes since the previous run</h2><p class="worse">Newly failing: ${e(comparison.newlyFailing.join(', ') || 'none')}</p><p class="better">Newly passing: ${e(comparison.newlyPassing.join(', ') || 'none')}</p>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation report — ${e(meta.golden)}</title><style>${STYLE}</style></head>
<body>
<h1>Evaluation report</h1>
<ul class="meta">
<li>Golden set: <code>${e(meta.golden)}</code> (${summary.cases} cases)</li>
<li>Target: ${e(meta.target)} (hit@k and mrr@10 on ${e(meta.ranking)})</li>
<li>Model: ${e(meta.model || 'unknown')}${meta.judge ? `; judge: ${e(meta.judge)}` : ''}</li>
<li>Started ${e(meta.started_at)}, took ${(meta.duration_ms / 1000).toFixed(1)} s at concurrency ${meta.concurrency}</li>
<li id="failing-count">Failing cases: ${failing.length} of ${cases.length}${summary.errors ? `; ${summary.errors} request errors` : ''}</li>
</ul>
<h2>Summary</h2>${summaryTable(summary, comparison)}${(comparison?.notes ?? []).map((note) => `<p class="note">Note: ${e(note)}.</p>`).join('')}
<h2>Metrics per category</h2>${charts(run)}
<h2>By category</h2>${metricsTable(summary)}
${changes}
<h2>Failing cases (${failing.length})</h2>
${failing.length ? failing.map(failingCase).join('\n') : '<p>None.</p>'}
</body></html>
`;
}
