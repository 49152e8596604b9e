/**
 * Record counts per commune for one layer and filter: the building block of choropleths,
 * unit profiles, hotspots and the planner.
 */
import type { Database, Params } from '../db/database';
import { flowParams, stockParams, type DataFilter } from './filters';

export const COUNT_LAYERS = ['groups', 'models', 'tips', 'events'] as const;
export type CountLayer = (typeof COUNT_LAYERS)[number];

export interface CommuneCount {
  code: string;
  /** Records (events: summed quantity). */
  n: number;
  /** Households in the counted groups (groups layer only, else 0). */
  households: number;
}

const QUERIES: Record<CountLayer, { sql: string; params: (f: DataFilter) => Params }> = {
  groups: {
    // groups active at $1, per commune, with the households they include
    sql: `SELECT commune_code AS code, count(*)::INTEGER AS n, sum(households)::INTEGER AS households
          FROM groups WHERE founded_on <= $1::DATE AND ($2::VARCHAR IS NULL OR district_code = $2::VARCHAR)
          GROUP BY commune_code`,
    params: stockParams,
  },
  models: {
    // models active at $1, per commune
    sql: `SELECT commune_code AS code, count(*)::INTEGER AS n, 0 AS households
          FROM models WHERE founded_on <= $1::DATE AND ($2::VARCHAR IS NULL OR district_code = $2::VARCHAR)
          GROUP BY commune_code`,
    params: stockParams,
  },
  tips: {
    // tips dated within [$1, $2], per commune
    sql: `SELECT commune_code AS code, count(*)::INTEGER AS n, 0 AS households
          FROM tips WHERE date BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR district_code = $3::VARCHAR)
          GROUP BY commune_code`,
    params: flowParams,
  },
  events: {
    // outcome events within [$1, $2], per commune, as summed quantity
    sql: `SELECT commune_code AS code, sum(quantity)::INTEGER AS n, 0 AS households
          FROM events WHERE date BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR district_code = $3::VARCHAR)
          GROUP BY commune_code`,
    params: flowParams,
  },
};

/** Counts keyed by commune code; communes without records are absent (read them as 0). */
export async function communeCounts(db: Database, layer: CountLayer, filter: DataFilter): Promise<Map<string, CommuneCount>> {
  const query = QUERIES[layer];
  const rows = await db.all<CommuneCount & Record<string, unknown>>(query.sql, query.params(filter));
  return new Map(rows.map((r) => [r.code, { code: r.code, n: r.n, households: r.households }]));
}
