/**
 * One unit's profile: every metric with its rank among units of the same level, the district
 * and province averages for comparison, and its yearly growth.
 */
import { CHOROPLETH_METRICS, type Period } from '#contract';
import type { UnitComparison, UnitProfileResponse } from '#contract/api';
import type { Dataset, UnitRecord } from '../dataset/dataset';
import { suppressUnitValues, type PublishedValue } from '../privacy/suppress-values';
import { suppressedKeys } from '../privacy/suppression';
import { countsFor, isSensitiveMetric, metricValuesFromCounts } from '../queries/metric-values';
import { timeseries } from '../queries/timeseries';

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Competition ranking ("1224"): 1 = highest value; hidden values have no rank. */
function rankOf(values: PublishedValue[], code: string): number | null {
  const own = values.find((v) => v.code === code)?.value;
  if (own === null || own === undefined) return null;
  return 1 + values.filter((v) => v.value !== null && v.value > own).length;
}

/**
 * `districtHidden`: the commune's district total is suppressed on the district map; its average
 * over the district's communes (total ÷ communes) would give that total away, so it is hidden too.
 */
function comparison(
  unit: UnitRecord,
  all: PublishedValue[],
  raw: { code: string; value: number }[],
  peersOfDistrict: Set<string>,
  districtHidden: boolean,
): UnitComparison {
  return {
    value: all.find((v) => v.code === unit.code)?.value ?? null,
    rank: rankOf(all, unit.code),
    of: all.length,
    district_average:
      unit.level === 'commune' && !districtHidden ? mean(raw.filter((v) => peersOfDistrict.has(v.code)).map((v) => v.value)) : null,
    province_average: mean(raw.map((v) => v.value)),
  };
}

/** `totalHidden`: the unit's tip total is suppressed, so its years (which add up to it) are all hidden. */
async function yearly(dataset: Dataset, unit: UnitRecord, period: Period, k: number, totalHidden: boolean): Promise<UnitProfileResponse['yearly']> {
  const scope = { level: unit.level, code: unit.code };
  const [active, fresh, tips, models] = await Promise.all([
    timeseries(dataset, 'groups_active', 'year', scope, period),
    timeseries(dataset, 'groups_new', 'year', scope, period),
    timeseries(dataset, 'tips', 'year', scope, period),
    timeseries(dataset, 'models', 'year', scope, period),
  ]);
  // The yearly tips of one unit add up to its total for the period, which is shown too.
  const hiddenYears =
    unit.level === 'province'
      ? new Set<string>()
      : totalHidden
        ? new Set(tips.map((t) => t.period))
        : suppressedKeys(tips.map((t) => ({ key: t.period, count: t.value })), k);
  return active.map((a, i) => ({
    year: Number(a.period),
    groups_active: a.value,
    groups_new: fresh[i]?.value ?? 0,
    tips: hiddenYears.has(a.period) ? null : (tips[i]?.value ?? 0),
    models_active: models[i]?.value ?? 0,
  }));
}

export async function unitProfile(dataset: Dataset, unit: UnitRecord, period: Period, k: number): Promise<UnitProfileResponse> {
  const filter = { period, district: null };
  const counts = await countsFor(dataset, [...CHOROPLETH_METRICS], filter);
  const metrics: UnitProfileResponse['metrics'] = {};
  if (unit.level !== 'province') {
    const peersOfDistrict = new Set(dataset.communes.filter((c) => c.district_code === unit.district_code).map((c) => c.code));
    for (const metric of CHOROPLETH_METRICS) {
      const metricK = isSensitiveMetric(metric) ? k : 0;
      const raw = metricValuesFromCounts(metric, unit.level, counts, dataset);
      const published = suppressUnitValues(raw, metricK);
      const districtHidden =
        unit.level === 'commune' &&
        suppressUnitValues(metricValuesFromCounts(metric, 'district', counts, dataset), metricK).some((v) => v.code === unit.district_code && v.suppressed);
      metrics[metric] = comparison(unit, published, raw, peersOfDistrict, districtHidden);
    }
  } else {
    // The province as the one "district" holding every commune.
    const asOneDistrict = {
      communes: dataset.communes.map((c) => ({ ...c, district_code: unit.code })),
      districts: [unit],
    };
    for (const metric of CHOROPLETH_METRICS) {
      const value = metricValuesFromCounts(metric, 'district', counts, asOneDistrict)[0]?.value ?? null;
      metrics[metric] = { value, rank: 1, of: 1, district_average: null, province_average: value };
    }
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
    yearly: await yearly(dataset, unit, period, k, metrics.tips_count?.value === null),
    synthetic: dataset.synthetic,
  };
}
