/**
 * The value of a choropleth metric for every unit of a level: counts from the records,
 * denominators from the census and the boundaries.
 */
import { METRIC_INFO, METRIC_LAYER, type ChoroplethMetric } from '#contract';
import type { UnitRecord } from '../dataset/unit-record';
import { COUNT_COLUMN, layerColumns, type CommuneCount, type CountLayer } from './commune-counts';
import { rollupTotals, type RollupSource } from './commune-totals';
import type { DataFilter } from './filters';

export interface UnitMetricValue {
  code: string;
  /** District of a commune (for privacy groups); null for districts. */
  district_code: string | null;
  value: number;
  /** The record count behind the value. */
  count: number;
}

export const metricLayer = (metric: ChoroplethMetric): CountLayer => METRIC_LAYER[metric];
export const isSensitiveMetric = (metric: ChoroplethMetric): boolean => METRIC_INFO[metric].sensitive;

export interface Tally {
  n: number;
  households: number;
}

/** A metric's value from a unit's count (and households in groups) and its census figures. */
export function metricValue(metric: ChoroplethMetric, tally: Tally, unit: UnitRecord): number {
  const perThousandHouseholds = unit.households > 0 ? (tally.n / unit.households) * 1000 : 0;
  switch (metric) {
    case 'groups_per_1k_households':
    case 'tips_per_1k_households':
      return perThousandHouseholds;
    case 'households_covered_pct':
      return unit.households > 0 ? (tally.households / unit.households) * 100 : 0;
    case 'groups_per_km2':
      return unit.area_km2 > 0 ? tally.n / unit.area_km2 : 0;
    case 'groups_count':
    case 'tips_count':
    case 'events_count':
    case 'models_count':
      return tally.n;
  }
}

export type CountsByLayer = Partial<Record<CountLayer, Map<string, CommuneCount>>>;

/** Counts of the layers these metrics need, province-wide, from one rollup read. */
export async function countsFor(source: RollupSource, metrics: ChoroplethMetric[], filter: DataFilter): Promise<CountsByLayer> {
  const layers = [...new Set(metrics.map(metricLayer))];
  const totals = await rollupTotals(source, { ...filter, district: null }, layers.flatMap(layerColumns));
  const counts: CountsByLayer = {};
  for (const layer of layers) {
    counts[layer] = new Map(
      [...totals].map(([code, m]) => [
        code,
        { code, n: m[COUNT_COLUMN[layer]] ?? 0, households: layer === 'groups' ? (m.groups_households ?? 0) : 0 },
      ]),
    );
  }
  return counts;
}

/**
 * Values for every unit of the level in the whole province (never filtered by district: class
 * breaks and privacy groups are province-wide).
 */
export function metricValuesFromCounts(
  metric: ChoroplethMetric,
  level: 'commune' | 'district',
  counts: CountsByLayer,
  units: { communes: UnitRecord[]; districts: UnitRecord[] },
): UnitMetricValue[] {
  const layerCounts = counts[metricLayer(metric)] ?? new Map<string, CommuneCount>();
  const communeTally = (code: string): Tally => {
    const c = layerCounts.get(code);
    return { n: c?.n ?? 0, households: c?.households ?? 0 };
  };
  if (level === 'commune') {
    return units.communes.map((unit) => {
      const tally = communeTally(unit.code);
      return { code: unit.code, district_code: unit.district_code, value: metricValue(metric, tally, unit), count: tally.n };
    });
  }
  const byDistrict = new Map<string, Tally>(units.districts.map((d) => [d.code, { n: 0, households: 0 }]));
  for (const commune of units.communes) {
    const total = byDistrict.get(commune.district_code ?? '');
    if (!total) continue;
    const tally = communeTally(commune.code);
    total.n += tally.n;
    total.households += tally.households;
  }
  return units.districts.map((unit) => {
    const tally = byDistrict.get(unit.code) ?? { n: 0, households: 0 };
    return { code: unit.code, district_code: null, value: metricValue(metric, tally, unit), count: tally.n };
  });
}
