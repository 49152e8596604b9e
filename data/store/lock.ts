/**
 * One build or import at a time per store: the lock is a directory (mkdir is atomic) holding
 * the owner's pid. A lock whose owner died (kill -9, power cut) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCK_DIR } from './layout';

const LOCK_POLL_MS = 500;
/** Say again that we are waiting every this many milliseconds (a scale-100 build takes minutes). */
const LOCK_NOTICE_EVERY_MS = 30_000;
/** A lock without an owner file is a process that died between mkdir and write; older than this it is stale. */
const OWNERLESS_STALE_MS = 30_000;
const OWNER_FILE = 'owner';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(lock: string): number {
  try {
    return Number(readFileSync(path.join(lock, OWNER_FILE), 'utf8'));
  } catch {
    return Number.NaN;
  }
}

export interface StoreLock {
  release: () => void;
  /** Whether another process held the lock first (it may have done our work meanwhile). */
  waited: boolean;
}

/** Waits for and takes the lock of `store`. */
export async function acquireStoreLock(store: string, log: (line: string) => void): Promise<StoreLock> {
  mkdirSync(store, { recursive: true });
  const lock = path.join(store, LOCK_DIR);
  let waited = false;
  let lastNotice = -Infinity;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, OWNER_FILE), String(process.pid));
      return { release: () => rmSync(lock, { recursive: true, force: true }), waited };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(lock);
    const ownerKnown = Number.isInteger(owner) && owner > 0;
    if (ownerKnown && !isAlive(owner)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!ownerKnown) {
      const ageMs = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (ageMs > OWNERLESS_STALE_MS) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
    }
    waited = true;
    if (Date.now() - lastNotice >= LOCK_NOTICE_EVERY_MS) {
      log(`waiting for another build or import in ${store} (pid ${ownerKnown ? owner : 'unknown'}) to finish…`);
      lastNotice = Date.now();
    }
    await sleep(LOCK_POLL_MS);
  }
}
