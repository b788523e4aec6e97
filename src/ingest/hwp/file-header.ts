import { SkipFileError } from '../types.js';

/**
 * The `FileHeader` stream (spec 3.2.1 "파일 인식 정보", table 3): a 32-byte signature,
 * the version as 0xMMnnPPrr, and property bits of which ingest needs the first three.
 */
export interface HwpFileHeader {
  version: string;
  compressed: boolean;
  passwordProtected: boolean;
  /** 배포용 문서: body text lives encrypted in ViewText/SectionN instead of BodyText. */
  distribution: boolean;
  /** DRM or certificate encryption (bits 4 and 8): the content cannot be read without the key holder. */
  drm: boolean;
}

const SIGNATURE = 'HWP Document File';

export function readFileHeader(stream: Uint8Array | undefined): HwpFileHeader {
  if (!stream || stream.length < 40) throw new SkipFileError('not an HWP 5.0 document (no FileHeader)');
  const signature = String.fromCharCode(...stream.subarray(0, SIGNATURE.length));
  if (signature !== SIGNATURE) throw new SkipFileError('not an HWP 5.0 document (bad FileHeader signature)');
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const version = view.getUint32(32, true);
  const flags = view.getUint32(36, true);
  const major = version >>> 24;
  if (major !== 5) throw new SkipFileError(`HWP version ${major} is not supported (only HWP 5.x)`);
  return {
    version: [version >>> 24, (version >>> 16) & 0xff, (version >>> 8) & 0xff, version & 0xff].join('.'),
    compressed: (flags & 0x1) !== 0,
    passwordProtected: (flags & 0x2) !== 0,
    distribution: (flags & 0x4) !== 0,
    drm: (flags & 0x10) !== 0 || (flags & 0x100) !== 0,
  };
}
