import type { LoadedDocument, Section, SourceFile } from './types.js';
import { SkipFileError } from './types.js';
import { decodeText } from './decode.js';
import { splitFrontMatter } from './front-matter.js';
import { documentIdFromPath, fileNameTitle } from './document-id.js';
import { primaryLanguage } from '../text/language.js';
import { dateFromText } from './metadata.js';

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Splits a Markdown body into sections at headings, keeping the heading path. */
export function markdownSections(body: string): { sections: Section[]; firstHeading?: string } {
  const sections: Section[] = [];
  const path: string[] = [];
  let firstHeading: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) sections.push({ text, headings: path.length ? [...path] : undefined });
    lines = [];
  };
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading) {
      flush();
      const level = heading[1]!.length;
      const title = stripInlineMarkdown(heading[2]!);
      firstHeading ??= title;
      path.splice(level - 1);
      while (path.length < level - 1) path.push('');
      path.push(title);
      continue;
    }
    lines.push(stripInlineMarkdown(line));
  }
  flush();
  for (const section of sections) {
    if (section.headings) section.headings = section.headings.filter(Boolean);
  }
  return { sections, firstHeading };
}

/** Drops emphasis, links and images markup, keeping the words. */
function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}

export function loadMarkdown(file: SourceFile): LoadedDocument {
  const source = decodeText(file.bytes);
  let split;
  try {
    split = splitFrontMatter(source);
  } catch (error) {
    throw new SkipFileError((error as Error).message);
  }
  const { sections, firstHeading } = markdownSections(split.body);
  if (sections.length === 0) throw new SkipFileError('no text');
  const { data, warnings, dateRejected } = split;
  const text = sections.map((s) => s.text).join('\n');
  const source_ = data.source;
  return {
    meta: {
      id: documentIdFromPath(file.path),
      title: data.title ?? firstHeading ?? fileNameTitle(file.path),
      date: data.date ?? (dateRejected ? undefined : dateFromText(text)),
      lang: data.lang ?? primaryLanguage(text),
      source: source_,
      url: source_ && /^https?:\/\//i.test(source_) ? source_ : undefined,
      tags: data.tags,
    },
    sections,
    ...(warnings.length && { warnings }),
  };
}

export function loadPlainText(file: SourceFile): LoadedDocument {
  const source = decodeText(file.bytes).replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex < 0) throw new SkipFileError('empty file');
  const title = lines[titleIndex]!.trim();
  const body = lines
    .slice(titleIndex + 1)
    .join('\n')
    .trim();
  const text = body || title;
  return {
    meta: { id: documentIdFromPath(file.path), title, date: dateFromText(source), lang: primaryLanguage(text) },
    sections: [{ text }],
  };
}
