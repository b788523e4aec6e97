import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from './corpus.js';
import { deflateBomb, deflatedEntry, zipOf } from '../../test/helpers/bombs.js';
import { ingestInChild } from '../../test/helpers/bounded-ingest.js';

const SECTION =
  '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="s" xmlns:hp="p">' +
  '<hp:p><hp:run><hp:t>교육부는 2024년 1월 24일 추진계획을 발표한다.</hp:t></hp:run></hp:p></hs:sec>';

/** An HWPX whose section0.xml inflates to `megabytes` MB while its directory declares `declaredSize`. */
function bombHwpx(megabytes: number, declaredSize: number): Uint8Array {
  return zipOf([
    deflatedEntry('mimetype', 'application/hwp+zip'),
    deflatedEntry('Contents/header.xml', '<hh:head/>'),
    { name: 'Contents/section0.xml', data: deflateBomb(megabytes), deflated: true, declaredSize },
  ]);
}

async function ingestOne(name: string, bytes: Uint8Array) {
  return ingestFiles([{ path: name, bytes }]);
}

describe('HWPX: no file can exhaust ingest (issue 10)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fund-hwpx-bomb-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('still reads an honest package', async () => {
    const corpus = await ingestOne('plan.hwpx', zipOf([deflatedEntry('Contents/section0.xml', SECTION)]));
    expect(corpus.warnings).toEqual([]);
    expect(corpus.chunks[0]!.text).toContain('추진계획을 발표한다');
  });

  it('refuses a 4 GB bomb that lies about its size, below 300 MB of memory, with one warning', async () => {
    const file = join(dir, 'bomb.hwpx');
    await writeFile(file, bombHwpx(4096, 1000));
    const result = await ingestInChild(file, 300);
    expect(result.documents).toBe(0);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.file).toBe('bomb.hwpx');
    expect(result.warnings[0]!.reason).toMatch(
      /Contents\/section0\.xml expands to more than 64 MB.*decompression bomb/,
    );
    expect(result.maxRssMb).toBeLessThan(300);
  }, 60_000);

  it('refuses a package whose directory declares more than the limit before inflating anything', async () => {
    const started = performance.now();
    const corpus = await ingestOne('declared.hwpx', bombHwpx(1, 0xfffffff0));
    expect(corpus.warnings[0]!.reason).toMatch(/declares 4096 MB of content .*decompression bomb/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses many parts that add up to more than the file limit', async () => {
    const parts = Array.from({ length: 3 }, (_, i) => ({
      name: `Contents/section${i}.xml`,
      data: deflateBomb(60),
      deflated: true,
      declaredSize: 100,
    }));
    const corpus = await ingestOne('many.hwpx', zipOf(parts));
    expect(corpus.warnings[0]!.reason).toMatch(/expands to more than 128 MB \(at Contents\/section2\.xml\)/);
  });

  it('refuses a package with more entries than a document has', async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => deflatedEntry(`BinData/x${i}.txt`, 'x'));
    const corpus = await ingestOne('entries.hwpx', zipOf(entries));
    expect(corpus.warnings[0]!.reason).toMatch(/zip has 10001 entries \(the limit is 10000\)/);
  });

  it('refuses elements nested thousands deep in bounded time', async () => {
    const nested = `<hs:sec xmlns:hp="p">${'<hp:p><hp:run><hp:t>가</hp:t></hp:run>'.repeat(50_000)}</hs:sec>`;
    const started = performance.now();
    const corpus = await ingestOne('deep.hwpx', zipOf([deflatedEntry('Contents/section0.xml', nested)]));
    expect(corpus.warnings[0]!.reason).toMatch(/nests elements deeper than 200 levels/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
