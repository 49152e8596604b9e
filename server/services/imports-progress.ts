/**
 * What the importer is doing, read from its progress lines on stderr (data/pipeline/support/
 * progress.ts writes "[  1.2 s] <step> …" when a step starts; the row check writes
 * "  50,000 rows read (…)" every 50,000 rows; the store lock writes "waiting for another …").
 */
import type { ImportStep } from '#contract';

export interface ImporterProgress {
  step: ImportStep | null;
  rowsRead: number;
}

const STEP_STARTED = /^\[\s*[\d.]+ s\] (.+) …$/;
const ROWS_READ = /^\s+([\d,]+) rows read\b/;
const WAITING_FOR_LOCK = /^waiting for another build or import\b/;

function stepOf(label: string): ImportStep {
  if (label.startsWith('reading the reference layer')) return 'reference';
  if (label.startsWith('checking the rows')) return 'rows';
  return 'writing';
}

/** The progress after one line of the importer's stderr (lines that say nothing of it leave it as it was). */
export function progressAfter(line: string, current: ImporterProgress): ImporterProgress {
  const rows = ROWS_READ.exec(line);
  if (rows) return { ...current, rowsRead: Number(rows[1]!.replaceAll(',', '')) };
  if (WAITING_FOR_LOCK.test(line)) return { ...current, step: 'waiting' };
  const started = STEP_STARTED.exec(line);
  return started ? { ...current, step: stepOf(started[1]!) } : current;
}
