/**
 * The release tables of a data set, built once per data set and privacy configuration: exact
 * cell counts and cell keys from DuckDB, protected by the pure functions in server/privacy.
 */
import type { Dataset } from '../../dataset/dataset';
import type { PerturbationParameters } from '../../privacy/perturbation';
import { releaseTable, type EmptyCells, type ReleaseTable } from '../../privacy/release';
import { releaseCellCounts, type ReleaseTableName } from '../../queries/cell-counts';

export interface PrivacySettings extends PerturbationParameters {
  /** Deployment secret the record keys derive from. */
  secret: string;
}

/** Tables whose empty/non-empty pattern would bound a coarser hidden cell merge empty with small. */
const EMPTY_CELLS: Record<ReleaseTableName, EmptyCells> = {
  tips_commune_year: 'distinct',
  events_commune_year: 'distinct',
  kinds_province_year: 'distinct',
  kinds_district_year: 'merged',
  tips_h3r7_year: 'merged',
  tips_h3r8_year: 'merged',
};

export interface ReleaseTables {
  tables: Record<ReleaseTableName, ReleaseTable>;
  /** H3 cells with any tip, per resolution. */
  h3Cells: { 7: string[]; 8: string[] };
}

const built = new WeakMap<Dataset, Map<string, Promise<ReleaseTables>>>();

async function build(dataset: Dataset, settings: PrivacySettings): Promise<ReleaseTables> {
  const counted = await releaseCellCounts(dataset.db, settings.secret);
  const tables = Object.fromEntries(
    (Object.keys(EMPTY_CELLS) as ReleaseTableName[]).map((name) => [name, releaseTable(counted.get(name) ?? [], EMPTY_CELLS[name], settings)]),
  ) as Record<ReleaseTableName, ReleaseTable>;
  const unitsOf = (name: ReleaseTableName) => [...new Set((counted.get(name) ?? []).map((cell) => cell.unit))].sort();
  return { tables, h3Cells: { 7: unitsOf('tips_h3r7_year'), 8: unitsOf('tips_h3r8_year') } };
}

/** The data set's release tables under these settings (built on first use, then kept with the data set). */
export function releaseTables(dataset: Dataset, settings: PrivacySettings): Promise<ReleaseTables> {
  let bySettings = built.get(dataset);
  if (!bySettings) {
    bySettings = new Map();
    built.set(dataset, bySettings);
  }
  const key = `${settings.threshold}/${settings.noiseBound}/${settings.secret}`;
  let tables = bySettings.get(key);
  if (!tables) {
    tables = build(dataset, settings);
    tables.catch(() => bySettings.delete(key));
    bySettings.set(key, tables);
  }
  return tables;
}
