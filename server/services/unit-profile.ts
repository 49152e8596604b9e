/**
 * One unit's profile: every metric with its rank among units of the same level, the district
 * and province averages for comparison, and its yearly growth. Tips and events come from the
 * role's figures, so every rank and average below admin is made of protected values.
 */
import { CHOROPLETH_METRICS, METRIC_LAYER, type ChoroplethMetric, type Period, type SensitiveLayer } from '#contract';
import type { UnitComparison, UnitProfileResponse } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import type { UnitRecord } from '../dataset/unit-record';
import { countsFor, metricValue, metricValuesFromCounts } from '../queries/metric-values';
import { periodLabels, timeseries } from '../queries/timeseries';
import type { FigureSource } from './figures/figure-source';
import { isSensitive, metricValues, type UnitValue } from './metric-values';
import { labelSlice, unitFigure } from './timeseries';

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Competition ranking ("1224"): 1 = highest value; hidden values have no rank. */
function rankOf(values: UnitValue[], own: number | null): number | null {
  if (own === null) return null;
  return 1 + values.filter((v) => v.value !== null && v.value > own).length;
}

/** Averages over units use each unit's published value, or its estimate where hidden. */
function comparison(unit: UnitRecord, all: UnitValue[], peers: Set<string>): UnitComparison {
  const own = all.find((v) => v.code === unit.code)?.value ?? null;
  return {
    value: own,
    rank: rankOf(all, own),
    of: all.length,
    district_average: unit.level === 'commune' ? mean(all.filter((v) => peers.has(v.code)).map((v) => v.estimate)) : null,
    province_average: mean(all.map((v) => v.estimate)),
  };
}

async function provinceMetric(dataset: Dataset, figures: FigureSource, metric: ChoroplethMetric, period: Period): Promise<UnitComparison> {
  let value: number | null;
  if (isSensitive(metric)) {
    const figure = await figures.province(METRIC_LAYER[metric] as SensitiveLayer, period);
    value = figure.value === null ? null : metricValue(metric, { n: figure.value, households: 0 }, dataset.province);
  } else {
    // The province as the one "district" holding every commune.
    const asOneDistrict = { communes: dataset.communes.map((c) => ({ ...c, district_code: dataset.province.code })), districts: [dataset.province] };
    const counts = await countsFor(dataset, [metric], { period, district: null });
    value = metricValuesFromCounts(metric, 'district', counts, asOneDistrict)[0]?.value ?? null;
  }
  return { value, rank: 1, of: 1, district_average: null, province_average: value };
}

async function yearly(dataset: Dataset, figures: FigureSource, unit: UnitRecord, period: Period): Promise<UnitProfileResponse['yearly']> {
  const scope = { level: unit.level, code: unit.code };
  const [active, fresh, models] = await Promise.all([
    timeseries(dataset, 'groups_active', 'year', scope, period),
    timeseries(dataset, 'groups_new', 'year', scope, period),
    timeseries(dataset, 'models', 'year', scope, period),
  ]);
  const labels = periodLabels(period, 'year');
  const tips = await Promise.all(
    labels.map(async (label) => {
      const slice = labelSlice(label, period);
      return figures.reportable(slice) ? (await unitFigure(dataset, figures, 'tips', unit, slice)).value : null;
    }),
  );
  return active.map((a, i) => ({
    year: Number(a.period),
    groups_active: a.value ?? 0,
    groups_new: fresh[i]?.value ?? 0,
    tips: tips[i] ?? null,
    models_active: models[i]?.value ?? 0,
  }));
}

export async function unitProfile(dataset: Dataset, figures: FigureSource, unit: UnitRecord, period: Period): Promise<UnitProfileResponse> {
  const reportable = figures.reportable(period);
  const metrics: UnitProfileResponse['metrics'] = {};
  for (const metric of CHOROPLETH_METRICS) {
    // Off the reporting calendar this role gets no informant figure at all.
    if (isSensitive(metric) && !reportable) {
      metrics[metric] = { value: null, rank: null, of: unit.level === 'district' ? dataset.districts.length : dataset.communes.length, district_average: null, province_average: null };
      continue;
    }
    if (unit.level === 'province') {
      metrics[metric] = await provinceMetric(dataset, figures, metric, period);
      continue;
    }
    const all = await metricValues(dataset, figures, metric, unit.level, period);
    const peers = new Set(dataset.communes.filter((c) => c.district_code === unit.district_code).map((c) => c.code));
    metrics[metric] = comparison(unit, all, peers);
  }
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    type: unit.type,
    district_code: unit.district_code,
    district_name: unit.district_name,
    population: unit.population,
    households: unit.households,
    area_km2: unit.area_km2,
    period,
    metrics,
    yearly: await yearly(dataset, figures, unit, period),
    synthetic: dataset.synthetic,
    protection: figures.protection(period),
  };
}
