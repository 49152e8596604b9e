/**
 * CSV through csv-parse, streamed: UTF-8 with or without BOM (or UTF-16 with BOM), quoted
 * fields, `,` `;` or tab as separator — whichever occurs most in the header line outside quotes.
 * Each record is one spreadsheet row (header = row 1), so a quoted field spanning lines still
 * counts as one row, as it would when the file is opened in Excel.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { open } from 'node:fs/promises';
import { detectEncoding, strictDecoder } from './text-encoding';
import { SourceError, type SourceRow, type TabularSource } from './types';

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;
/** Enough bytes for any header line. */
const HEAD_BYTES = 64 * 1024;

/** The separator used most often in the first line, outside quotes; `,` when there is none. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function openCsv(file: string): Promise<TabularSource> {
  const head = await readHead(file);
  const { encoding, bomBytes } = detectEncoding(head);
  // The head may end inside a multi-byte character: decode leniently just to find the separator.
  const delimiter = detectDelimiter(new TextDecoder(encoding).decode(head.subarray(bomBytes)));
  const records = parse({ delimiter, relax_column_count: true, skip_empty_lines: false });
  // pipeline, not pipe: an encoding error in the decoder must reach the parser's reader.
  pipeline(createReadStream(file), strictDecoder(encoding, bomBytes), records, () => {});
  const iterator = records[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const fail = (error: unknown): never => {
    if (error instanceof SourceError) throw error;
    const message = (error as Error).message;
    throw new SourceError('FILE_UNREADABLE', {
      vi: `Không đọc được tệp CSV: ${message}. Sửa: kiểm tra dấu ngoặc kép (mỗi ô có dấu phân cách hoặc xuống dòng phải nằm trong "…", dấu " bên trong viết thành "").`,
      en: `The CSV file could not be read: ${message}. Fix: check the quotes (a field containing the separator or a line break must be enclosed in "…", with " inside doubled as "").`,
    });
  };
  const first = await iterator.next().catch(fail);
  if (first.done) throw new SourceError('NO_ROWS', { vi: 'Tệp trống: không có dòng tiêu đề.', en: 'The file is empty: there is no header row.' });
  const headings = first.value.map((h) => h.trim());
  async function* rows(): AsyncGenerator<SourceRow> {
    let row = 1;
    for (;;) {
      const next = await iterator.next().catch(fail);
      if (next.done) return;
      row += 1;
      yield { row, cells: next.value };
    }
  }
  return { format: 'csv', headings, rows: rows(), delimiter };
}
