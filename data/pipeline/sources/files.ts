/**
 * The input files of the build: which source files are read, reading them with a clear
 * error when one is missing, and their sha256 for the manifest and the staleness check.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { foldForSearch } from '#contract';
import { publishedTotalsPath, sourcesDir } from '../../paths';
import { PipelineError } from '../errors';

/** Reference files read from the shared sources folder (never copied into the repo). */
export const SOURCE_FILES = {
  communes: 'gadm41_vinh_phuc_communes.geojson',
  census: 'vinh_phuc_population_2019.csv',
  crosswalk: 'vinh_phuc_crosswalk_2025.csv',
  /** Map context (data/pipeline/sources/context.ts): neighbouring provinces, then rivers and towns. */
  contextProvinces: 'context/gadm41_region_provinces_simplified.geojson',
  contextNaturalEarth: 'context/naturalearth_region.geojson',
} as const;

export interface InputFile {
  /** Name shown in the manifest: `sources/<file>` or `context/published_totals.json`. */
  label: string;
  absolutePath: string;
}

export function inputFiles(): InputFile[] {
  return [...referenceSourceFiles(), { label: 'context/published_totals.json', absolutePath: publishedTotalsPath() }];
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What a copy or backup of a file typically adds to its name: "(copy)", " 2", ".old", "_bak". */
const COPY_MARKERS = /^(copy|old|bak|backup|orig|\d)*$/;

/** Files in the same folder that look like the expected one renamed (a copy, a case change). */
function lookalikes(absolutePath: string): string[] {
  const dir = path.dirname(absolutePath);
  if (!existsSync(dir)) return [];
  const extension = path.extname(absolutePath).toLowerCase();
  const wanted = foldForSearch(path.basename(absolutePath, path.extname(absolutePath)));
  return readdirSync(dir).filter((f) => {
    if (f === path.basename(absolutePath) || path.extname(f).toLowerCase() !== extension) return false;
    const stem = foldForSearch(path.basename(f, path.extname(f)));
    return stem.startsWith(wanted) ? COPY_MARKERS.test(stem.slice(wanted.length)) : wanted.startsWith(stem) && stem.length > 0;
  });
}

/** Reads an input file, failing with SOURCE_MISSING / SOURCE_UNREADABLE and a fix. */
export function readInput(absolutePath: string): Buffer {
  const name = path.basename(absolutePath);
  if (!existsSync(absolutePath)) {
    const similar = lookalikes(absolutePath);
    const dir = path.dirname(absolutePath);
    throw new PipelineError({
      code: 'SOURCE_MISSING',
      message: `The input file ${name} was not found in ${dir}.`,
      file: absolutePath,
      fix:
        similar.length > 0
          ? `Rename ${similar.map((s) => `"${s}"`).join(' or ')} back to "${name}", or point TLG_SOURCES at a folder that has it.`
          : `Put ${name} back in ${dir} (it belongs to ../shared/data/sources beside the clone), or point TLG_SOURCES / TLG_PUBLISHED_TOTALS at the folder that has it.`,
    });
  }
  try {
    if (!statSync(absolutePath).isFile()) throw new Error('not a regular file');
    return readFileSync(absolutePath);
  } catch (cause) {
    throw new PipelineError({
      code: 'SOURCE_UNREADABLE',
      message: `The input file ${name} could not be read: ${(cause as Error).message}.`,
      file: absolutePath,
      fix: 'Check that the path is a readable regular file (permissions, not a folder).',
    });
  }
}

/** Decodes UTF-8 strictly: a corrupt byte sequence is an error, not a silent U+FFFD. */
export function decodeUtf8(bytes: Buffer, absolutePath: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PipelineError({
      code: 'SOURCE_UNREADABLE',
      message: `${path.basename(absolutePath)} is not valid UTF-8 text.`,
      file: absolutePath,
      fix: 'Restore the file from its source; it must be UTF-8 encoded.',
    });
  }
}

export interface HashedInput {
  file: string;
  sha256: string;
  bytes: number;
}

/** sha256 and size of files, in the order given (for the manifest and staleness). */
export function hashFiles(files: readonly InputFile[]): HashedInput[] {
  return files.map((input) => {
    const bytes = readInput(input.absolutePath);
    return { file: input.label, sha256: sha256Hex(bytes), bytes: bytes.length };
  });
}

/** sha256 and size of every input of a demo build, in a fixed order. */
export const hashInputs = (): HashedInput[] => hashFiles(inputFiles());

/** The reference sources alone (what an import builds its reference layer from). */
export function referenceSourceFiles(): InputFile[] {
  const dir = sourcesDir();
  return Object.values(SOURCE_FILES).map((file) => ({ label: `sources/${file}`, absolutePath: path.join(dir, file) }));
}

/** Parses a JSON source, or fails naming the file, the position and the fix. */
export function parseJsonSource(text: string, file: string, code: 'GEOJSON_MALFORMED' | 'TOTALS_INVALID', fix: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = (cause as Error).message;
    throw new PipelineError({
      code,
      message: `${path.basename(file)} is not valid JSON (${detail}).`,
      file,
      where: detail.match(/position \d+/)?.[0] ?? 'unknown position',
      fix,
    });
  }
}
