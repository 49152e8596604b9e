/**
 * Getis-Ord Gi* hot spots of tips or outcome events, per commune or per H3 cell, for a period:
 * counts from DuckDB, neighbours from the data set, statistics from analytics/.
 */
import { giStarHotSpots, hotSpotWarnings } from '../analytics/hot-spots';
import { QUEEN_SNAP_DEGREES } from '../analytics/queen-contiguity';
import type { Period } from '#contract';
import type { HotspotsResponse, StatisticInputs } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import { publishedCellCounts, publishedCommuneCounts } from '../privacy/published-inputs';
import { communeCounts } from '../queries/commune-counts';
import { gridCounts, type GridResolution } from '../queries/grid';
import { communeQueenNeighbours, H3_RING, h3Universe } from '../dataset/neighbours';

export type HotspotLayer = 'tips' | 'events';
export type HotspotValue = 'count' | 'per_1k_households';

/**
 * Below admin the statistic is computed from published counts (hidden cells imputed from the
 * published totals), so z-scores cannot be solved back into hidden counts.
 */
const inputsNote = (k: number): StatisticInputs => (k > 1 ? 'published_counts' : 'exact_counts');

/** Per-commune Gi*, communes in code order. */
export async function communeHotspots(
  dataset: Dataset,
  options: { layer: HotspotLayer; value: HotspotValue; fdr: boolean; period: Period; k: number },
): Promise<HotspotsResponse> {
  const counts = await communeCounts(dataset, options.layer, { period: options.period, district: null });
  const raw = dataset.communes.map((c) => counts.get(c.code)?.n ?? 0);
  const published = publishedCommuneCounts(
    dataset.communes.map((c, i) => ({ code: c.code, district_code: c.district_code, count: raw[i]! })),
    options.k,
  );
  const values = dataset.communes.map((c, i) =>
    options.value === 'count' ? published.values[i]! : c.households > 0 ? (published.values[i]! / c.households) * 1000 : 0,
  );
  const neighbours = communeQueenNeighbours(dataset);
  const results = giStarHotSpots(values, neighbours, { fdr: options.fdr });
  const hidden = published.hidden;
  return {
    method: 'gi_star',
    weights: 'queen',
    neighbour_rule: { type: 'queen_vertex_snap', snap_degrees: QUEEN_SNAP_DEGREES, self_included: true, weights: 'binary' },
    layer: options.layer,
    unit: 'commune',
    value: options.value,
    fdr: options.fdr,
    period: options.period,
    features: dataset.communes.map((c, i) => {
      const r = results[i]!;
      const shown = !hidden.has(c.code);
      return {
        code: c.code,
        name: c.name,
        value: shown ? values[i]! : null,
        count: shown ? raw[i]! : null,
        ...(shown ? {} : { suppressed: true as const }),
        z: r.z,
        p: r.p,
        bin: r.bin,
        neighbours: r.neighbourCount,
      };
    }),
    inputs: inputsNote(options.k),
    warnings: hotSpotWarnings(values, results, raw.reduce((a, b) => a + b, 0)),
    synthetic: dataset.synthetic,
  };
}

/** Per-cell Gi* of tip counts over the settled area's H3 cells. */
export async function h3Hotspots(
  dataset: Dataset,
  options: { resolution: GridResolution; fdr: boolean; period: Period; k: number },
): Promise<HotspotsResponse> {
  const universe = await h3Universe(dataset, options.resolution);
  const counts = await gridCounts(dataset.db, 'tips', options.resolution, { period: options.period, district: null });
  const raw = universe.cells.map(() => 0);
  for (const cell of counts) {
    const i = universe.index.get(cell.h3);
    if (i !== undefined) raw[i] = cell.n;
  }
  const { values, hidden } = publishedCellCounts(universe.cells, raw, options.k);
  const results = giStarHotSpots(values, universe.neighbours, { fdr: options.fdr });
  return {
    method: 'gi_star',
    weights: 'h3_grid_disk',
    neighbour_rule: { type: 'h3_grid_disk', k: H3_RING, resolution: options.resolution, self_included: true, weights: 'binary' },
    layer: 'tips',
    unit: 'h3',
    value: 'count',
    fdr: options.fdr,
    period: options.period,
    features: universe.cells.map((h3, i) => {
      const r = results[i]!;
      const shown = !hidden.has(h3);
      return {
        code: h3,
        value: shown ? raw[i]! : null,
        count: shown ? raw[i]! : null,
        ...(shown ? {} : { suppressed: true as const }),
        z: r.z,
        p: r.p,
        bin: r.bin,
        neighbours: r.neighbourCount,
      };
    }),
    inputs: inputsNote(options.k),
    warnings: hotSpotWarnings(values, results, raw.reduce((a, b) => a + b, 0)),
    synthetic: dataset.synthetic,
  };
}
