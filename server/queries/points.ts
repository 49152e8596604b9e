/**
 * Point records of the groups or models layer inside a bbox, active at the end of the period.
 * Tips and outcome events are never served as points (informant privacy).
 */
import { POINT_KINDS, POINTS_DAY_EPOCH, type Bbox, type PointLayer } from '#contract';
import type { Database, Params } from '../dataset/database';
import type { DataFilter } from './filters';
const KIND_COLUMN: Record<PointLayer, string> = { groups: 'area_class', models: 'setting' };
const DETAIL_COLUMNS: Record<PointLayer, string> = {
  groups: 'commune_code, households, ethnic_minority, religious',
  models: 'name, commune_code',
};

// $1 end of period (active then: founded, not yet dissolved), $2 district, $3..$6 bbox
const WHERE = `founded_on <= $1::DATE AND (dissolved_on IS NULL OR dissolved_on > $1::DATE) AND ($2::VARCHAR IS NULL OR district_code = $2::VARCHAR)
  AND lon BETWEEN $3::DOUBLE AND $5::DOUBLE AND lat BETWEEN $4::DOUBLE AND $6::DOUBLE`;

const params = (filter: DataFilter, bbox: Bbox): Params => [filter.period.to, filter.district, ...bbox];

export async function countPoints(db: Database, layer: PointLayer, filter: DataFilter, bbox: Bbox): Promise<number> {
  const row = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${layer} WHERE ${WHERE}`, params(filter, bbox));
  return row.n;
}

export interface PointColumns {
  lon: Float32Array;
  lat: Float32Array;
  day: Uint16Array;
  kind: Uint8Array;
}

/** Compact columns: 4 + 4 + 2 + 1 = 11 bytes per point. */
export async function pointColumns(db: Database, layer: PointLayer, filter: DataFilter, bbox: Bbox): Promise<PointColumns> {
  const kinds: readonly string[] = POINT_KINDS[layer];
  const cols = await db.columns(
    `SELECT lon, lat, (founded_on - DATE '${POINTS_DAY_EPOCH}')::INTEGER AS day, ${KIND_COLUMN[layer]} AS kind
     FROM ${layer} WHERE ${WHERE} ORDER BY id`,
    params(filter, bbox),
  );
  const kindIndex = new Map(kinds.map((k, i) => [k, i]));
  return {
    lon: Float32Array.from(cols.lon as number[]),
    lat: Float32Array.from(cols.lat as number[]),
    day: Uint16Array.from(cols.day as number[]),
    kind: Uint8Array.from((cols.kind as string[]).map((k) => kindIndex.get(k) ?? 255)),
  };
}

/** Full rows for the JSON form. */
export async function pointRows(db: Database, layer: PointLayer, filter: DataFilter, bbox: Bbox): Promise<Record<string, unknown>[]> {
  return db.all(
    `SELECT id, lon, lat, strftime(founded_on, '%Y-%m-%d') AS founded_on, ${KIND_COLUMN[layer]} AS kind, ${DETAIL_COLUMNS[layer]}
     FROM ${layer} WHERE ${WHERE} ORDER BY id`,
    params(filter, bbox),
  );
}
