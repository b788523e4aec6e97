import { mkdtemp, mkdir, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildIndexFromCorpus,
  ensureIndex,
  readIndexData,
  readIndexFiles,
  staleReason,
  statePaths,
  writeIndex,
  writeIndexFiles,
} from './index-store.js';
import { encryptedPdf, imageOnlyPdf, textPdf } from '../../test/helpers/pdf-fixtures.js';
import { hwpFile, paragraph } from '../../test/helpers/hwp-fixtures.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A corpus folder with the given files (relative path -> contents). */
async function corpusOf(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fund-ingest-'));
  folders.push(dir);
  const corpus = join(dir, 'corpus');
  await mkdir(corpus);
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(join(corpus, path, '..'), { recursive: true });
    await writeFile(join(corpus, path), contents);
  }
  return corpus;
}

const GOOD =
  '---\ntitle: 좋은 공고\ndate: 2026-04-30\n---\n# 좋은 공고\n\n국민성장펀드는 5조6천억 원 투자를 승인하였다.\n';

/** A minimal HWPX package: one section, one paragraph. */
function hwpx(text: string): Uint8Array {
  const section =
    '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="s" xmlns:hp="p">' +
    `<hp:p><hp:run charPrIDRef="0"><hp:t>${text}</hp:t></hp:run></hp:p></hs:sec>`;
  return zipSync({ mimetype: strToU8('application/hwp+zip'), 'Contents/section0.xml': strToU8(section) });
}

describe('bad input: each is skipped with a one-line warning naming the file and the reason; good files still index', () => {
  const garbage = new Uint8Array(3000).map((_, i) => (i * 7919 + 13) % 256);
  const cases: [string, string, string | Uint8Array, RegExp][] = [
    ['a corrupt PDF', 'broken.pdf', '%PDF-1.4\n1 0 obj << /Type /Catalog', /corrupt PDF/],
    ['a truncated PDF', 'cut.pdf', textPdf([['Quarterly fund report']]).slice(0, 200), /corrupt PDF/],
    ['an encrypted PDF', 'locked.pdf', encryptedPdf(), /encrypted PDF \(password protected\)/],
    ['an image-only PDF', 'scan.pdf', imageOnlyPdf(), /no text layer .*OCR/],
    ['an empty file', 'empty.md', '', /empty file/],
    ['an unknown extension', 'table.xyz', 'a,b,c', /unsupported format "\.xyz"/],
    ['binary garbage named .txt', 'noise.txt', garbage, /binary data/],
    ['binary garbage named .hwp', 'old.hwp', garbage, /not an HWP document \(no OLE compound file header\)/],
    ['a corrupt HWPX', 'broken.hwpx', 'PK not really a zip', /corrupt HWPX/],
    ['an HTML page without text', 'blank.html', '<html><script>var a = 1;</script></html>', /no text/],
  ];

  it.each(cases)('%s', async (_label, name, contents, reason) => {
    const corpus = await corpusOf({ 'good.md': GOOD, [name]: contents });
    const seen: string[] = [];
    const result = await buildIndexFromCorpus(corpus, { onWarning: (w) => seen.push(`${w.file}: ${w.reason}`) });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.file).toBe(name);
    expect(result.warnings[0]!.reason).toMatch(reason);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toContain('\n');
    expect(result.data.documents.map((d) => d.id)).toEqual(['good']);
    expect(result.data.chunks.some((c) => c.text.includes('5조6천억 원'))).toBe(true);
    expect(result.summary.skipped).toHaveLength(1);
  });
});

