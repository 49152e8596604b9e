/**
 * Byte-level text decoding of CSV and GeoJSON files: UTF-8 with or without BOM, or UTF-16 with
 * a BOM (Excel's "Unicode text"). Anything else (TCVN3/ABC, VNI, Windows-1258 files) is not
 * valid UTF-8 and is refused with the fix: a wrong guess would import mojibake.
 */
import { Transform } from 'node:stream';
import { SourceError } from './types';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export const NOT_UNICODE_MESSAGE = {
  vi: 'Tệp không phải văn bản Unicode (UTF-8): có thể đang ở bảng mã cũ TCVN3 (ABC), VNI hoặc Windows-1258. Sửa: mở tệp bằng Unikey → Công cụ (Ctrl+Shift+F6), chọn bảng mã nguồn TCVN3 (ABC) hoặc VNI Windows, bảng mã đích Unicode, chuyển mã, rồi lưu lại dạng "CSV UTF-8"; sau đó nhập lại.',
  en: 'The file is not Unicode (UTF-8) text: it is probably in a legacy Vietnamese encoding (TCVN3/ABC, VNI or Windows-1258). Fix: convert it with Unikey\'s Toolkit (Ctrl+Shift+F6) from TCVN3 (ABC) or VNI Windows to Unicode, save as "CSV UTF-8", and import again.',
};

export function detectEncoding(head: Buffer): { encoding: Encoding; bomBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  return { encoding: 'utf-8', bomBytes: 0 };
}

/** Decodes a whole buffer strictly, BOM removed. */
export function decodeStrict(bytes: Buffer): string {
  const { encoding, bomBytes } = detectEncoding(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(bomBytes));
  } catch {
    throw new SourceError('FILE_ENCODING', NOT_UNICODE_MESSAGE);
  }
}

/** A stream transform from bytes to text, strict, that drops the BOM. */
export function strictDecoder(encoding: Encoding, bomBytes: number): Transform {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let skip = bomBytes;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const bytes = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
      skip = Math.max(0, skip - chunk.length);
      try {
        done(null, decoder.decode(bytes, { stream: true }));
      } catch {
        done(new SourceError('FILE_ENCODING', NOT_UNICODE_MESSAGE));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new SourceError('FILE_ENCODING', NOT_UNICODE_MESSAGE));
      }
    },
  });
}
