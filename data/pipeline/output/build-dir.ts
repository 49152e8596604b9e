/**
 * Atomic replacement of the build directory: a build writes into a temporary sibling
 * (`<build>-tmp-<pid>-<random>`) and is swapped in with renames only at the very end, so a
 * failed build never leaves half-written outputs and never touches the previous good build.
 * A lock directory beside the target keeps two builds of the same target from interleaving.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK_POLL_MS = 500;
/** Say again that we are waiting every this many milliseconds (a scale-100 build takes minutes). */
const LOCK_NOTICE_EVERY_MS = 30_000;
const OWNER_FILE = 'owner';

const siblingName = (target: string, kind: 'tmp' | 'old' | 'lock', unique = true) =>
  path.join(path.dirname(target), `${path.basename(target)}-${kind}${unique ? `-${process.pid}-${randomBytes(4).toString('hex')}` : ''}`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits for and takes the build lock of `target`; returns the release function. */
export async function acquireBuildLock(target: string, log: (line: string) => void): Promise<{ release: () => void; waited: boolean }> {
  mkdirSync(path.dirname(target), { recursive: true });
  const lock = siblingName(target, 'lock', false);
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
    const owner = Number(readFileSafe(path.join(lock, OWNER_FILE)));
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!Number.isInteger(owner) || owner <= 0) {
      // A lock without an owner file is a build that died between mkdir and write.
      const ageMs = Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (ageMs > LOCK_NOTICE_EVERY_MS) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
    }
    waited = true;
    if (Date.now() - lastNotice >= LOCK_NOTICE_EVERY_MS) {
      log(`waiting for another build of ${target} (pid ${owner || 'unknown'}) to finish…`);
      lastNotice = Date.now();
    }
    await sleep(LOCK_POLL_MS);
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Removes temporary and old siblings left by builds that crashed (call while holding the lock). */
export function removeLeftovers(target: string): void {
  const dir = path.dirname(target);
  if (!existsSync(dir)) return;
  const prefixes = [`${path.basename(target)}-tmp-`, `${path.basename(target)}-old-`];
  for (const entry of readdirSync(dir)) {
    if (prefixes.some((p) => entry.startsWith(p))) rmSync(path.join(dir, entry), { recursive: true, force: true });
  }
}

export function createTempBuildDir(target: string): string {
  const temp = siblingName(target, 'tmp');
  mkdirSync(temp, { recursive: true });
  return temp;
}

/** Puts `temp` in place of `target` with renames; the previous build is removed only afterwards. */
export function swapIntoPlace(temp: string, target: string): void {
  const old = siblingName(target, 'old');
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (error) {
    if (hadPrevious) renameSync(old, target);
    throw error;
  }
  if (hadPrevious) rmSync(old, { recursive: true, force: true });
}
