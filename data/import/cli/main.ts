/**
 * `npm run import`: dispatches the parsed command. Progress and problems go to stderr; results
 * to stdout, whose last line for an import is `accepted N, rejected M`. Returns the exit status.
 */
import { existsSync, statSync } from 'node:fs';
import { buildDir } from '../../paths';
import { formatPipelineError, isPipelineError } from '../../pipeline/errors';
import { activateVersion } from '../../store/activate';
import { actingUser } from '../../store/history';
import { listVersions, type VersionInfo } from '../../store/versions';
import { closingLine } from '../report';
import { runImport } from '../run-import';
import { writeCsvTemplate, writeXlsxTemplate } from '../templates/write-template';
import { parseArgs, USAGE } from './args';

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

export interface Console {
  out: (line: string) => void;
  err: (line: string) => void;
}

const rowsText = (rows: Record<string, number>) => ['groups', 'models', 'tips', 'events'].map((t) => `${t} ${rows[t] ?? 0}`).join(', ');

export function listLine(v: VersionInfo): string {
  return `${v.active ? '* ' : ''}${v.version}  ${v.synthetic ? 'demo (simulated)' : 'real'}  built ${v.built_at}  ${rowsText(v.rows)}`;
}

export async function main(argv: readonly string[], io: Console, store = buildDir()): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { command } = parsed;
  switch (command.command) {
    case 'help':
      io.out(USAGE);
      return EXIT_OK;
    case 'list': {
      const versions = listVersions(store);
      if (command.json) io.out(JSON.stringify(versions));
      else if (versions.length === 0) io.err(`No data set version in ${store} yet (npm run data builds the demo one).`);
      else for (const v of versions) io.out(listLine(v));
      return EXIT_OK;
    }
    case 'activate': {
      const result = await activateVersion(store, command.version, actingUser(command.by), io.err);
      if (!result.ok) {
        io.err(`${result.message} (npm run import -- --list shows the versions.)`);
        return EXIT_USAGE;
      }
      io.out(`Data set version ${result.version} is now active (a running server switches within seconds).`);
      return EXIT_OK;
    }
    case 'template':
      await (command.format === 'xlsx' ? writeXlsxTemplate : writeCsvTemplate)(command.kind, command.out);
      io.out(`Template of the ${command.kind} register written to ${command.out}.`);
      return EXIT_OK;
    case 'import': {
      if (!existsSync(command.file) || !statSync(command.file).isFile()) {
        io.err(`The file "${command.file}" does not exist (or is not a file).\n\n${USAGE}`);
        io.out(closingLine(0, 0));
        return EXIT_USAGE;
      }
      try {
        return await runImport({ ...command, store, log: io.err, out: io.out });
      } catch (error) {
        // Failures of the reference data or of writing: the active data set is untouched.
        io.err(isPipelineError(error) ? formatPipelineError(error) : `Import failed: ${(error as Error).message}`);
        io.out(closingLine(0, 0));
        return EXIT_REJECTED;
      }
    }
  }
}
