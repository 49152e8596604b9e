/**
 * Real small or read-only file systems for the state directory, to see what the server does when
 * its disk is full or cannot be written: a tmpfs of a given size mounted in the temp folder
 * (needs root, as in the CI container), remounted read-only on demand.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fills every free byte with a filler file; `free()` deletes it again. */
  fill(): void;
  free(): void;
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

function run(args: string[]): boolean {
  return spawnSync(args[0]!, args.slice(1), { stdio: 'ignore' }).status === 0;
}

/** A tmpfs of `bytes` (rounded up to whole pages), or null where this process may not mount. */
export function mountSmallDisk(bytes: number): SmallDisk | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tlg-small-disk-'));
  if (!run(['mount', '-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir])) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const remount = (mode: 'ro' | 'rw') => {
    if (!run(['mount', '-o', `remount,${mode}`, dir])) throw new Error(`could not remount ${dir} ${mode}`);
  };
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill: () => fillUp(filler),
    free: () => rmSync(filler, { force: true }),
    readOnly: () => remount('ro'),
    writable: () => remount('rw'),
    unmount: () => {
      run(['umount', '-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this process can mount a small disk here (root with mount permission). */
export function canMountSmallDisk(): boolean {
  const probe = mountSmallDisk(64 * 1024);
  probe?.unmount();
  return probe !== null;
}

/** Appends to `file` until the file system refuses another byte. */
function fillUp(file: string): void {
  const fd = openSync(file, 'a');
  try {
    for (const size of [64 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x2e);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}
