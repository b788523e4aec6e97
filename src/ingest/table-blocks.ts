import type { Block } from './structure.js';

/**
 * A laid-out table (HWPX, HWP) as blocks: a one-column table is a box around paragraphs
 * and reads as them; a wider one becomes one block of rows, `cell | cell`, which the
 * chunker keeps whole or splits between rows. `rows` holds each row's cells, each cell
 * the blocks it holds.
 */
export function tableBlocks(columns: number, rows: Block[][][]): Block[] {
  if (columns <= 1) return rows.flat(2);
  const lines = rows
    .map((cells) =>
      cells
        .map((blocks) =>
          blocks
            .map((b) => b.text.replace(/\n+/g, ' '))
            .join(' ')
            .trim(),
        )
        .filter(Boolean),
    )
    .filter((cells) => cells.length)
    .map((cells) => cells.join(' | '));
  return lines.length ? [{ text: lines.join('\n') }] : [];
}
