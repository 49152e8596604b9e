/**
 * The code version of a build: a hash of every file that shapes the outputs (the pipeline,
 * its configs, the table schema and the shared domain vocabulary). Changing any of them
 * makes an existing build stale.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../paths';
import { sha256Hex } from '../sources/files';

const VERSIONED_PATHS = ['data/pipeline', 'data/config', 'data/schema.ts', 'contract/domain.ts', 'contract/fold.ts'];
const CODE_VERSION_LENGTH = 16;

function listFiles(relative: string): string[] {
  const absolute = path.join(REPO_ROOT, relative);
  if (statSync(absolute).isFile()) return [relative];
  return readdirSync(absolute)
    .sort()
    .flatMap((entry) => listFiles(path.posix.join(relative, entry)));
}

export function codeVersion(): string {
  const files = VERSIONED_PATHS.flatMap(listFiles).sort();
  const hash = files.map((file) => `${file}\0${sha256Hex(readFileSync(path.join(REPO_ROOT, file)))}`).join('\n');
  return sha256Hex(hash).slice(0, CODE_VERSION_LENGTH);
}
