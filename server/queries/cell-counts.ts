/**
 * Exact counts and cell keys of the protected cells (see server/privacy): for every cell of the
 * release tables, its count and the sum of its records' keys modulo 2³². A record's key is the
 * first 32 bits of SHA-256 of the deployment's secret, the table and the record id: stable
 * across rebuilds of the same records, unknowable without the secret (it never leaves the
 * server; the keys themselves are never stored or sent).
 */
import type { Database } from '../dataset/database';

export interface CellCount {
  /** Commune or district code, H3 cell, or '' for the province. */
  unit: string;
  year: number;
  /** Outcome kind of the kind tables, else ''. */
  kind: string;
  count: number;
  keySum: number;
}

export const TIP_TABLES = ['tips_commune_year', 'tips_h3r7_year', 'tips_h3r8_year'] as const;
export const EVENT_TABLES = ['events_commune_year', 'kinds_district_year', 'kinds_province_year'] as const;
export type ReleaseTableName = (typeof TIP_TABLES)[number] | (typeof EVENT_TABLES)[number];

const RECORD_KEY = (table: string) => `('0x' || left(sha256($1::VARCHAR || ':${table}:' || id), 8))::UBIGINT`;

// $1 the secret. One scan: every tip once, grouped three ways.
const TIPS_SQL = `
  WITH keyed AS (SELECT commune_code, h3_r7, h3_r8, year(date)::INTEGER AS year, ${RECORD_KEY('tips')} AS record_key FROM tips)
  SELECT CASE WHEN GROUPING(commune_code) = 0 THEN 'tips_commune_year' WHEN GROUPING(h3_r7) = 0 THEN 'tips_h3r7_year' ELSE 'tips_h3r8_year' END AS release_table,
         coalesce(commune_code, h3_r7, h3_r8) AS unit, year, '' AS kind,
         count(*)::INTEGER AS count, (sum(record_key) % 4294967296)::DOUBLE AS key_sum
  FROM keyed GROUP BY GROUPING SETS ((commune_code, year), (h3_r7, year), (h3_r8, year))`;

// $1 the secret. Outcome events count by quantity; one scan, grouped three ways.
const EVENTS_SQL = `
  WITH keyed AS (SELECT commune_code, district_code, kind, quantity, year(date)::INTEGER AS year, ${RECORD_KEY('events')} AS record_key FROM events)
  SELECT CASE WHEN GROUPING(commune_code) = 0 THEN 'events_commune_year' WHEN GROUPING(district_code) = 0 THEN 'kinds_district_year' ELSE 'kinds_province_year' END AS release_table,
         coalesce(commune_code, district_code, '') AS unit, year,
         CASE WHEN GROUPING(kind) = 0 THEN kind ELSE '' END AS kind,
         sum(quantity)::INTEGER AS count, (sum(record_key) % 4294967296)::DOUBLE AS key_sum
  FROM keyed GROUP BY GROUPING SETS ((commune_code, year), (district_code, year, kind), (year, kind))`;

type CellRow = {
  release_table: ReleaseTableName;
  unit: string;
  year: number;
  kind: string;
  count: number;
  key_sum: number;
};

/** Every release table's cells with at least one record. */
export async function releaseCellCounts(db: Database, secret: string): Promise<Map<ReleaseTableName, CellCount[]>> {
  const rows = [...(await db.all<CellRow>(TIPS_SQL, [secret])), ...(await db.all<CellRow>(EVENTS_SQL, [secret]))];
  const tables = new Map<ReleaseTableName, CellCount[]>();
  for (const row of rows) {
    const cells = tables.get(row.release_table) ?? [];
    cells.push({ unit: row.unit, year: row.year, kind: row.kind, count: row.count, keySum: row.key_sum });
    tables.set(row.release_table, cells);
  }
  return tables;
}
