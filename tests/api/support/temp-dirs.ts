/** State folders for in-process apps, in the OS temp folder, removed when the test file ends. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created: string[] = [];

export function tempStateDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tlg-${prefix}-`));
  created.push(dir);
  return dir;
}

/** For afterAll: removes every folder tempStateDir made in this test file. */
export function removeTempStateDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
