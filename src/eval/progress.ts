/** A one-line progress bar for long runs: `[########------------]  32/81  40%  12 failing  6.1 s`. */

export const PROGRESS_WIDTH = 24;

export interface ProgressState {
  done: number;
  total: number;
  failing: number;
  elapsedMs: number;
}

/** Renders the bar as text (no terminal codes; the caller decides how to redraw it). */
export function renderProgress({ done, total, failing, elapsedMs }: ProgressState, width = PROGRESS_WIDTH): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  const percent = `${Math.round(ratio * 100)}%`.padStart(4);
  return `[${bar}] ${count} ${percent}  ${failing} failing  ${(elapsedMs / 1000).toFixed(1)} s`;
}
