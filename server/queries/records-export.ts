/** Raw tip or outcome-event records for the audited admin export. */
import type { ExportLayer } from '#contract';
import type { Database } from '../dataset/database';
import { flowParams, type DataFilter } from './filters';


const SQL: Record<ExportLayer, string> = {
  // tips within [$1, $2] in district $3 (NULL = all), oldest first
  tips: `SELECT id, strftime(date, '%Y-%m-%d') AS date, commune_code, district_code, group_id, category, lon, lat, simulated
         FROM tips WHERE date BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR district_code = $3::VARCHAR)
         ORDER BY date, id`,
  // outcome events within [$1, $2] in district $3 (NULL = all), oldest first
  events: `SELECT id, strftime(date, '%Y-%m-%d') AS date, commune_code, district_code, group_id, kind, quantity, lon, lat, simulated
           FROM events WHERE date BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR district_code = $3::VARCHAR)
           ORDER BY date, id`,
};

export function exportRecords(db: Database, layer: ExportLayer, filter: DataFilter): Promise<Record<string, unknown>[]> {
  return db.all(SQL[layer], flowParams(filter));
}
