/**
 * The figures of the finished data set, queried back from the real tlg.duckdb (not from the
 * generator's or the importer's memory). Keys mirror GET /api/summary: `to_lien_gia.*`,
 * `bon_an_toan.*` (groups and models active now: not dissolved), `outcomes.*`, `census.*`;
 * `records.<table>` counts every row, `records.<tips|events>_without_group` those naming no group of the set. A demo build checks them against the published totals
 * times the scale (`checkTotals`), an import against the rows it accepted (`checkRecordCounts`).
 */
import { MODEL_SETTINGS, OUTCOME_KINDS } from '#contract';
import { PipelineError } from '../errors';
import type { PublishedTotals } from '../sources/published-totals';
import { BUILD_FILES, RECORD_KINDS, type RecordKind } from '../../schema';
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { DUCKDB_OFFLINE_OPTIONS } from './duckdb';

/** One row of integer figures, named by the query's column aliases. */
async function figures(connection: Awaited<ReturnType<DuckDBInstance['connect']>>, sql: string): Promise<Record<string, number>> {
  const reader = await connection.runAndReadAll(sql);
  const row = reader.getRowObjectsJS()[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

export async function queryTotals(dir: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(path.join(dir, BUILD_FILES.database), { ...DUCKDB_OFFLINE_OPTIONS, access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const groups = await figures(
      connection,
      `SELECT count(*)::INTEGER AS total_active,
              count(*) FILTER (WHERE area_class = 'rural')::INTEGER AS rural,
              count(*) FILTER (WHERE area_class = 'urban')::INTEGER AS urban,
              count(*) FILTER (WHERE area_class = 'unclassified')::INTEGER AS unclassified,
              count(*) FILTER (WHERE ethnic_minority)::INTEGER AS ethnic_minority_areas,
              count(*) FILTER (WHERE religious)::INTEGER AS religious_areas,
              coalesce(sum(households), 0)::INTEGER AS households_in_groups
       FROM groups WHERE dissolved_on IS NULL`,
    );
    const models = await figures(
      connection,
      `SELECT count(*)::INTEGER AS total, ${MODEL_SETTINGS.map((s) => `count(*) FILTER (WHERE setting = '${s}')::INTEGER AS "${s}"`).join(', ')} FROM models WHERE dissolved_on IS NULL`,
    );
    const tips = await figures(connection, 'SELECT count(*)::INTEGER AS security_tips_provided FROM tips');
    const outcomes = await figures(
      connection,
      `SELECT ${OUTCOME_KINDS.map((k) => `coalesce(sum(quantity) FILTER (WHERE kind = '${k}'), 0)::INTEGER AS "${k}"`).join(', ')}, count(*)::INTEGER AS events FROM events`,
    );
    const records = await figures(
      connection,
      `SELECT ${RECORD_KINDS.map((t) => `(SELECT count(*) FROM ${t})::INTEGER AS ${t}`).join(', ')},
              (SELECT count(*) FROM tips WHERE group_id NOT IN (SELECT id FROM groups))::INTEGER AS tips_without_group,
              (SELECT count(*) FROM events WHERE group_id NOT IN (SELECT id FROM groups))::INTEGER AS events_without_group`,
    );
    const census = await figures(connection, 'SELECT sum(population)::INTEGER AS population, sum(households)::INTEGER AS households, count(*)::INTEGER AS communes FROM communes');
    const other = await figures(
      connection,
      `SELECT (SELECT count(*) FROM villages)::INTEGER AS villages,
              (SELECT count(*) FROM units_2025)::INTEGER AS units_2025,
              (SELECT count(*) FROM crosswalk_2025 WHERE new_code IS NULL)::INTEGER AS unmapped_2025`,
    );
    return {
      ...prefixed('to_lien_gia', groups),
      'bon_an_toan.total': models.total ?? 0,
      ...prefixed('bon_an_toan.by_setting', Object.fromEntries(MODEL_SETTINGS.map((s) => [s, models[s] ?? 0]))),
      ...prefixed('outcomes', { ...tips, ...Object.fromEntries(OUTCOME_KINDS.map((k) => [k, outcomes[k] ?? 0])) }),
      'outcomes.events': outcomes.events ?? 0,
      'census.population': census.population ?? 0,
      'census.households': census.households ?? 0,
      'units.communes_2019': census.communes ?? 0,
      'units.units_2025': other.units_2025 ?? 0,
      'units.unmapped_2025': other.unmapped_2025 ?? 0,
      'villages.total': other.villages ?? 0,
      ...prefixed('records', records),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** Fails the build when a figure of the data set differs from the published one × scale. */
export function checkTotals(totals: Record<string, number>, published: PublishedTotals, scale: number, tipsTotal: number): void {
  const expected: Record<string, number> = {
    'to_lien_gia.total_active': published.groupsTotal * scale,
    'to_lien_gia.rural': published.groupsRural * scale,
    'to_lien_gia.urban': published.groupsUrban * scale,
    'to_lien_gia.unclassified': (published.groupsTotal - published.groupsRural - published.groupsUrban) * scale,
    'to_lien_gia.ethnic_minority_areas': published.groupsEthnicMinority * scale,
    'to_lien_gia.religious_areas': published.groupsReligious * scale,
    'bon_an_toan.total': published.modelsTotal * scale,
    'outcomes.security_tips_provided': tipsTotal,
    ...Object.fromEntries(OUTCOME_KINDS.map((k) => [`outcomes.${k}`, published.outcomes[k] * scale])),
  };
  const wrong = Object.entries(expected).filter(([key, value]) => totals[key] !== value);
  if (wrong.length > 0) {
    throw new PipelineError({
      code: 'OUTPUT_FAILED',
      message: `The built data set does not reproduce the published totals: ${wrong.map(([k, v]) => `${k} is ${totals[k]}, expected ${v}`).join('; ')}.`,
      fix: 'This is a bug in the generator (data/pipeline/simulate); the previous build was left in place.',
    });
  }
}

/** Fails an import when the tables hold other row counts than the records it wrote. */
export function checkRecordCounts(totals: Record<string, number>, expected: Record<RecordKind, number>): void {
  const wrong = RECORD_KINDS.filter((kind) => totals[`records.${kind}`] !== expected[kind]);
  if (wrong.length > 0) {
    throw new PipelineError({
      code: 'OUTPUT_FAILED',
      message: `The written data set does not hold the imported records: ${wrong.map((k) => `${k} has ${totals[`records.${k}`]} rows, expected ${expected[k]}`).join('; ')}.`,
      fix: 'This is a bug in the importer (data/import); the active data set was left in place.',
    });
  }
}
