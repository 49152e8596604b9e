/**
 * Group or model locations in a bbox, as compact columns (for Arrow) or full rows (for JSON).
 * Beyond the limit the answer is 413: zoom in or narrow the filter.
 */
import { POINT_LIMITS, type Bbox, type PointLayer } from '#contract';
import type { PointsJsonResponse } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import { ApiError } from '../errors';
import type { DataFilter } from '../queries/filters';
import { countPoints, pointColumns, pointRows, type PointColumns } from '../queries/points';

const WORLD: Bbox = [-180, -90, 180, 90];

export type PointsResult = { total: number } & ({ format: 'arrow'; columns: PointColumns } | { format: 'json'; body: PointsJsonResponse });

export async function pointsOf(
  dataset: Dataset,
  query: { layer: PointLayer; bbox?: Bbox; limit: number; format: 'arrow' | 'json' },
  filter: DataFilter,
): Promise<PointsResult> {
  const bbox = query.bbox ?? WORLD;
  const total = await countPoints(dataset.db, query.layer, filter, bbox);
  if (total > query.limit) {
    throw new ApiError(413, 'too_many_points', `The request matches ${total} points, more than the limit of ${query.limit}; zoom in, pick a district or raise limit (at most ${POINT_LIMITS.max}).`, {
      count: total,
      limit: query.limit,
      max_limit: POINT_LIMITS.max,
    });
  }
  if (query.format === 'json') {
    const points = (await pointRows(dataset.db, query.layer, filter, bbox)) as PointsJsonResponse['points'];
    return { total, format: 'json', body: { layer: query.layer, count: total, period: filter.period, synthetic: dataset.synthetic, points } };
  }
  return { total, format: 'arrow', columns: await pointColumns(dataset.db, query.layer, filter, bbox) };
}
