/** Append-only record of every change of the active version: which, when, by whom, why. */
import { appendFileSync, closeSync, fsyncSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HISTORY_FILE } from './layout';

export interface ActivationEntry {
  version: string;
  at: string;
  by: string;
  reason: 'build' | 'import' | 'activate';
}

/** Who is acting: `--by` when given, else the OS user. */
export function actingUser(by?: string): string {
  if (by && by.trim() !== '') return by.trim();
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

export function recordActivation(store: string, entry: ActivationEntry): void {
  const file = path.join(store, HISTORY_FILE);
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