describe('large files', () => {
  it('skips a file over the size limit unread, with its size in the warning', async () => {
    const corpus = await corpusOf({ 'good.md': GOOD, 'huge.txt': '가'.repeat(400_000) });
    const { data, warnings } = await buildIndexFromCorpus(corpus, { maxFileBytes: 1024 * 1024 });
    expect(warnings).toEqual([{ file: 'huge.txt', reason: 'file too large (1.1 MB; the limit is 1.0 MB)' }]);
    expect(data.documents.map((d) => d.id)).toEqual(['good']);
  });

  it('indexes a large text file in full', async () => {
    const paragraph = '금융위원회는 국민성장펀드 투자를 승인하였다. 업스테이지에 5조6천억 원을 투자한다.\n\n';
    const corpus = await corpusOf({ 'big.txt': `대용량 공고\n${paragraph.repeat(20_000)}끝 문장입니다.` });
    const { data, warnings } = await buildIndexFromCorpus(corpus);
    expect(warnings).toEqual([]);
    const indexed = data.chunks.reduce((sum, c) => sum + c.text.replace(/\s+/g, '').length, 0);
    expect(indexed).toBe((paragraph.repeat(20_000) + '끝 문장입니다.').replace(/\s+/g, '').length);
    expect(data.chunks.at(-1)!.text).toContain('끝 문장입니다.');
  });
});

describe('every supported format in one run', () => {
  it('indexes Markdown, text (EUC-KR), HTML, PDF, HWPX and HWP with their metadata', async () => {
    const eucKr = new Uint8Array([
      // "공고\n2024. 4. 9. 발표" in EUC-KR
      0xb0, 0xf8, 0xb0, 0xed, 0x0a, 0x32, 0x30, 0x32, 0x34, 0x2e, 0x20, 0x34, 0x2e, 0x20, 0x39, 0x2e, 0x20, 0xb9, 0xdf,
      0xc7, 0xa5,
    ]);
    const corpus = await corpusOf({
      'notes.md': GOOD,
      'legacy.txt': eucKr,
      'page.html':
        '<html lang="en"><head><title>Fund news</title></head><body><nav>Home</nav><p>The fund invested.</p></body></html>',
      'report.pdf': textPdf([['Annual fund report', 'The fund invested 5.6 trillion won.'], ['Second page.']]),
      'plan.hwpx': hwpx('교육부는 2024년 1월 24일 추진계획을 발표한다.'),
      'release.hwp': hwpFile([paragraph('과기정통부는 2018년 9월 3일 발사체 이름을 발표했다.')]),
    });
    const { data, warnings, summary } = await buildIndexFromCorpus(corpus);
    expect(warnings).toEqual([]);
    const byId = Object.fromEntries(data.documents.map((d) => [d.id, d]));
    expect(byId.legacy).toMatchObject({ title: '공고', date: '2024-04-09', lang: 'ko' });
    expect(byId.page).toMatchObject({ title: 'Fund news', lang: 'en' });
    expect(byId.report).toMatchObject({ title: 'Annual fund report', pages: 2, lang: 'en' });
    expect(byId.plan).toMatchObject({ date: '2024-01-24', lang: 'ko', pages: 1 });
    expect(byId.release).toMatchObject({ date: '2018-09-03', lang: 'ko', pages: 1 });
    expect(data.chunks.find((c) => c.docId === 'report' && c.text.includes('Second page'))?.page).toBe(2);
    expect(data.chunks.some((c) => c.text.includes('Home'))).toBe(false);
    expect(summary).toMatchObject({ files: 6, documents: 6, pages: 7 });
  });
});

describe('file names', () => {
  it('keeps spaces, brackets and + in ids, and takes NFC and NFD spellings of a name as one document', async () => {
    const nfc = '보도자료 공고.md'.normalize('NFC');
    const nfd = '보도자료 공고.md'.normalize('NFD');
    const corpus = await corpusOf({
      [nfc]: GOOD,
      '(보도자료) 2024년+교육부 [최종].md': GOOD,
      'sub dir/a+b (1).txt': '제목\n본문입니다.',
    });
    // Linux keeps both spellings as two files; macOS would store only one.
    await writeFile(join(corpus, nfd), GOOD);
    const { data, warnings } = await buildIndexFromCorpus(corpus);
    expect(data.documents.map((d) => d.id).sort()).toEqual(
      ['(보도자료) 2024년+교육부 [최종]', 'sub dir/a+b (1)', '보도자료 공고'].map((s) => s.normalize('NFC')).sort(),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.reason).toMatch(/another Unicode form \(NFC\/NFD\)/);
  });
});

