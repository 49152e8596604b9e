/**
 * Counts per H3 cell: the basis of the group-density heatmap and the tip hex layer. Tip cells
 * come from the role's figures: below admin only the cells with enough tips to publish, so
 * the map shows where tips concentrate without a sea of hidden cells.
 */
import type { GridLayer, H3Resolution } from '#contract';
import type { GridResponse } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import type { DataFilter } from '../queries/filters';
import { gridCounts } from '../queries/grid';
import type { FigureSource } from './figures/figure-source';

export async function gridOf(dataset: Dataset, figures: FigureSource, layer: GridLayer, resolution: H3Resolution, filter: DataFilter): Promise<GridResponse> {
  if (layer !== 'tips') {
    const cells = (await gridCounts(dataset.db, layer, resolution, filter)).map((cell) => ({ h3: cell.h3, count: cell.n }));
    return { layer, resolution, period: filter.period, cells, synthetic: dataset.synthetic };
  }
  figures.assertReportable(filter.period);
  // Cells are protected province-wide (one figure per cell whatever the filter); a district filter selects among them.
  const shown = await figures.cells(resolution, filter.period);
  const inDistrict = filter.district ? new Set((await gridCounts(dataset.db, 'tips', resolution, filter)).map((cell) => cell.h3)) : null;
  const cells = [...shown]
    .filter(([h3]) => !inDistrict || inDistrict.has(h3))
    .map(([h3, figure]) => ({ h3, count: figure.value, ...(figure.estimated ? { estimated: true as const } : {}) }));
  return { layer, resolution, period: filter.period, cells, synthetic: dataset.synthetic, protection: figures.protection(filter.period) };
}
