/**
 * The rejected rows of an upload in the format asked for. The importer writes them as XLSX
 * (`--rejected …xlsx`); the CSV is made from that file once, on the first request for it,
 * streamed row by row (UTF-8 with BOM and "," like the importer's own rejected CSV files), and
 * renamed into place when complete.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { csvField } from '../../data/import/rejected-file';
import { openXlsx } from '../../data/import/readers/xlsx';
import type { DownloadFormat } from '#contract';

const CSV_SEPARATOR = ',';

async function xlsxToCsv(xlsx: string, csv: string): Promise<void> {
  const source = await openXlsx(xlsx, undefined);
  const part = `${csv}.part`;
  const out = createWriteStream(part, { mode: 0o600 });
  const write = async (cells: readonly (string | number | boolean | Date | null)[]) => {
    if (!out.write(`${cells.map((c) => csvField(c, CSV_SEPARATOR)).join(CSV_SEPARATOR)}\r\n`)) await once(out, 'drain');
  };
  try {
    out.write('\uFEFF');
    await write(source.headings);
    for await (const row of source.rows) await write(row.cells);
    out.end();
    await once(out, 'finish');
    await rename(part, csv);
  } catch (error) {
    out.destroy();
    await rm(part, { force: true });
    throw error;
  }
}

/** The file of the rejected rows in `format`, beside the importer's XLSX (`<name>.xlsx` → `<name>.csv`). */
export async function rejectedRowsFile(xlsx: string, format: DownloadFormat): Promise<string> {
  if (format === 'xlsx') return xlsx;
  const csv = xlsx.replace(/\.xlsx$/, '.csv');
  if (!existsSync(csv)) await xlsxToCsv(xlsx, csv);
  return csv;
}
