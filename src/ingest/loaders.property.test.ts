/**
 * Property tests over the loaders (issue 10): whatever bytes a file holds, loading it ends
 * in a document or a SkipFileError (which ingest turns into a one-line warning), never in
 * another exception, and within bounded time. Inputs are random and mutated real-looking
 * files. Seeds and run counts as in test/helpers/fuzz.ts (printed; FUZZ_SEED replays).
 */
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './loaders.js';
import { SkipFileError, type SourceFile } from './types.js';
import { encodeRecords, hwpFile, paragraph, tableParagraph } from '../../test/helpers/hwp-fixtures.js';
import { fuzzParameters } from '../../test/helpers/fuzz.js';

const SEED = Number(process.env.FAST_CHECK_SEED ?? Date.now() ^ (Math.random() * 0x7fffffff));
/** Each property's runs together stay under about two seconds on this 2-core machine. */
const RUNS = 150;
const MAX_MS_PER_PROPERTY = 2000 * 4; // headroom for a busy machine; a hang would be far over

/** Loads a file; true when it became a document or a SkipFileError, rethrows anything else. */
async function endsWell(file: SourceFile): Promise<boolean> {
  try {
    await loadDocument(file);
    return true;
  } catch (error) {
    if (error instanceof SkipFileError) return true;
    throw new Error(`${file.path}: ${(error as Error)?.stack ?? error}`);
  }
}

async function check(name: string, arbitrary: fc.Arbitrary<SourceFile>): Promise<void> {
  const parameters = fuzzParameters(`ingest ${name}`, RUNS);
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, (file) => endsWell(file)),
    { ...parameters, verbose: 1 },
  );
  expect(performance.now() - started).toBeLessThan(MAX_MS_PER_PROPERTY * ((parameters.numRuns ?? RUNS) / RUNS));
}

/** Flips, overwrites, inserts and truncates bytes of a base file. */
function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => {
    let bytes = base.slice();
    for (const e of edits) {
      const at = bytes.length ? e.at % bytes.length : 0;
      if (e.kind === 'set') bytes[at] = e.value;
      else if (e.kind === 'cut') bytes = bytes.slice(0, at);
      else bytes = new Uint8Array([...bytes.subarray(0, at), ...e.bytes, ...bytes.subarray(at)]);
    }
    return bytes;
  });
}

const file = (path: string) => (bytes: Uint8Array) => ({ path, bytes });
const text = (path: string) => (s: string) => ({ path, bytes: new TextEncoder().encode(s) });

const frontMatterLine = fc.oneof(
  fc.constantFrom('title: 공고', 'date: 2026-02-31', 'date: 2024-02-29', 'lang: xx', 'tags: [a, b', 'source: ', '---'),
  fc.string({ maxLength: 30 }),
);
const markdown = fc
  .tuple(
    fc.boolean(),
    fc.array(frontMatterLine, { maxLength: 5 }),
    fc.boolean(),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
  )
  .map(([open, lines, close, body]) => `${open ? '---\n' : ''}${lines.join('\n')}${close ? '\n---\n' : '\n'}${body}`);

const markupToken = fc.oneof(
  fc.constantFrom(
    '<p>',
    '</p>',
    '<title>',
    '</title>',
    '<script>',
    '</script>',
    '<table><tr><td>',
    '<!--',
    '-->',
    '<![CDATA[',
    '&amp;',
    '&#xD7A3;',
    '<h1>',
    '<meta charset="euc-kr">',
    '<',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const html = fc.array(markupToken, { maxLength: 60 }).map((tokens) => tokens.join(''));

const HWPX_SECTION =
  '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="s" xmlns:hp="p"><hp:p pageBreak="0"><hp:run charPrIDRef="0"><hp:t>교육부는 2024년 1월 24일</hp:t></hp:run>' +
  '<hp:linesegarray><hp:lineseg vertpos="0"/></hp:linesegarray></hp:p><hp:p><hp:run><hp:tbl colCnt="2"><hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>가</hp:t></hp:run></hp:p></hp:subList></hp:tc>' +
  '<hp:tc><hp:subList><hp:p><hp:run><hp:t>나</hp:t></hp:run></hp:p></hp:subList></hp:tc></hp:tr></hp:tbl></hp:run></hp:p></hs:sec>';
const hwpxBase = zipSync({
  mimetype: strToU8('application/hwp+zip'),
  'Contents/header.xml': strToU8('<hh:head><hh:charPr id="0" height="1000"/></hh:head>'),
  'Contents/section0.xml': strToU8(HWPX_SECTION),
});
const hwpxSections = fc.array(
  fc.oneof(
    fc.constantFrom(
      '<hp:p>',
      '</hp:p>',
      '<hp:tbl colCnt="3">',
      '</hp:tbl>',
      '<hp:tr>',
      '<hp:tc>',
      '</hp:tc>',
      '<hp:t>',
      '</hp:t>',
      '<hp:lineseg vertpos="-5"/>',
    ),
    fc.string({ maxLength: 10 }),
  ),
  { maxLength: 80 },
);

const hwpRecords = [
  ...paragraph('보도자료 제목', { charShape: 1 }),
  ...tableParagraph([
    ['보도시점', '2024. 4. 9.'],
    ['담당', '금융위'],
  ]),
  ...paragraph('□ 본문 문단입니다.', { tops: [1000, 500] }),
];
const hwpBase = hwpFile([hwpRecords], { charSizes: [10, 18] });
const hwpSectionBase = encodeRecords(hwpRecords);

describe('loaders never throw on bad input and finish in bounded time (fast-check)', () => {
  it('markdown with front matter', () => check('markdown', markdown.map(text('a.md'))));
  it('html', () => check('html', html.map(text('a.html'))));
  it('text in any bytes (decoding)', () => check('txt', fc.uint8Array({ maxLength: 2000 }).map(file('a.txt'))));
  it('hwpx: mutated packages', () => check('hwpx bytes', mutated(hwpxBase).map(file('a.hwpx'))));
  it('hwpx: random section markup', () =>
    check(
      'hwpx markup',
      hwpxSections.map((parts) => ({
        path: 'a.hwpx',
        bytes: zipSync({ 'Contents/section0.xml': strToU8(parts.join('')) }),
      })),
    ));
  it('hwp: mutated compound files', () => check('hwp bytes', mutated(hwpBase).map(file('a.hwp'))));
  it('hwp: mutated record streams', () =>
    check(
      'hwp records',
      mutated(hwpSectionBase).map((section) => ({
        path: 'a.hwp',
        bytes: hwpFile([], { flags: 0, rawSections: [section] }),
      })),
    ));
  it('any bytes under any supported name', () =>
    check(
      'random',
      fc
        .tuple(fc.constantFrom('a.md', 'a.txt', 'a.html', 'a.hwpx', 'a.hwp'), fc.uint8Array({ maxLength: 4000 }))
        .map(([path, bytes]) => ({ path, bytes })),
    ));
});
