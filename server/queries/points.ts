/**
 * Point records of the groups or models layer inside a bbox, active at the end of the period:
 * one by one (compact typed columns, or full rows for JSON) or counted per square grid cell.
 * Tips and outcome events are never served as points (informant privacy).
 *
 * No ORDER BY: the tables are stored along a Hilbert curve (data/pipeline/output/spatial-order.ts)
 * and DuckDB returns rows in stored order (preserve_insertion_order, on by default), so both forms
 * list the same records in the same order, and LIMIT stops the scan early instead of sorting all.
 */
import { listValue } from '@duckdb/node-api';
import { POINT_KINDS, POINTS_DAY_EPOCH, type Bbox, type PointLayer } from '#contract';
import type { Database, Params } from '../dataset/database';
import type { DataFilter } from './filters';

const KIND_COLUMN: Record<PointLayer, string> = { groups: 'area_class', models: 'setting' };
const DETAIL_COLUMNS: Record<PointLayer, string> = {
  groups: 'commune_code, households, ethnic_minority, religious',
  models: 'name, commune_code',
};

/** The kind index of a value outside the contract's list (never in the built data). */
export const UNKNOWN_KIND = 255;

// $1 end of period (active then: founded, not yet dissolved), $2 district, $3..$6 bbox, $7 the kinds in index order, $8 the day epoch
const WHERE = `founded_on <= $1::DATE AND (dissolved_on IS NULL OR dissolved_on > $1::DATE) AND ($2::VARCHAR IS NULL OR district_code = $2::VARCHAR)
  AND lon BETWEEN $3::DOUBLE AND $5::DOUBLE AND lat BETWEEN $4::DOUBLE AND $6::DOUBLE`;
const DAY = `(founded_on - $8::DATE)`;
const kindIndex = (layer: PointLayer) => `coalesce(list_position($7::VARCHAR[], ${KIND_COLUMN[layer]}) - 1, ${UNKNOWN_KIND})`;

const whereParams = (filter: DataFilter, bbox: Bbox): Params => [filter.period.to, filter.district, ...bbox];
/** The parameters of the compact forms: the filter, the kinds, the epoch, then `last` as $9. */
const compactParams = (layer: PointLayer, filter: DataFilter, bbox: Bbox, last: number): Params => [
  ...whereParams(filter, bbox),
  listValue([...POINT_KINDS[layer]]),
  POINTS_DAY_EPOCH,
  last,
];

const POINT_TYPES = { lon: 'FLOAT', lat: 'FLOAT', day: 'USMALLINT', kind: 'UTINYINT' } as const;
const CLUSTER_TYPES = { ...POINT_TYPES, count: 'UINTEGER' } as const;

export interface PointColumns {
  lon: Float32Array;
  lat: Float32Array;
  day: Uint16Array;
  kind: Uint8Array;
}

export interface ClusterColumns extends PointColumns {
  count: Uint32Array;
}

/** At most `maxRows` points as compact columns: 4 + 4 + 2 + 1 = 11 bytes per point. */
export async function pointColumns(db: Database, layer: PointLayer, filter: DataFilter, bbox: Bbox, maxRows: number): Promise<{ rows: number; columns: PointColumns }> {
  return db.typedColumns(
    `SELECT lon::FLOAT AS lon, lat::FLOAT AS lat, ${DAY}::USMALLINT AS day, ${kindIndex(layer)}::UTINYINT AS kind
     FROM ${layer} WHERE ${WHERE} LIMIT $9`,
    compactParams(layer, filter, bbox, maxRows),
    POINT_TYPES,
  );
}

/** At most `maxRows` full rows, for the JSON form, in the order of `pointColumns`. */
export async function pointRows(db: Database, layer: PointLayer, filter: DataFilter, bbox: Bbox, maxRows: number): Promise<Record<string, unknown>[]> {
  return db.all(
    `SELECT id, lon, lat, strftime(founded_on, '%Y-%m-%d') AS founded_on, ${KIND_COLUMN[layer]} AS kind, ${DETAIL_COLUMNS[layer]}
     FROM ${layer} WHERE ${WHERE} LIMIT $7`,
    [...whereParams(filter, bbox), maxRows],
  );
}

/**
 * The matching records counted per cell of a square grid aligned on multiples of
 * `cellDegrees`: mean position, earliest founding day, most common kind (ties to the lower
 * index) and count per cell, west to east then south to north.
 */
export async function pointClusters(db: Database, layer: PointLayer, filter: DataFilter, bbox: Bbox, cellDegrees: number): Promise<{ rows: number; columns: ClusterColumns }> {
  return db.typedColumns(
    `WITH per_kind AS (
       SELECT floor(lon / $9::DOUBLE)::BIGINT AS cx, floor(lat / $9::DOUBLE)::BIGINT AS cy, ${kindIndex(layer)} AS kind,
              count(*) AS n, sum(lon) AS sum_lon, sum(lat) AS sum_lat, min(${DAY}) AS first_day
       FROM ${layer} WHERE ${WHERE} GROUP BY ALL)
     SELECT (sum(sum_lon) / sum(n))::FLOAT AS lon, (sum(sum_lat) / sum(n))::FLOAT AS lat, min(first_day)::USMALLINT AS day,
            arg_max(kind, n * 256 - kind)::UTINYINT AS kind, sum(n)::UINTEGER AS count
     FROM per_kind GROUP BY cx, cy ORDER BY cx, cy`,
    compactParams(layer, filter, bbox, cellDegrees),
    CLUSTER_TYPES,
  );
}
