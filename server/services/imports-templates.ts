/**
 * The register templates the admin screen offers (data/import/templates: Vietnamese headings, an
 * example row and, in XLSX, drop-down lists), made once per server and kept in memory: a few KB
 * each, some 50 ms of exceljs for an XLSX, nothing for a CSV.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeCsvTemplate, writeXlsxTemplate } from '../../data/import/templates/write-template';
import type { DownloadFormat, RegisterKind } from '#contract';

export class Templates {
  private readonly made = new Map<string, Promise<Buffer>>();

  get(kind: RegisterKind, format: DownloadFormat): Promise<Buffer> {
    const key = `${kind}.${format}`;
    let template = this.made.get(key);
    if (!template) {
      template = make(kind, format);
      // A failure is not remembered: the next request tries again.
      template.catch(() => this.made.delete(key));
      this.made.set(key, template);
    }
    return template;
  }
}

async function make(kind: RegisterKind, format: DownloadFormat): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tlg-template-'));
  const file = path.join(dir, `${kind}.${format}`);
  try {
    await (format === 'xlsx' ? writeXlsxTemplate : writeCsvTemplate)(kind, file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
