/**
 * Stores for the import tests, in the OS temp folder: one demo store built once (ensureDataset
 * reuses it while fresh) and private copies of it per test, so every test imports into a store
 * of its own. Imports run in process through the CLI's `main`, or as a real child process.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../data/import/cli/main';
import type { ImportReport } from '../../../data/import/report';
import { REPO_ROOT } from '../../../data/paths';
import { ensureDataset } from '../../../data/pipeline/ensure';

export const IMPORT_TESTS_ROOT = path.join(os.tmpdir(), 'tlg-import-tests');
const TSX_CLI = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const IMPORT_SCRIPT = path.join(REPO_ROOT, 'scripts', 'import.ts');

/** The shared demo store (default seed, scale 1); never imported into. */
export async function demoStore(): Promise<string> {
  const store = path.join(IMPORT_TESTS_ROOT, 'demo');
  await ensureDataset({ store });
  return store;
}

/** A private copy of the demo store. */
export async function freshStore(label: string): Promise<string> {
  const source = await demoStore();
  const store = path.join(mkdtempSync(path.join(os.tmpdir(), `tlg-import-${label}-`)), 'store');
  cpSync(source, store, { recursive: true });
  return store;
}

/** A scratch folder for input files and reports. */
export const scratchDir = (label: string) => mkdtempSync(path.join(os.tmpdir(), `tlg-import-${label}-files-`));

export interface CliResult {
  code: number;
  out: string[];
  err: string[];
  /** The last line printed on stdout. */
  last: string;
}

/** Runs `npm run import -- …` in this process against `store`. */
export async function runImportCli(store: string, args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, store);
  return { code, out, err, last: out.at(-1) ?? '' };
}

/** Runs an import with --report and returns the parsed report too. */
export async function importWithReport(store: string, dir: string, args: string[]): Promise<CliResult & { report: ImportReport }> {
  const reportFile = path.join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const result = await runImportCli(store, [...args, '--report', reportFile]);
  return { ...result, report: JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReport };
}

const childEnv = (store: string) => ({ ...process.env, TLG_DATA_DIR: store, NO_COLOR: '1' });

/** The real CLI as a child process (the way the outside checks run it). */
export function spawnImportCli(store: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [TSX_CLI, IMPORT_SCRIPT, ...args], { cwd: REPO_ROOT, env: childEnv(store), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The real CLI as a child process, awaited without blocking this process (a server in it keeps answering). */
export function runImportChild(store: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = startImportCli(store, args);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The CLI as a child process left running (for the kill test). */
export function startImportCli(store: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [TSX_CLI, IMPORT_SCRIPT, ...args], { cwd: REPO_ROOT, env: childEnv(store), stdio: ['ignore', 'pipe', 'pipe'] });
}
