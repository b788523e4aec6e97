/**
 * PDFs that make pdf.js (unpdf) do unbounded work from a small file, for ingest's resource
 * tests (issue 10). Each is a few kilobytes to a megabyte, built in memory.
 */
import { deflateSync } from 'node:zlib';
import { assemble } from './pdf-fixtures.js';

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const binary = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** A content stream compressed with FlateDecode, as a stream object's text. */
function flateStream(content: string | Uint8Array, extra = ''): string {
  const raw = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  const packed = deflateSync(raw, { level: 9 });
  return `<< /Length ${packed.length} /Filter /FlateDecode ${extra}>>\nstream\n${binary(packed)}\nendstream`;
}

/** One page whose content stream is `content`. */
function onePage(contentObject: string, extraObjects: string[] = [], resources = '/Font << /F1 3 0 R >>'): Uint8Array {
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << ${resources} >> /Contents 5 0 R >>`,
    contentObject,
    ...extraObjects,
  ]);
}

/**
 * A page tree that lists one page `pages` times: each reference is seven bytes, so a
 * 1 MB file claims 150,000 pages, each of which a reader would extract.
 */
export function manyPagesPdf(pages: number): Uint8Array {
  const content = 'BT /F1 12 Tf 72 720 Td (A page that repeats) Tj ET';
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${'4 0 R '.repeat(pages)}] /Count ${pages} >>`,
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}

/** One page whose compressed content stream shows `items` text items (about 1000:1 compressed). */
export function textFloodPdf(items: number): Uint8Array {
  const op = 'BT /F1 12 Tf 72 720 Td (AAAAAAAA) Tj ET\n';
  return onePage(flateStream(op.repeat(items)));
}

/** One page whose content stream inflates to `megabytes` MB of spaces: work without a single text item. */
export function blankFloodPdf(megabytes: number): Uint8Array {
  return onePage(flateStream(new Uint8Array(megabytes * 1024 * 1024).fill(0x20)));
}

/**
 * Forms that each draw the next one `fanOut` times, `depth` deep, the last showing text:
 * fanOut^depth text items from a file of a few hundred bytes.
 */
export function formFanOutPdf(fanOut: number, depth: number): Uint8Array {
  const forms: string[] = [];
  const first = 6;
  for (let level = 0; level < depth; level++) {
    const id = first + level;
    const content = level === depth - 1 ? 'BT /F1 12 Tf 72 720 Td (leaf) Tj ET' : `/X${id + 1} Do `.repeat(fanOut);
    const resources = level === depth - 1 ? '/Font << /F1 3 0 R >>' : `/XObject << /X${id + 1} ${id + 1} 0 R >>`;
    forms.push(
      `<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << ${resources} >> /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  const page = `/X${first} Do `.repeat(fanOut);
  return onePage(
    `<< /Length ${page.length} >>\nstream\n${page}\nendstream`,
    forms,
    `/XObject << /X${first} ${first} 0 R >>`,
  );
}
