/**
 * One full build of the data set into a temporary directory beside the target, swapped in
 * only when everything is written and checked: sources → reference layer → demo data →
 * GeoJSON + DuckDB/Parquet → totals queried back and checked → manifest → swap.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { publishedTotalsPath } from '../paths';
import { BUILD_FILES, type Manifest, type TableName } from '../schema';
import { loadSimulationConfig } from './config';
import { isPipelineError, PipelineError } from './errors';
import { createTempBuildDir, swapIntoPlace } from './output/build-dir';
import { codeVersion } from './output/code-version';
import { contextGeojson } from './output/context-geojson';
import { communesGeojson, districtsGeojson, provinceGeojson, units2025Geojson } from './output/geojson';
import { buildManifest, describeOutputs } from './output/manifest';
import { readManifest } from './output/read-manifest';
import { communeRows, crosswalkRows, districtRows, unit2025Rows } from './output/reference-rows';
import { writeRollup } from './output/rollup';
import { writeTables, type TableRows } from './output/tables';
import { checkTotals, queryTotals } from './output/totals';
import { loadReference } from './reference/load-reference';
import { simulateDemoData } from './simulate/simulate';
import { loadContext } from './sources/context';
import { decodeUtf8, hashInputs, readInput } from './sources/files';
import { parsePublishedTotals } from './sources/published-totals';
import { createProgress } from './support/progress';

export interface BuildOptions {
  buildDir: string;
  seed: number;
  scale: number;
  log: (line: string) => void;
}

export async function buildDataset({ buildDir: target, seed, scale, log }: BuildOptions): Promise<Manifest> {
  const progress = createProgress(log);
  log(`Building the data set in ${target} (seed ${seed}, scale ${scale}; demo records are SIMULATED).`);

  const inputs = await progress.step('hashing inputs', hashInputs);
  const code = codeVersion();
  const reference = await progress.step('reading boundaries, census and crosswalk; joining 137 communes; dissolving districts and 2025 units', loadReference);
  progress.note(`${reference.communes.length} communes joined, ${reference.districts.length} districts, ${reference.units2025.length} units of 2025, ${reference.unmapped2025.length} old communes unmapped`);
  const context = await progress.step('reading the map context (neighbouring provinces, rivers, towns)', loadContext);
  const { config, totals } = await progress.step('reading configs and published totals', () => {
    const file = publishedTotalsPath();
    return { config: loadSimulationConfig(), totals: parsePublishedTotals(decodeUtf8(readInput(file), file), file) };
  });
  const { data, report } = await progress.step(`simulating demo data`, () =>
    simulateDemoData(reference, config, totals, { seed, scale, step: (name) => progress.note(`simulating ${name}`) }),
  );
  progress.note(
    `${data.villages.length} villages, ${data.groups.length} groups, ${data.models.length} models, ${data.tips.length} tips (planted: ${Object.entries(report.tipsPerCluster)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ')}), ${data.events.length} outcome events`,
  );

  const temp = createTempBuildDir(target);
  try {
    const geojson = await progress.step('writing GeoJSON', () => {
      const files = [
        { file: BUILD_FILES.communesGeojson, text: communesGeojson(reference.communes), rows: reference.communes.length },
        { file: BUILD_FILES.districtsGeojson, text: districtsGeojson(reference.districts), rows: reference.districts.length },
        { file: BUILD_FILES.provinceGeojson, text: provinceGeojson(reference.province), rows: 1 },
        { file: BUILD_FILES.units2025Geojson, text: units2025Geojson(reference), rows: reference.units2025.length },
        { file: BUILD_FILES.contextGeojson, text: contextGeojson(context), rows: context.length },
      ];
      for (const f of files) writeFileSync(path.join(temp, f.file), f.text);
      return files.map(({ file, rows }) => ({ file, rows }));
    });
    const rows: TableRows = {
      communes: communeRows(reference.communes),
      districts: districtRows(reference.districts),
      units_2025: unit2025Rows(reference.units2025),
      villages: data.villages,
      groups: data.groups,
      models: data.models,
      tips: data.tips,
      events: data.events,
      crosswalk_2025: crosswalkRows(reference.crosswalk),
    };
    const tables = await progress.step('writing tlg.duckdb and Parquet tables', () =>
      writeTables(temp, rows, (table, count) => progress.note(`${table}: ${count.toLocaleString('en-US')} rows`)),
    );
    const rollupRows = await progress.step('deriving the daily per-commune rollup in tlg.duckdb', () => writeRollup(temp));
    progress.note(`commune_day: ${rollupRows.toLocaleString('en-US')} rows`);
    const figures = await progress.step('checking totals in tlg.duckdb against the published figures', async () => {
      const queried = await queryTotals(temp);
      checkTotals(queried, totals, scale, data.tips.length);
      return queried;
    });
    for (const [id, n] of Object.entries(report.tipsPerCluster)) figures[`tips.planted_cluster.${id}`] = n;

    await progress.step('writing manifest', async () => {
      const outputs = await describeOutputs(temp, [
        ...geojson,
        ...tables.map((t) => ({ file: t.file, rows: t.rows })),
        { file: BUILD_FILES.database },
      ]);
      const manifest = buildManifest({
        inputs,
        outputs,
        rows: Object.fromEntries(tables.map((t) => [t.table, t.rows])) as Record<TableName, number>,
        totals: figures,
        unmapped: reference.unmapped2025,
        codeVersion: code,
        seed,
        scale,
        builtAt: new Date(),
      });
      writeFileSync(path.join(temp, BUILD_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    });
    await progress.step('swapping the new build into place', () => swapIntoPlace(temp, target));
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (isPipelineError(error)) throw error;
    throw new PipelineError({
      code: 'OUTPUT_FAILED',
      message: `Writing the data set failed: ${(error as Error).message}`,
      file: target,
      fix: 'Check free disk space and permissions of the build directory; the previous build was left untouched.',
    });
  }
  const manifest = readManifest(target);
  if (!manifest) throw new PipelineError({ code: 'OUTPUT_FAILED', message: 'The manifest vanished after the swap.', file: target, fix: 'Run the build again.' });
  log(`Data set ${manifest.version} ready in ${progress.elapsedSeconds().toFixed(1)} s.`);
  return manifest;
}
