/**
 * The importer (`npm run import`, scripts/import.ts) as a child process of the server, so that
 * reading and writing a register of 200,000 rows never holds the server's event loop. Every
 * line it prints reaches `onLine` (progress on stderr, the closing line on stdout).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../../data/paths';

const IMPORT_SCRIPT = path.join(REPO_ROOT, 'scripts', 'import.ts');

export interface ImporterRun {
  /** The exit status; null when it was stopped by a signal. */
  exited: Promise<number | null>;
  stop(): void;
}

export function runImporter(store: string, args: readonly string[], onLine: (line: string, stream: 'stdout' | 'stderr') => void): ImporterRun {
  // `--import tsx` in this same process (not the tsx launcher): a stop reaches the importer itself.
  const child = spawn(process.execPath, ['--import', 'tsx', IMPORT_SCRIPT, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TLG_DATA_DIR: store, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = (stream: 'stdout' | 'stderr') =>
    new Promise<void>((resolve) => {
      const reader = createInterface({ input: child[stream] });
      reader.on('line', (line) => onLine(line, stream));
      reader.once('close', resolve);
    });
  const output = Promise.all([lines('stdout'), lines('stderr')]);
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('close', (code) => resolve(code));
  }).then(async (code) => {
    await output;
    return code;
  });
  return {
    exited,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
