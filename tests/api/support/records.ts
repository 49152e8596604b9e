/**
 * The generated records, read straight from the build's Parquet files into plain JS rows, and
 * the expected API figures recomputed from them in TypeScript. Deliberately no SQL beyond
 * "read the file": the point is to check the server's queries against an independent count.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_OFFLINE_OPTIONS } from '../../../data/pipeline/output/duckdb';

export interface CommuneRow {
  code: string;
  name: string;
  type: string;
  district_code: string;
  district_name: string;
  population: number;
  households: number;
  area_km2: number;
}

export interface DistrictRow {
  code: string;
  name: string;
  population: number;
  households: number;
  area_km2: number;
}

export interface GroupRow {
  id: string;
  commune_code: string;
  district_code: string;
  area_class: string;
  ethnic_minority: boolean;
  religious: boolean;
  founded_on: string;
  households: number;
  lon: number;
  lat: number;
  h3_r7: string;
  h3_r8: string;
}

export interface ModelRow {
  id: string;
  setting: string;
  commune_code: string;
  district_code: string;
  founded_on: string;
  lon: number;
  lat: number;
  h3_r7: string;
  h3_r8: string;
}

export interface TipRow {
  id: string;
  date: string;
  commune_code: string;
  district_code: string;
  lon: number;
  lat: number;
  h3_r7: string;
  h3_r8: string;
}

export interface EventRow {
  id: string;
  date: string;
  commune_code: string;
  district_code: string;
  kind: string;
  quantity: number;
  h3_r7: string;
  h3_r8: string;
}

export interface Records {
  communes: CommuneRow[];
  districts: DistrictRow[];
  groups: GroupRow[];
  models: ModelRow[];
  tips: TipRow[];
  events: EventRow[];
}

/** Dates come back as 'YYYY-MM-DD' text so plain string comparison orders them. */
const READ: Record<keyof Records, string> = {
  communes: 'SELECT * FROM read_parquet($file)',
  districts: 'SELECT * FROM read_parquet($file)',
  groups: "SELECT * REPLACE (strftime(founded_on, '%Y-%m-%d') AS founded_on) FROM read_parquet($file)",
  models: "SELECT * REPLACE (strftime(founded_on, '%Y-%m-%d') AS founded_on) FROM read_parquet($file)",
  tips: "SELECT * REPLACE (strftime(date, '%Y-%m-%d') AS date) FROM read_parquet($file)",
  events: "SELECT * REPLACE (strftime(date, '%Y-%m-%d') AS date) FROM read_parquet($file)",
};

