/**
 * The Markdown summary of a run: header, overall metrics (with the change since an
 * earlier run when one is given), the per-category table and every failing case.
 * The same tables are printed by the CLI.
 */
import type { Comparison, MetricChange } from './compare.js';
import { formatDelta, formatMetric, METRIC_LABELS } from './format.js';
import {
  JUDGE_METRIC_KEYS,
  METRIC_KEYS,
  type AnyMetricKey,
  type CaseResult,
  type EvalRunResult,
  type EvalSummary,
} from './types.js';

/** Keeps a cell on one table row: pipes escaped, line breaks folded. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Metric keys a summary carries: the deterministic ones, then the judge's when it ran. */
export function reportedMetrics(summary: EvalSummary): AnyMetricKey[] {
  return [...METRIC_KEYS, ...JUDGE_METRIC_KEYS.filter((k) => k in summary)];
}

const VERDICT_MARK: Record<MetricChange['verdict'], string> = {
  better: '▲ better',
  worse: '▼ worse',
  same: 'same',
  'n/a': '–',
};

/** The overall metrics, one a row; with a comparison, the previous value and the change. */
export function summaryTable(summary: EvalSummary, comparison?: Comparison): string {
  const metrics = reportedMetrics(summary);
  if (!comparison)
    return table(
      ['metric', 'value'],
      metrics.map((m) => [m, formatMetric(m, summary[m])]),
    );
  const byMetric = new Map(comparison.overall.map((c) => [c.metric, c]));
  return table(
    ['metric', 'value', 'previous', 'change', ''],
    metrics.map((m) => {
      const change = byMetric.get(m);
      return [
        m,
        formatMetric(m, summary[m]),
        formatMetric(m, change?.previous),
        formatDelta(m, change?.delta ?? null),
        VERDICT_MARK[change?.verdict ?? 'n/a'],
      ];
    }),
  );
}

/** Categories as rows, metrics as columns, plus an "all" row. */
export function categoryTable(summary: EvalSummary): string {
  const metrics = reportedMetrics(summary);
  const row = (name: string, m: EvalSummary | EvalSummary['by_category'][string]) => [
    name,
    String(m.cases),
    ...metrics.map((key) => formatMetric(key, m[key])),
  ];
  return table(
    ['category', 'cases', ...metrics.map((m) => METRIC_LABELS[m])],
    [...Object.entries(summary.by_category).map(([name, m]) => row(name, m)), row('**all**', summary)],
  );
}

/** Questions and answers are data: a `<script>` in them must show as text in any Markdown viewer. */
function literal(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function quote(text: string): string {
  return literal(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function failingCase(c: CaseResult): string {
  const facts = c.facts.map((f) => `${c.facts_found.includes(f) ? '✓' : '✗'} ${f}`).join(', ') || '(none)';
  const lines = [
    `### ${c.id} · ${c.category} · ${c.lang}`,
    '',
    ...(c.history ?? []).map((m) => `- _${m.role}:_ ${literal(cell(m.content))}`),
    `**Question:** ${literal(c.question)}`,
    '',
    `**Problems:** ${c.problems.join('; ')}`,
    '',
    '**Answer:**',
    '',
    quote(c.answer || '(no answer)'),
    '',
    `**Expected:** ${c.answerable ? literal(facts) : 'a refusal'}${c.reference ? ` — _${literal(c.reference)}_` : ''}`,
    '',
    `**Gold sources:** ${c.sources.join(', ') || '(none)'}  `,
    `**Retrieved:** ${c.retrieved.join(', ') || '(none)'}  `,
    `**Cited:** ${c.citations.join(', ') || '(none)'}`,
  ];
  if (c.judge) {
    lines.push(
      '',
      'error' in c.judge
        ? `**Judge:** failed (${c.judge.error})`
        : `**Judge:** faithfulness ${c.judge.faithfulness}, correctness ${c.judge.correctness} — ${c.judge.reason}`,
    );
  }
  return lines.join('\n');
}

/** The whole Markdown report. */
export function renderMarkdownReport(run: EvalRunResult, comparison?: Comparison): string {
  const { summary, cases, meta } = run;
  const failing = cases.filter((c) => !c.passed);
  const parts = [
    '# Evaluation report',
    '',
    `- Golden set: \`${meta.golden}\` (${summary.cases} cases)`,
    `- Target: ${meta.target} (hit@k and mrr@10 on ${meta.ranking})`,
    `- Model: ${meta.model || 'unknown'}${meta.judge ? `; judge: ${meta.judge}` : ''}`,
    `- Started ${meta.started_at}, took ${(meta.duration_ms / 1000).toFixed(1)} s at concurrency ${meta.concurrency}`,
    `- Failing cases: ${failing.length} of ${cases.length}${summary.errors ? `; ${summary.errors} request errors` : ''}`,
    '',
    '## Summary',
    '',
    summaryTable(summary, comparison),
    ...(comparison?.notes ?? []).map((note) => `\n_Note: ${note}._`),
    '',
    '## By category',
    '',
    categoryTable(summary),
  ];
  if (comparison && (comparison.newlyFailing.length || comparison.newlyPassing.length)) {
    parts.push(
      '',
      '## Changes since the previous run',
      '',
      `- Newly failing: ${comparison.newlyFailing.join(', ') || 'none'}`,
      `- Newly passing: ${comparison.newlyPassing.join(', ') || 'none'}`,
    );
  }
  parts.push('', `## Failing cases (${failing.length})`, '');
  parts.push(failing.length ? failing.map(failingCase).join('\n\n') : 'None.');
  return `${parts.join('\n')}\n`;
}
