/**
 * Group or model locations in a bbox, as compact columns (for Arrow) or full rows (for JSON).
 * One scan when they fit: the query asks for limit + 1 rows, so the extra row tells that more
 * match without counting them first. Beyond the limit the answer is their clusters, counted per
 * grid cell (cluster-grid.ts), never an error: every layer can be drawn at every scale.
 */
import { POINT_KINDS, POINTS_DAY_EPOCH, type Bbox, type PointLayer } from '#contract';
import type { PointsJsonResponse } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import type { DataFilter } from '../queries/filters';
import { pointClusters, pointColumns, pointRows, type ClusterColumns, type PointColumns } from '../queries/points';
import { clusterCellDegrees, intersect } from './cluster-grid';

const WORLD: Bbox = [-180, -90, 180, 90];
const DAY_MS = 86_400_000;
const EPOCH_MS = Date.parse(`${POINTS_DAY_EPOCH}T00:00:00Z`);

export interface PointsQuery {
  layer: PointLayer;
  bbox?: Bbox;
  limit: number;
  format: 'arrow' | 'json';
}

/** What the route sends: the records one by one, or their clusters; `total` records matched either way. */
export type PointsAnswer =
  | { form: 'points'; total: number; format: 'arrow'; columns: PointColumns }
  | { form: 'clusters'; total: number; cellDegrees: number; clusters: number; format: 'arrow'; columns: ClusterColumns }
  | { form: PointsJsonResponse['form']; total: number; format: 'json'; body: PointsJsonResponse };

/** Where the records of the filter can lie: the province, or the district asked for. */
function recordArea(dataset: Dataset, filter: DataFilter): Bbox {
  return (filter.district ? dataset.unitByCode.get(filter.district)?.bbox : undefined) ?? dataset.province.bbox;
}

async function clustersOf(dataset: Dataset, query: PointsQuery, filter: DataFilter, bbox: Bbox) {
  const cellDegrees = clusterCellDegrees(intersect(bbox, recordArea(dataset, filter)) ?? bbox, query.limit);
  const { rows, columns } = await pointClusters(dataset.db, query.layer, filter, bbox, cellDegrees);
  let total = 0;
  for (const n of columns.count) total += n;
  return { cellDegrees, rows, columns, total };
}

const isoDay = (day: number) => new Date(EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10);

function clustersJson(layer: PointLayer, columns: ClusterColumns, rows: number) {
  const kinds: readonly string[] = POINT_KINDS[layer];
  return Array.from({ length: rows }, (_, i) => ({
    lon: columns.lon[i]!,
    lat: columns.lat[i]!,
    count: columns.count[i]!,
    kind: kinds[columns.kind[i]!] ?? 'unknown',
    first_founded_on: isoDay(columns.day[i]!),
  }));
}

export async function pointsOf(dataset: Dataset, query: PointsQuery, filter: DataFilter): Promise<PointsAnswer> {
  const bbox = query.bbox ?? WORLD;
  const head = { layer: query.layer, period: filter.period, synthetic: dataset.synthetic };
  if (query.format === 'json') {
    const points = (await pointRows(dataset.db, query.layer, filter, bbox, query.limit + 1)) as Extract<PointsJsonResponse, { form: 'points' }>['points'];
    if (points.length <= query.limit) {
      return { form: 'points', total: points.length, format: 'json', body: { ...head, form: 'points', count: points.length, points } };
    }
    const { cellDegrees, rows, columns, total } = await clustersOf(dataset, query, filter, bbox);
    return {
      form: 'clusters',
      total,
      format: 'json',
      body: { ...head, form: 'clusters', count: total, cell_degrees: cellDegrees, clusters: clustersJson(query.layer, columns, rows) },
    };
  }
  const points = await pointColumns(dataset.db, query.layer, filter, bbox, query.limit + 1);
  if (points.rows <= query.limit) return { form: 'points', total: points.rows, format: 'arrow', columns: points.columns };
  const { cellDegrees, rows, columns, total } = await clustersOf(dataset, query, filter, bbox);
  return { form: 'clusters', total, cellDegrees, clusters: rows, format: 'arrow', columns };
}