describe('file names that are not UTF-8 (issue 10)', () => {
  /** `공고` and `보도` in CP949, as a zip made on Korean Windows leaves them on Linux. */
  const CP949_NOTICE = Buffer.from([0xb0, 0xf8, 0xb0, 0xed]);
  const CP949_PRESS = Buffer.from([0xba, 0xb8, 0xb5, 0xb5]);
  const bytePath = (corpus: string, ...parts: Buffer[]) => Buffer.concat([Buffer.from(`${corpus}/`), ...parts]);

  it('decodes CP949 names of files and folders, opens them by their bytes, and indexes them', async () => {
    const corpus = await corpusOf({ 'good.md': GOOD });
    await writeFile(bytePath(corpus, CP949_NOTICE, Buffer.from('.txt')), '출자 공고\n국민성장펀드 본문입니다.');
    await mkdir(bytePath(corpus, CP949_PRESS));
    await writeFile(bytePath(corpus, CP949_PRESS, Buffer.from('/a.md')), '# 폴더 안\n\n본문입니다.');
    const { data, warnings } = await buildIndexFromCorpus(corpus);
    expect(warnings).toEqual([]);
    expect(data.documents.map((d) => d.id).sort()).toEqual(['good', '공고', '보도/a']);
  });

  it('skips a name that is neither UTF-8 nor CP949 with a warning showing its bytes; the run goes on', async () => {
    const corpus = await corpusOf({ 'good.md': GOOD });
    await writeFile(bytePath(corpus, Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('.txt')), '제목\n본문');
    await mkdir(bytePath(corpus, Buffer.from([0x80, 0x80])));
    await writeFile(bytePath(corpus, Buffer.from([0x80, 0x80]), Buffer.from('/b.md')), '# B\n\n본문');
    const result = await buildIndexFromCorpus(corpus);
    expect(result.data.documents.map((d) => d.id)).toEqual(['good']);
    expect(result.warnings).toEqual([
      { file: '\\x80\\x80', reason: 'the folder name is neither UTF-8 nor CP949; rename the folder to read it' },
      { file: '\\xff\\xfeA.txt', reason: 'the file name is neither UTF-8 nor CP949; rename the file to read it' },
    ]);
    expect(result.summary).toMatchObject({ files: 3, documents: 1 });
  });

  it('keeps a CP949 name and the same name in UTF-8 apart on disk, as one document', async () => {
    const corpus = await corpusOf({ '공고.txt': '출자 공고\n본문입니다.' });
    await writeFile(bytePath(corpus, CP949_NOTICE, Buffer.from('.txt')), '출자 공고\n다른 본문입니다.');
    const indexFile = join(corpus, '..', 'out', 'local-index.json');
    const result = await buildIndexFromCorpus(corpus, { cacheFile: statePaths(indexFile).cache });
    await writeIndex(indexFile, result);
    expect(result.data.documents.map((d) => d.id)).toEqual(['공고']);
    expect(result.warnings.map((w) => w.reason)).toEqual([
      expect.stringMatching(/another Unicode form .* or encoding/),
    ]);
    expect(Object.keys(result.manifest.files)).toHaveLength(2);
    expect(await staleReason(corpus, indexFile)).toBeUndefined();
  });

  it('skips a file that cannot be opened any more (removed after the listing) with a warning', async () => {
    const corpus = await corpusOf({ 'a.md': GOOD, 'b.md': GOOD.replace('좋은', '두 번째') });
    const result = await buildIndexFromCorpus(corpus, {
      onProgress: (p) => {
        if (p.current === 'b.md') rmSync(join(corpus, 'b.md'));
      },
    });
    expect(result.warnings).toEqual([{ file: 'b.md', reason: 'cannot be opened (ENOENT)' }]);
    expect(result.data.documents.map((d) => d.id)).toEqual(['a']);
  });
});

