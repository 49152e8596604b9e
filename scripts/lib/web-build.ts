/**
 * Builds the web app with Vite when dist/web is missing or older than any source file it is
 * built from, so `npm start` and the tests never serve a stale bundle; then precompresses it
 * (brotli and gzip files beside the assets, see precompress.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, webDistDir } from '../../data/paths';
import { precompressDir } from './precompress';

/** What the bundle is built from: the app, the shared contract and the pure analytics it re-exports. */
const SOURCES = ['web', 'contract', 'server/contract', 'server/analytics', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stats.mtimeMs);
}

export function webBuildIsCurrent(): boolean {
  const index = path.join(webDistDir(), 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(REPO_ROOT, s)) <= built);
}

export function ensureWebBuild(log: (line: string) => void = console.log): void {
  if (webBuildIsCurrent()) {
    // A bundle built before precompression existed, or whose variants were removed.
    precompress(log);
    return;
  }
  log('Building the web app (vite build)…');
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    // Under Vitest NODE_ENV is "test", which would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('vite build failed; see the messages above.');
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  precompress(log);
}

function precompress(log: (line: string) => void): void {
  const started = Date.now();
  const written = precompressDir(webDistDir());
  if (written > 0) log(`Precompressed ${written} web files (brotli, gzip) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
