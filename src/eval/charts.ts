/**
 * Inline SVG charts for the HTML report: no scripts and no external assets, so the
 * report opens from a mail attachment or a CI artifact exactly as it was written.
 */

/** Escapes text for HTML and SVG content and attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface Bar {
  label: string;
  /** A share in 0..1; null when the metric was not measured for this row. */
  value: number | null;
}

const LABEL_WIDTH = 104;
const BAR_WIDTH = 170;
const ROW_HEIGHT = 22;

/** Green at 1, amber in the middle, red at 0: a failing category stands out at a glance. */
function colourFor(value: number): string {
  if (value >= 0.9) return '#2e7d32';
  if (value >= 0.7) return '#f9a825';
  return '#c62828';
}

/** A horizontal bar chart of shares (one metric across categories). */
export function barChart(title: string, bars: Bar[]): string {
  const width = LABEL_WIDTH + BAR_WIDTH + 48;
  const height = 26 + bars.length * ROW_HEIGHT;
  const rows = bars.map((bar, i) => {
    const y = 24 + i * ROW_HEIGHT;
    const label = `<text x="${LABEL_WIDTH - 6}" y="${y + 14}" text-anchor="end" class="axis">${escapeHtml(bar.label)}</text>`;
    const track = `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${BAR_WIDTH}" height="14" fill="#eceff1" rx="2"/>`;
    if (bar.value === null) {
      return `${label}${track}<text x="${LABEL_WIDTH + BAR_WIDTH + 6}" y="${y + 14}" class="axis">–</text>`;
    }
    const w = Math.max(0, Math.min(1, bar.value)) * BAR_WIDTH;
    return (
      `${label}${track}<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${w.toFixed(1)}" height="14" fill="${colourFor(bar.value)}" rx="2"/>` +
      `<text x="${LABEL_WIDTH + BAR_WIDTH + 6}" y="${y + 14}" class="value">${bar.value.toFixed(2)}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">` +
    `<title>${escapeHtml(title)}</title><text x="0" y="14" class="chart-title">${escapeHtml(title)}</text>${rows.join('')}</svg>`
  );
}

/** Bin edges at a round step (1, 2 or 5 times a power of ten) covering 0..max. */
export function histogramBins(values: number[], targetBins = 12): { step: number; counts: number[] } {
  const max = Math.max(0, ...values);
  const rough = Math.max(max, 1e-9) / targetBins;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const counts = new Array<number>(Math.max(1, Math.floor(max / step) + 1)).fill(0);
  for (const v of values) counts[Math.min(counts.length - 1, Math.floor(v / step))]! += 1;
  return { step, counts };
}

const trim = (n: number) => String(Number(n.toPrecision(3)));

/** A histogram of latencies in milliseconds. */
export function latencyHistogram(title: string, latenciesMs: number[]): string {
  const { step, counts } = histogramBins(latenciesMs);
  const plotWidth = 520;
  const plotHeight = 140;
  const left = 36;
  const top = 24;
  const width = left + plotWidth + 10;
  const height = top + plotHeight + 34;
  const most = Math.max(1, ...counts);
  const barWidth = plotWidth / counts.length;
  const bars = counts.map((count, i) => {
    const h = (count / most) * plotHeight;
    const x = left + i * barWidth;
    const label =
      i % Math.ceil(counts.length / 8) === 0
        ? `<text x="${x.toFixed(1)}" y="${top + plotHeight + 14}" class="axis">${trim(i * step)}</text>`
        : '';
    const bar = `<rect x="${(x + 1).toFixed(1)}" y="${(top + plotHeight - h).toFixed(1)}" width="${Math.max(1, barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="#1565c0"><title>${trim(i * step)}–${trim((i + 1) * step)} ms: ${count}</title></rect>`;
    return bar + label;
  });
  const axis =
    `<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#90a4ae"/>` +
    `<text x="${left - 6}" y="${top + 10}" text-anchor="end" class="axis">${most}</text>` +
    `<text x="${left - 6}" y="${top + plotHeight}" text-anchor="end" class="axis">0</text>` +
    `<text x="${left + plotWidth}" y="${top + plotHeight + 30}" text-anchor="end" class="axis">latency (ms), ${latenciesMs.length} cases</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">` +
    `<title>${escapeHtml(title)}</title><text x="0" y="14" class="chart-title">${escapeHtml(title)}</text>${axis}${bars.join('')}</svg>`
  );
}
