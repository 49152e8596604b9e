/**
 * The register templates the admin screen offers, made once per server and kept in memory (a
 * few dozen KB each). The XLSX (drop-down lists over 5,000 rows) takes exceljs about a second,
 * so the importer writes it in a child process (`--template`); the CSV is two lines.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeCsvTemplate } from '../../data/import/templates/write-template';
import type { DownloadFormat, RegisterKind } from '#contract';
import { runImporter } from './imports-cli';

export class Templates {
  private readonly made = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly store: string,
    private readonly log: (line: string) => void,
  ) {}

  get(kind: RegisterKind, format: DownloadFormat): Promise<Buffer> {
    const key = `${kind}.${format}`;
    let template = this.made.get(key);
    if (!template) {
      template = this.make(kind, format);
      // A failure is not remembered: the next request tries again.
      template.catch(() => this.made.delete(key));
      this.made.set(key, template);
    }
    return template;
  }

  private async make(kind: RegisterKind, format: DownloadFormat): Promise<Buffer> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tlg-template-'));
    const file = path.join(dir, `${kind}.${format}`);
    try {
      if (format === 'csv') await writeCsvTemplate(kind, file);
      else {
        const output: string[] = [];
        const code = await runImporter(this.store, ['--template', kind, file], (line) => output.push(line)).exited;
        if (code !== 0) {
          this.log(`template ${kind}.xlsx failed (exit ${code}): ${output.slice(-5).join(' | ')}`);
          throw new Error(`the importer could not write the ${kind} template`);
        }
      }
      return await readFile(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
