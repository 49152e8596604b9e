/**
 * Getis-Ord Gi* hot spots of tips or outcome events, per commune or per H3 cell, for a period:
 * figures for the role (protected below admin: z-scores of published values and stand-in
 * estimates say nothing more than the published map), neighbours from the data set,
 * statistics from analytics/.
 */
import type { H3Resolution, HotspotValue, Period, SensitiveLayer } from '#contract';
import type { HotspotsResponse, StatisticInputs } from '#contract/api';
import { giStarHotSpots, hotSpotWarnings } from '../analytics/hot-spots';
import { QUEEN_SNAP_DEGREES } from '../analytics/queen-contiguity';
import type { Dataset } from '../dataset/dataset';
import { badRequest } from '../errors';
import type { FigureSource } from './figures/figure-source';
import { communeQueenNeighbours, H3_RING, h3Universe } from './neighbours';

/** What the statistic was computed from, as the response says. */
export const statisticInputs = (figures: FigureSource, period: Period): StatisticInputs =>
  figures.protection(period).method === 'exact' ? 'exact_counts' : 'published_counts';

const perThousandHouseholds = (count: number, households: number) => (households > 0 ? (count / households) * 1000 : 0);

/** Per-commune Gi*, communes in code order. */
async function communeHotspots(
  dataset: Dataset,
  figures: FigureSource,
  options: { layer: SensitiveLayer; value: HotspotValue; fdr: boolean; period: Period },
): Promise<HotspotsResponse> {
  const counts = await figures.communes(options.layer, options.period);
  const valueOf = (count: number, i: number) => (options.value === 'count' ? count : perThousandHouseholds(count, dataset.communes[i]!.households));
  const values = counts.map((figure, i) => valueOf(figure.estimate, i));
  const results = giStarHotSpots(values, communeQueenNeighbours(dataset), { fdr: options.fdr });
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
      const figure = counts[i]!;
      return {
        code: c.code,
        name: c.name,
        value: figure.value === null ? null : valueOf(figure.value, i),
        count: figure.value,
        ...(figure.value === null ? { suppressed: true as const } : {}),
        z: r.z,
        p: r.p,
        bin: r.bin,
        neighbours: r.neighbourCount,
      };
    }),
    inputs: statisticInputs(figures, options.period),
    warnings: hotSpotWarnings(values, results, counts.reduce((sum, f) => sum + f.estimate, 0)),
    synthetic: dataset.synthetic,
    protection: figures.protection(options.period),
  };
}

/** Per-cell Gi* of tip counts over the settled area's H3 cells; cells the role may not see count as empty. */
async function h3Hotspots(dataset: Dataset, figures: FigureSource, options: { resolution: H3Resolution; fdr: boolean; period: Period }): Promise<HotspotsResponse> {
  const universe = await h3Universe(dataset, options.resolution);
  const shown = await figures.cells(options.resolution, options.period);
  const values = universe.cells.map((h3) => shown.get(h3)?.value ?? 0);
  // Exact figures list every cell with a tip, so a missing cell is empty; protected ones leave out the small ones too.
  const exact = statisticInputs(figures, options.period) === 'exact_counts';
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
      const figure = shown.get(h3) ?? (exact ? { value: 0 } : undefined);
      return {
        code: h3,
        value: figure ? figure.value : null,
        count: figure ? figure.value : null,
        ...(figure ? {} : { suppressed: true as const }),
        z: r.z,
        p: r.p,
        bin: r.bin,
        neighbours: r.neighbourCount,
      };
    }),
    inputs: statisticInputs(figures, options.period),
    warnings: hotSpotWarnings(values, results, values.reduce((a, b) => a + b, 0)),
    synthetic: dataset.synthetic,
    protection: figures.protection(options.period),
  };
}

/** Gi* per commune or, for tip counts only, per H3 cell. */
export function hotspotsOf(
  dataset: Dataset,
  figures: FigureSource,
  query: { layer: SensitiveLayer; unit: 'commune' | 'h3'; value: HotspotValue; fdr: boolean; resolution: H3Resolution; period: Period },
): Promise<HotspotsResponse> {
  figures.assertReportable(query.period);
  if (query.unit === 'commune') return communeHotspots(dataset, figures, query);
  if (query.value !== 'count' || query.layer !== 'tips') {
    throw badRequest('unsupported_combination', 'Invalid request: unit=h3 supports layer=tips with value=count only (cells have no census households).', {
      parameter: 'unit',
    });
  }
  return h3Hotspots(dataset, figures, query);
}
