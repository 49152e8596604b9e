/**
 * The one path from a reference layer and a set of records (simulated or imported) to a new
 * version in the store: a temp directory; GeoJSON; tlg.duckdb and Parquet tables; the daily
 * rollup; the totals queried back and checked; the manifest; then one rename into versions/
 * and the ACTIVE pointer. Any failure removes the temp directory and leaves the store as it was.
 * The caller holds the store lock.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Period } from '#contract';
import { BUILD_FILES, type Manifest, type TableName } from '../../schema';
import { commitVersion, createTempDir } from '../../store/commit';
import { recordActivation } from '../../store/history';
import { versionDir } from '../../store/layout';
import { pruneVersions } from '../../store/prune';
import { newVersionId, type VersionKind } from '../../store/version-id';
import { isPipelineError, PipelineError } from '../errors';
import type { ReferenceData } from '../reference/types';
import type { HashedInput } from '../sources/files';
import type { Progress } from '../support/progress';
import { codeVersion } from './code-version';
import { contextGeojson } from './context-geojson';
import { communesGeojson, districtsGeojson, provinceGeojson, units2025Geojson } from './geojson';
import { buildManifest, describeOutputs, type ManifestOrigin } from './manifest';
import { queryRecordPeriod } from './period';
import { communeRows, crosswalkRows, districtRows, unit2025Rows } from './reference-rows';
import { writeRollup } from './rollup';
import { writeTables, type TableRows, type TableSource } from './tables';
import { queryTotals } from './totals';

export type RecordTables = Record<'villages' | 'groups' | 'models' | 'tips' | 'events', TableSource>;

export interface VersionSpec {
  store: string;
  kind: VersionKind;
  reference: ReferenceData;
  records: RecordTables;
  inputs: HashedInput[];
  origin: ManifestOrigin;
  /** Fixed period (the demo's published one), or undefined to take the records' own span. */
  period?: Period;
  /** Throws when the queried totals are not what this build must produce. */
  check: (totals: Record<string, number>) => void;
  /** Figures known only to the producer (e.g. tips per planted cluster), added to the totals. */
  extraTotals?: Record<string, number>;
  keepVersions: number;
  progress: Progress;
}

/** Waits out the (same-second, same-content) case where the id is already taken. */
async function freshVersionId(store: string, kind: VersionKind, hash: string): Promise<{ version: string; at: Date }> {
  for (;;) {
    const at = new Date();
    const version = newVersionId(kind, hash, at);
    if (!existsSync(versionDir(store, version))) return { version, at };
    await sleep(250);
  }
}

export async function writeVersion(spec: VersionSpec): Promise<{ manifest: Manifest; dir: string }> {
  const { store, reference, progress } = spec;
  const temp = createTempDir(store);
  try {
    const geojson = await progress.step('writing GeoJSON', () => {
      const files = [
        { file: BUILD_FILES.communesGeojson, text: communesGeojson(reference.communes), rows: reference.communes.length },
        { file: BUILD_FILES.districtsGeojson, text: districtsGeojson(reference.districts), rows: reference.districts.length },
        { file: BUILD_FILES.provinceGeojson, text: provinceGeojson(reference.province), rows: 1 },
        { file: BUILD_FILES.units2025Geojson, text: units2025Geojson(reference), rows: reference.units2025.length },
        { file: BUILD_FILES.contextGeojson, text: contextGeojson(reference.context), rows: reference.context.length },
      ];
      for (const f of files) writeFileSync(path.join(temp, f.file), f.text);
      return files.map(({ file, rows }) => ({ file, rows }));
    });
    const rows: TableRows = {
      communes: communeRows(reference.communes),
      districts: districtRows(reference.districts),
      units_2025: unit2025Rows(reference.units2025),
      ...spec.records,
      crosswalk_2025: crosswalkRows(reference.crosswalk),
    };
    const tables = await progress.step('writing tlg.duckdb and Parquet tables', () =>
      writeTables(temp, rows, (table, count) => progress.note(`${table}: ${count.toLocaleString('en-US')} rows`)),
    );
    const rollupRows = await progress.step('deriving the daily per-commune rollup in tlg.duckdb', () => writeRollup(temp));
    progress.note(`commune_day: ${rollupRows.toLocaleString('en-US')} rows`);
    const totals = await progress.step('checking the totals queried back from tlg.duckdb', async () => {
      const queried = await queryTotals(temp);
      spec.check(queried);
      return { ...queried, ...spec.extraTotals };
    });
    const period = spec.period ?? (await queryRecordPeriod(temp));
    if (!period) {
      throw new PipelineError({ code: 'OUTPUT_FAILED', message: 'The data set has no record, so it has no period.', fix: 'Import at least one valid row.' });
    }
    const { version, at } = await freshVersionId(store, spec.kind, spec.origin.contentHash);
    const manifest = await progress.step('writing manifest', async () => {
      const outputs = await describeOutputs(temp, [...geojson, ...tables.map((t) => ({ file: t.file, rows: t.rows })), { file: BUILD_FILES.database }]);
      const built = buildManifest({
        version,
        origin: spec.origin,
        inputs: spec.inputs,
        outputs,
        rows: Object.fromEntries(tables.map((t) => [t.table, t.rows])) as Record<TableName, number>,
        period,
        totals,
        unmapped: reference.unmapped2025,
        codeVersion: codeVersion(),
        builtAt: at,
      });
      writeFileSync(path.join(temp, BUILD_FILES.manifest), `${JSON.stringify(built, null, 2)}\n`);
      return built;
    });
    const dir = await progress.step(`making ${version} the active version`, () => commitVersion(store, temp, version));
    recordActivation(store, { version, at: manifest.built_at, by: spec.origin.builtBy, reason: spec.kind === 'demo' ? 'build' : 'import' });
    const pruned = pruneVersions(store, spec.keepVersions);
    if (pruned.length > 0) progress.note(`removed old versions (keeping ${spec.keepVersions}): ${pruned.join(', ')}`);
    return { manifest, dir };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (isPipelineError(error)) throw error;
    throw new PipelineError({
      code: 'OUTPUT_FAILED',
      message: `Writing the data set failed: ${(error as Error).message}`,
      file: store,
      fix: 'Check free disk space and permissions of the data directory; the active data set was left untouched.',
    });
  }
}
