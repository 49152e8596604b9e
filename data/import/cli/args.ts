/**
 * The command line of `npm run import` (API_CONTRACT.md § "Import of real records"), parsed
 * into a command or a usage error (exit status 2).
 */
import { RECORD_KINDS, type RecordKind } from '../../schema';
import { parseCrs, SUPPORTED_CRS_CODES, WGS84, type Crs } from '../coordinates/crs';
import { formatOf } from '../readers/open-source';
import type { InputFormat } from '../readers/types';

export const USAGE = `Usage:
  npm run import -- <kind> <file> [--crs C] [--sheet NAME] [--dry-run] [--accept-valid] [--report FILE] [--rejected FILE] [--by NAME]
  npm run import -- --list [--json]
  npm run import -- --activate <version> [--by NAME]
  npm run import -- --template <kind> <out.xlsx|out.csv>

  kind          groups | models | tips | events (import groups before tips and events)
  file          .xlsx (first sheet unless --sheet), .csv (UTF-8, "," or ";"), .geojson (Point features) or .parquet
  --crs C       wgs84 (default: columns lon, lat), vn2000 (EPSG:5897, VN-2000 TM-3 105°00': columns x, y or northing, easting)
                or EPSG:<code> of another VN-2000 zone (${SUPPORTED_CRS_CODES.join(', ')})
  --dry-run     check only; nothing changes
  --accept-valid  import the valid rows and write the rejected ones to a file (default: one bad row rejects the file)
  --report FILE   write the JSON report
  --rejected FILE where --accept-valid (or a dry run, when given) writes the rejected rows; .xlsx or .csv
                  (default: beside the input, <name>.rejected.<ext>)
  --by NAME     who imports (default: the OS user)
Exit status: 0 imported (or a clean dry run), 1 rejected (nothing changed), 2 usage error.
The store is TLG_DATA_DIR (default data/build); TLG_KEEP_VERSIONS versions are kept (default 10).`;

export type Command =
  | { command: 'import'; kind: RecordKind; file: string; format: InputFormat; crs: Crs; sheet?: string; dryRun: boolean; acceptValid: boolean; reportFile?: string; rejectedFile?: string; by?: string }
  | { command: 'list'; json: boolean }
  | { command: 'activate'; version: string; by?: string }
  | { command: 'template'; kind: RecordKind; out: string; format: 'xlsx' | 'csv' }
  | { command: 'help' };

export type Parsed = { ok: true; command: Command } | { ok: false; message: string };

const isKind = (text: string | undefined): text is RecordKind => (RECORD_KINDS as readonly string[]).includes(text ?? '');

export function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const VALUE_FLAGS = new Set(['--crs', '--sheet', '--report', '--rejected', '--by', '--activate', '--template']);
  const SWITCHES = new Set(['--dry-run', '--accept-valid', '--list', '--json', '--help', '-h']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s) as [string, string]) : [arg, undefined];
    if (flags.has(flag)) return { ok: false, message: `${flag} is given twice.` };
    if (SWITCHES.has(flag)) flags.set(flag, true);
    else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) return { ok: false, message: `${flag} needs a value.` };
      flags.set(flag, value);
    } else return { ok: false, message: `Unknown option "${arg}".` };
  }
  const value = (flag: string) => (typeof flags.get(flag) === 'string' ? (flags.get(flag) as string) : undefined);
  const only = (allowed: string[]) => [...flags.keys()].find((f) => !allowed.includes(f));

  if (flags.has('--help') || flags.has('-h')) return { ok: true, command: { command: 'help' } };
  if (flags.has('--list')) {
    const extra = only(['--list', '--json']);
    if (extra || positional.length > 0) return { ok: false, message: `--list takes only --json.` };
    return { ok: true, command: { command: 'list', json: flags.has('--json') } };
  }
  if (flags.has('--activate')) {
    if (only(['--activate', '--by']) || positional.length > 0) return { ok: false, message: '--activate takes a version id and optionally --by.' };
    const by = value('--by');
    return { ok: true, command: { command: 'activate', version: value('--activate')!, ...(by ? { by } : {}) } };
  }
  if (flags.has('--template')) {
    const kind = value('--template');
    const out = positional[0];
    if (only(['--template']) || positional.length !== 1 || !isKind(kind) || !out) return { ok: false, message: '--template needs a kind (groups, models, tips, events) and an output file ending in .xlsx or .csv.' };
    const format = out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : out.toLowerCase().endsWith('.csv') ? 'csv' : undefined;
    if (!format) return { ok: false, message: `The template file must end in .xlsx or .csv, got "${out}".` };
    return { ok: true, command: { command: 'template', kind, out, format } };
  }
  const [kind, file, ...rest] = positional;
  if (!isKind(kind)) return { ok: false, message: kind === undefined ? 'Say what to import: groups, models, tips or events, then the file.' : `Unknown kind "${kind}": use groups, models, tips or events.` };
  if (!file) return { ok: false, message: `Give the file to import after "${kind}".` };
  if (rest.length > 0) return { ok: false, message: `Unexpected argument "${rest[0]}".` };
  const extra = only(['--crs', '--sheet', '--dry-run', '--accept-valid', '--report', '--rejected', '--by']);
  if (extra) return { ok: false, message: `${extra} cannot be used with an import.` };
  const format = formatOf(file);
  if (!format) return { ok: false, message: `"${file}" is not .xlsx, .csv, .geojson or .parquet.` };
  const crsText = value('--crs');
  const crs = crsText === undefined ? WGS84 : parseCrs(crsText);
  if (!crs) return { ok: false, message: `Unknown --crs "${crsText}": use wgs84, vn2000 or EPSG:<code> of a VN-2000 zone (${SUPPORTED_CRS_CODES.join(', ')}).` };
  const sheet = value('--sheet');
  if (sheet !== undefined && format !== 'xlsx') return { ok: false, message: '--sheet applies to .xlsx files only.' };
  const optional = { sheet, reportFile: value('--report'), rejectedFile: value('--rejected'), by: value('--by') };
  return {
    ok: true,
    command: {
      command: 'import',
      kind,
      file,
      format,
      crs,
      dryRun: flags.has('--dry-run'),
      acceptValid: flags.has('--accept-valid'),
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    },
  };
}