describe('incremental runs', () => {
  async function firstRun(files: Record<string, string>) {
    const corpus = await corpusOf(files);
    const indexFile = join(corpus, '..', 'out', 'local-index.json');
    const result = await buildIndexFromCorpus(corpus, { cacheFile: statePaths(indexFile).cache });
    await writeIndex(indexFile, result);
    return { corpus, indexFile };
  }

  it('re-reads only changed files, adds new ones and drops removed ones', async () => {
    const { corpus, indexFile } = await firstRun({
      'a.md': '# A\n\n첫 번째 공고입니다.',
      'b.md': '# B\n\n두 번째 공고입니다.',
      'c.md': '# C\n\n세 번째 공고입니다.',
    });
    await writeFile(join(corpus, 'b.md'), '# B\n\n고쳐 쓴 두 번째 공고입니다.');
    await rm(join(corpus, 'c.md'));
    await writeFile(join(corpus, 'd.md'), '# D\n\n새 공고입니다.');

    expect(await staleReason(corpus, indexFile)).toBe('corpus changed');
    const run = await ensureIndex(corpus, indexFile);
    expect(run.rebuilt).toBe(true);
    expect(run.result!.summary.reused).toBe(1);
    const index = await readIndexData(indexFile);
    expect(index.documents.map((d) => d.id)).toEqual(['a', 'b', 'd']);
    expect(index.chunks.some((c) => c.docId === 'c')).toBe(false);
    expect(index.chunks.find((c) => c.docId === 'b')!.text).toContain('고쳐 쓴');
    expect(await staleReason(corpus, indexFile)).toBeUndefined();
  });

  it('does nothing when nothing changed, and a touched file with the same content is not a change', async () => {
    const { corpus, indexFile } = await firstRun({ 'a.md': '# A\n\n공고입니다.' });
    const before = await stat(indexFile);
    expect(await ensureIndex(corpus, indexFile)).toEqual({ rebuilt: false });
    const later = new Date(Date.now() + 60_000);
    await utimes(join(corpus, 'a.md'), later, later);
    expect(await staleReason(corpus, indexFile)).toBeUndefined();
    expect((await stat(indexFile)).mtimeMs).toBe(before.mtimeMs);
  });

  it('reuses a skipped file’s reason without reading it again, and warns again', async () => {
    const { corpus, indexFile } = await firstRun({ 'a.md': GOOD, 'x.xyz': 'data' });
    const warnings: string[] = [];
    const result = await buildIndexFromCorpus(corpus, {
      cacheFile: statePaths(indexFile).cache,
      onWarning: (w) => warnings.push(w.file),
    });
    expect(result.summary.reused).toBe(2);
    expect(warnings).toEqual(['x.xyz']);
  });

  it('writes the index as a manifest and shards, and a smaller rebuild leaves no stale shard', async () => {
    const { indexFile } = await firstRun({ 'a.md': GOOD, 'b.md': '# B\n\n두 번째 공고입니다. '.repeat(200) });
    const data = await readIndexData(indexFile);
    const shards = async () => (await readdir(join(indexFile, '..'))).filter((f) => f.endsWith('.bin')).sort();
    const many = await writeIndexFiles(indexFile, data, { maxShardBytes: 4096 });
    expect(many.shards.length).toBeGreaterThan(2);
    expect(await shards()).toHaveLength(many.shards.length);
    await writeIndexFiles(indexFile, data);
    expect(await shards()).toEqual(['local-index-0.bin']);
    const index = await readIndexFiles(indexFile);
    expect((await index.search('두 번째 공고'))[0]?.passage.docId).toBe('b');
  });

  it('leaves the previous index intact when a run fails', async () => {
    const { corpus, indexFile } = await firstRun({ 'a.md': GOOD });
    const before = await readFile(indexFile, 'utf8');
    await rm(corpus, { recursive: true });
    await expect(ensureIndex(corpus, indexFile)).rejects.toThrow(/corpus folder not found/);
    expect(await readFile(indexFile, 'utf8')).toBe(before);
    expect((await readdir(join(indexFile, '..'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
