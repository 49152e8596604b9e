/**
 * Record counts per commune for one layer and filter: the building block of choropleths,
 * unit profiles, hotspots and the planner.
 */
import { rollupTotals, type MeasureColumn, type RollupSource } from './commune-totals';
import type { DataFilter } from './filters';

export const COUNT_LAYERS = ['groups', 'models', 'tips', 'events'] as const;
export type CountLayer = (typeof COUNT_LAYERS)[number];

export interface CommuneCount {
  code: string;
  /** Records (events: summed quantity). */
  n: number;
  /** Households in the counted groups (groups layer only, else 0). */
  households: number;
}

export const COUNT_COLUMN: Record<CountLayer, MeasureColumn> = { groups: 'groups_n', models: 'models_n', tips: 'tips_n', events: 'events_n' };

/** The rollup columns a layer's counts need. */
export const layerColumns = (layer: CountLayer): MeasureColumn[] =>
  layer === 'groups' ? ['groups_n', 'groups_households'] : [COUNT_COLUMN[layer]];

/** Counts keyed by commune code; communes outside the district filter are absent. */
export async function communeCounts(source: RollupSource, layer: CountLayer, filter: DataFilter): Promise<Map<string, CommuneCount>> {
  const totals = await rollupTotals(source, filter, layerColumns(layer));
  const counts = new Map<string, CommuneCount>();
  for (const [code, measures] of totals) {
    counts.set(code, { code, n: measures[COUNT_COLUMN[layer]] ?? 0, households: layer === 'groups' ? (measures.groups_households ?? 0) : 0 });
  }
  return counts;
}
