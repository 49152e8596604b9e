/**
 * A strict RFC 4180 CSV reader for the reference tables: quoted fields, doubled quotes,
 * CRLF or LF. Any structural problem is a PipelineError naming the file and the line.
 */
import path from 'node:path';
import { PipelineError } from '../errors';

export interface CsvRow {
  /** 1-based line number in the file where the row starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

function splitRecords(text: string, file: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          const next = text[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
            throw new PipelineError({
              code: 'CSV_MALFORMED',
              message: `${path.basename(file)} has text after a closing quote on line ${line}.`,
              file,
              where: `line ${line}`,
              fix: 'Quote the whole field and double any quote inside it ("" instead of "), or restore the file from its source.',
            });
          }
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) {
    throw new PipelineError({
      code: 'CSV_MALFORMED',
      message: `${path.basename(file)} ends inside a quoted field that starts on line ${recordLine}.`,
      file,
      where: `line ${recordLine}`,
      fix: 'Close the quote on that line, or restore the file from its source.',
    });
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Parses CSV text whose header must be exactly `expectedHeader` (in order). */
export function parseCsv(text: string, file: string, expectedHeader: readonly string[]): CsvRow[] {
  const name = path.basename(file);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = splitRecords(body, file);
  const header = records[0];
  if (!header) {
    throw new PipelineError({
      code: 'CSV_HEADER',
      message: `${name} is empty.`,
      file,
      where: 'line 1',
      fix: `Restore the file from its source; it must start with the header ${expectedHeader.join(',')}.`,
    });
  }
  const got = header.fields.map((f) => f.trim());
  if (got.length !== expectedHeader.length || got.some((f, i) => f !== expectedHeader[i])) {
    throw new PipelineError({
      code: 'CSV_HEADER',
      message: `${name} has the header "${got.join(',')}", expected "${expectedHeader.join(',')}".`,
      file,
      where: 'line 1',
      fix: 'Restore the original header (same columns, same order); the build reads columns by these names.',
    });
  }
  return records.slice(1).map((record) => {
    if (record.fields.length !== expectedHeader.length) {
      throw new PipelineError({
        code: 'CSV_MALFORMED',
        message: `${name} line ${record.line} has ${record.fields.length} fields, expected ${expectedHeader.length} (${expectedHeader.join(',')}).`,
        file,
        where: `line ${record.line}`,
        fix: 'Fix the row so it has one value per column (quote values that contain commas), or restore the file from its source.',
      });
    }
    const values: Record<string, string> = {};
    expectedHeader.forEach((column, i) => {
      values[column] = record.fields[i] ?? '';
    });
    return { line: record.line, values };
  });
}