export async function loadRecords(dataDir: string): Promise<Records> {
  const instance = await DuckDBInstance.create(':memory:', DUCKDB_OFFLINE_OPTIONS);
  const connection = await instance.connect();
  try {
    const read = async <T>(table: keyof Records): Promise<T[]> => {
      const reader = await connection.runAndReadAll(READ[table], { file: path.join(dataDir, `${table}.parquet`) });
      return reader.getRowObjectsJS() as unknown as T[];
    };
    return {
      communes: (await read<CommuneRow>('communes')).sort((a, b) => a.code.localeCompare(b.code)),
      districts: (await read<DistrictRow>('districts')).sort((a, b) => a.code.localeCompare(b.code)),
      groups: await read<GroupRow>('groups'),
      models: await read<ModelRow>('models'),
      tips: await read<TipRow>('tips'),
      events: await read<EventRow>('events'),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export interface Period {
  from: string;
  to: string;
}

export interface Filter {
  period: Period;
  district?: string | null;
}

const inDistrict = (district: string | null | undefined) => (row: { district_code: string }) => !district || row.district_code === district;

/** Stock layers: what was founded on or before the end of the period. */
export function activeAt<T extends { founded_on: string; district_code: string }>(rows: T[], filter: Filter): T[] {
  return rows.filter((r) => r.founded_on <= filter.period.to).filter(inDistrict(filter.district));
}

/** Flow layers: what happened inside the period, both ends included. */
export function within<T extends { date: string; district_code: string }>(rows: T[], filter: Filter): T[] {
  return rows.filter((r) => r.date >= filter.period.from && r.date <= filter.period.to).filter(inDistrict(filter.district));
}

export const OUTCOME_KINDS = [
  'household_registration_violations_reported',
  'illegal_entry_foreigners_reported',
  'women_illegal_exit_returned_reported',
  'guns_surrendered',
  'primitive_weapons_surrendered',
  'post_rehab_people_managed',
  'post_rehab_exemplars',
] as const;

export const MODEL_SETTINGS = ['agency', 'enterprise', 'hospital', 'school'] as const;

/** Every number of /api/summary for a filter, counted record by record. */
export function expectedSummary(records: Records, filter: Filter) {
  const groups = activeAt(records.groups, filter);
  const models = activeAt(records.models, filter);
  const tips = within(records.tips, filter);
  const events = within(records.events, filter);
  const count = <T>(rows: T[], keep: (row: T) => boolean) => rows.reduce((n, row) => n + (keep(row) ? 1 : 0), 0);
  const outcomes: Record<string, number> = { security_tips_provided: tips.length };
  for (const kind of OUTCOME_KINDS) outcomes[kind] = events.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.quantity, 0);
  const bySetting = Object.fromEntries(MODEL_SETTINGS.map((s) => [s, count(models, (m) => m.setting === s)]));
  const censusUnits = filter.district ? records.communes.filter((c) => c.district_code === filter.district) : records.communes;
  return {
    to_lien_gia: {
      total_active: groups.length,
      rural: count(groups, (g) => g.area_class === 'rural'),
      urban: count(groups, (g) => g.area_class === 'urban'),
      unclassified: count(groups, (g) => g.area_class === 'unclassified'),
      ethnic_minority_areas: count(groups, (g) => g.ethnic_minority),
      religious_areas: count(groups, (g) => g.religious),
      households_in_groups: groups.reduce((sum, g) => sum + g.households, 0),
      founded_in_period: count(groups, (g) => g.founded_on >= filter.period.from),
    },
    bon_an_toan: { total: models.length, by_setting: bySetting },
    outcomes,
    census: {
      population: censusUnits.reduce((sum, c) => sum + c.population, 0),
      households: censusUnits.reduce((sum, c) => sum + c.households, 0),
    },
  };
}

export type CountLayer = 'groups' | 'models' | 'tips' | 'events';

export interface Tally {
  /** Records (events: summed quantity). */
  n: number;
  /** Households in the counted groups. */
  households: number;
}

/** Per-commune tallies of a layer over the whole province (the choropleth never filters the computation by district). */
export function communeTallies(records: Records, layer: CountLayer, period: Period): Map<string, Tally> {
  const tallies = new Map<string, Tally>(records.communes.map((c) => [c.code, { n: 0, households: 0 }]));
  const add = (code: string, n: number, households: number) => {
    const tally = tallies.get(code);
    if (!tally) throw new Error(`record in unknown commune ${code}`);
    tally.n += n;
    tally.households += households;
  };
  const filter = { period };
  if (layer === 'groups') for (const g of activeAt(records.groups, filter)) add(g.commune_code, 1, g.households);
  if (layer === 'models') for (const m of activeAt(records.models, filter)) add(m.commune_code, 1, 0);
  if (layer === 'tips') for (const t of within(records.tips, filter)) add(t.commune_code, 1, 0);
  if (layer === 'events') for (const e of within(records.events, filter)) add(e.commune_code, e.quantity, 0);
  return tallies;
}

export const METRICS = [
  'groups_count',
  'groups_per_1k_households',
  'households_covered_pct',
  'groups_per_km2',
  'tips_count',
  'tips_per_1k_households',
  'events_count',
  'models_count',
] as const;
export type Metric = (typeof METRICS)[number];

export const SENSITIVE_METRICS: readonly Metric[] = ['tips_count', 'tips_per_1k_households', 'events_count'];

export const LAYER_OF_METRIC: Record<Metric, CountLayer> = {
  groups_count: 'groups',
  groups_per_1k_households: 'groups',
  households_covered_pct: 'groups',
  groups_per_km2: 'groups',
  tips_count: 'tips',
  tips_per_1k_households: 'tips',
  events_count: 'events',
  models_count: 'models',
};

/** The metric definitions of API_CONTRACT.md / server/contract/metrics.ts, written out again. */
function metricOf(metric: Metric, tally: Tally, unit: { households: number; area_km2: number }): number {
  switch (metric) {
    case 'groups_per_1k_households':
    case 'tips_per_1k_households':
      return (tally.n * 1000) / unit.households;
    case 'households_covered_pct':
      return (tally.households * 100) / unit.households;
    case 'groups_per_km2':
      return tally.n / unit.area_km2;
    default:
      return tally.n;
  }
}

export interface ExpectedValue {
  code: string;
  district_code: string | null;
  value: number;
  count: number;
}

/** The value of a metric for every unit of a level, province-wide, in code order. */
export function expectedMetricValues(records: Records, metric: Metric, level: 'commune' | 'district', period: Period): ExpectedValue[] {
  const tallies = communeTallies(records, LAYER_OF_METRIC[metric], period);
  if (level === 'commune') {
    return records.communes.map((c) => {
      const tally = tallies.get(c.code)!;
      return { code: c.code, district_code: c.district_code, value: metricOf(metric, tally, c), count: tally.n };
    });
  }
  return records.districts.map((d) => {
    const tally = { n: 0, households: 0 };
    for (const c of records.communes.filter((commune) => commune.district_code === d.code)) {
      tally.n += tallies.get(c.code)!.n;
      tally.households += tallies.get(c.code)!.households;
    }
    return { code: d.code, district_code: null, value: metricOf(metric, tally, d), count: tally.n };
  });
}

/** Floats computed in another order may differ in the last bits; counts must match exactly anyway. */
export function closeTo(actual: number, expected: number, relative = 1e-9): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

export type SeriesLayer = 'groups_active' | 'groups_new' | 'tips' | 'events' | 'models';

/** Every year or month label of a period, in order. */
export function periodLabels(period: Period, interval: 'year' | 'month'): string[] {
  const labels: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const lastYear = Number(period.to.slice(0, 4));
  const lastMonth = Number(period.to.slice(5, 7));
  if (interval === 'year') {
    for (; year <= lastYear; year++) labels.push(String(year));
    return labels;
  }
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    labels.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return labels;
}

/** First and last day of a year or month label, clipped to the period. */
function bucketOf(label: string, period: Period): Period {
  const start = label.length === 4 ? `${label}-01-01` : `${label}-01`;
  const end = label.length === 4 ? `${label}-12-31` : `${label}-31`;
  return { from: start < period.from ? period.from : start, to: end > period.to ? period.to : end };
}

/** The series of /api/timeseries: cumulative layers count what exists at each bucket's end. */
export function expectedSeries(
  records: Records,
  layer: SeriesLayer,
  interval: 'year' | 'month',
  scope: { level: 'province' | 'district' | 'commune'; code: string },
  period: Period,
): { period: string; value: number }[] {
  const inScope = (row: { commune_code: string; district_code: string }) =>
    scope.level === 'province' || (scope.level === 'district' ? row.district_code === scope.code : row.commune_code === scope.code);
  return periodLabels(period, interval).map((label) => {
    const bucket = bucketOf(label, period);
    let value: number;
    switch (layer) {
      case 'groups_active':
        value = records.groups.filter((g) => inScope(g) && g.founded_on <= bucket.to).length;
        break;
      case 'models':
        value = records.models.filter((m) => inScope(m) && m.founded_on <= bucket.to).length;
        break;
      case 'groups_new':
        value = records.groups.filter((g) => inScope(g) && g.founded_on >= bucket.from && g.founded_on <= bucket.to).length;
        break;
      case 'tips':
        value = records.tips.filter((t) => inScope(t) && t.date >= bucket.from && t.date <= bucket.to).length;
        break;
      case 'events':
        value = records.events.filter((e) => inScope(e) && e.date >= bucket.from && e.date <= bucket.to).reduce((s, e) => s + e.quantity, 0);
        break;
    }
    return { period: label, value };
  });
}

/** Counts per H3 cell as /api/grid serves them to an admin (no suppression). */
export function expectedGrid(records: Records, layer: 'groups' | 'models' | 'tips', resolution: 7 | 8, filter: Filter): Map<string, number> {
  const cell = (row: { h3_r7: string; h3_r8: string }) => (resolution === 7 ? row.h3_r7 : row.h3_r8);
  const stock: (GroupRow | ModelRow)[] = layer === 'groups' ? records.groups : records.models;
  const rows: { h3_r7: string; h3_r8: string }[] = layer === 'tips' ? within(records.tips, filter) : activeAt(stock, filter);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(cell(row), (counts.get(cell(row)) ?? 0) + 1);
  return counts;
}
