/**
 * /api/choropleth: every value of every metric at both levels equals a recount of the generated
 * records; class breaks are monotone, span every published value, follow their scheme's
 * definition and do not move when the view is narrowed to a district.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChoroplethResponse } from '#contract/api';
import type { ApiClient } from '../support/api-client';
import { closeTo, expectedMetricValues, loadRecords, METRICS, SENSITIVE_METRICS, type Metric, type Records } from './support/records';
import { sharedSession, withQuery } from './support/test-server';

const LEVELS = ['commune', 'district'] as const;
const SCHEMES = ['quantile', 'jenks', 'equal'] as const;
const DISTRICTS = ['243', '244', '246', '247', '248', '249', '251', '252', '253'];
const PERIODS = [
  { from: '2017-01-01', to: '2022-10-25' },
  { from: '2020-01-01', to: '2020-12-31' },
  { from: '2021-04-01', to: '2021-06-30' },
  { from: '2022-03-07', to: '2022-03-13' },
];
const METRIC_UNITS: Record<Metric, string> = {
  groups_count: 'groups',
  groups_per_1k_households: 'groups per 1,000 households',
  households_covered_pct: '% of households',
  groups_per_km2: 'groups per km²',
  tips_count: 'tips',
  tips_per_1k_households: 'tips per 1,000 households',
  events_count: 'outcome events',
  models_count: '"4 an toàn" models',
};

let records: Records;
let admin: ApiClient;
let viewer: ApiClient;
beforeAll(async () => {
  [records, admin, viewer] = await Promise.all([loadRecords(inject('datasetDir')), sharedSession('admin'), sharedSession('viewer')]);
});

const choropleth = (client: ApiClient, params: Record<string, string | number | undefined>) =>
  client.json<ChoroplethResponse>(withQuery('/api/choropleth', params));

const publishedValues = (body: ChoroplethResponse) => body.values.flatMap((v) => (v.value === null ? [] : [v.value]));

const valueCases = METRICS.flatMap((metric) => LEVELS.flatMap((level) => PERIODS.map((period) => ({ metric, level, ...period }))));

describe('values', () => {
  it.each(valueCases)('$metric per $level for $from … $to equals the recount (admin, nothing hidden)', async ({ metric, level, from, to }) => {
    const body = await choropleth(admin, { metric, level, from, to });
    const expected = expectedMetricValues(records, metric, level, { from, to });
    expect(body.values.map((v) => v.code)).toEqual(expected.map((e) => e.code));
    for (const [i, row] of body.values.entries()) {
      const want = expected[i]!;
      expect(row.count, `${row.code} count`).toBe(want.count);
      expect(row.suppressed, row.code).toBeUndefined();
      expect(closeTo(row.value!, want.value), `${row.code}: ${row.value} vs ${want.value}`).toBe(true);
    }
  });

  it.each(METRICS)('%s answers with its unit, the period, the default quantile scheme and 5 classes', async (metric) => {
    const body = await choropleth(viewer, { metric });
    expect(body).toMatchObject({ metric, unit: METRIC_UNITS[metric], level: 'commune', scheme: 'quantile', classes: 5, synthetic: true });
    expect(body.period).toEqual(PERIODS[0]);
    expect(body.values).toHaveLength(137);
  });

  it('given households_covered_pct, then every commune lies between 0 and 100 %', async () => {
    const body = await choropleth(viewer, { metric: 'households_covered_pct' });
    for (const v of body.values) expect(v.value!).toBeGreaterThanOrEqual(0);
    for (const v of body.values) expect(v.value!).toBeLessThanOrEqual(100);
  });

  it.each(METRICS.filter((m) => !SENSITIVE_METRICS.includes(m)))(
    'given the non-sensitive %s, when a viewer asks for one week, then nothing is hidden and values equal the recount',
    async (metric) => {
      const period = PERIODS[3]!;
      const body = await choropleth(viewer, { metric, ...period });
      const expected = expectedMetricValues(records, metric, 'commune', period);
      expect(body.protection).toBeUndefined();
      expect(body.values.map((v) => v.count)).toEqual(expected.map((e) => e.count));
    },
  );
});

/** Type 7 quantiles (R's default), written out again; ties merged as documented. */
function quantileBreaks(values: number[], classes: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const k = Math.min(classes, new Set(sorted).size);
  const at = (q: number) => {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
  };
  const breaks = [sorted[0]!, ...Array.from({ length: k - 1 }, (_, c) => at((c + 1) / k)), sorted[sorted.length - 1]!];
  const merged = breaks.filter((b, i) => i === 0 || b !== breaks[i - 1]);
  return merged.length === 1 ? [merged[0]!, merged[0]!] : merged;
}

function equalBreaks(values: number[], classes: number): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const k = Math.min(classes, new Set(values).size);
  if (k === 1) return [min, max];
  return [...Array.from({ length: k }, (_, c) => min + (c * (max - min)) / k), max];
}

const breakCases = METRICS.flatMap((metric) => LEVELS.flatMap((level) => SCHEMES.map((scheme) => ({ metric, level, scheme }))));

describe('class breaks', () => {
  it.each(breakCases)('$metric per $level, $scheme: monotone, from the least to the greatest published value', async ({ metric, level, scheme }) => {
    const body = await choropleth(viewer, { metric, level, scheme, from: '2021-01-01', to: '2021-12-31' });
    const values = publishedValues(body);
    const { breaks } = body;
    expect(breaks.length).toBeGreaterThanOrEqual(2);
    expect(breaks.length).toBeLessThanOrEqual(body.classes + 1);
    for (let i = 1; i < breaks.length; i++) expect(breaks[i]!, `breaks ${breaks.join(', ')}`).toBeGreaterThanOrEqual(breaks[i - 1]!);
    expect(breaks[0]).toBe(Math.min(...values));
    expect(breaks[breaks.length - 1]).toBe(Math.max(...values));
    for (const v of values) expect(v >= breaks[0]! && v <= breaks[breaks.length - 1]!).toBe(true);
  });

  it.each(METRICS.flatMap((metric) => LEVELS.map((level) => ({ metric, level }))))(
    '$metric per $level: quantile breaks are the type-7 quantiles of the published values',
    async ({ metric, level }) => {
      const body = await choropleth(viewer, { metric, level, scheme: 'quantile' });
      const expected = quantileBreaks(publishedValues(body), 5);
      expect(body.breaks).toHaveLength(expected.length);
      body.breaks.forEach((b, i) => expect(closeTo(b, expected[i]!), `${b} vs ${expected[i]}`).toBe(true));
    },
  );

  it.each(METRICS.flatMap((metric) => LEVELS.map((level) => ({ metric, level }))))(
    '$metric per $level: equal-interval breaks split the range into equal steps',
    async ({ metric, level }) => {
      const body = await choropleth(viewer, { metric, level, scheme: 'equal' });
      const expected = equalBreaks(publishedValues(body), 5);
      expect(body.breaks).toHaveLength(expected.length);
      body.breaks.forEach((b, i) => expect(closeTo(b, expected[i]!), `${b} vs ${expected[i]}`).toBe(true));
    },
  );

  it.each(METRICS)('%s per commune: every inner Jenks break is a published value (a class maximum)', async (metric) => {
    const body = await choropleth(viewer, { metric, scheme: 'jenks' });
    const values = new Set(publishedValues(body));
    for (const b of body.breaks) expect(values.has(b), `${b}`).toBe(true);
  });

  it('groups_count per commune, Jenks with 4 classes: no other split of the sorted values has a smaller within-class sum of squares', async () => {
    const body = await choropleth(viewer, { metric: 'groups_count', scheme: 'jenks', classes: 4 });
    const sorted = publishedValues(body).sort((a, b) => a - b);
    const ssq = (uppers: number[]) => {
      let total = 0;
      let lower = -Infinity;
      for (const upper of uppers) {
        const members = sorted.filter((v) => v > lower && v <= upper);
        const mean = members.reduce((a, b) => a + b, 0) / members.length;
        total += members.reduce((a, v) => a + (v - mean) ** 2, 0);
        lower = upper;
      }
      return total;
    };
    const served = ssq(body.breaks.slice(1));
    const distinct = [...new Set(sorted)];
    let best = Infinity;
    for (let a = 0; a < distinct.length - 3; a++)
      for (let b = a + 1; b < distinct.length - 2; b++)
        for (let c = b + 1; c < distinct.length - 1; c++) best = Math.min(best, ssq([distinct[a]!, distinct[b]!, distinct[c]!, distinct[distinct.length - 1]!]));
    expect(served).toBeLessThanOrEqual(best + 1e-6);
  });

  it.each([2, 3, 4, 6, 7, 8, 9])('given classes=%i, then there are at most that many classes', async (classes) => {
    for (const scheme of SCHEMES) {
      const body = await choropleth(viewer, { metric: 'groups_per_1k_households', scheme, classes });
      expect(body.classes).toBe(classes);
      expect(body.breaks.length).toBeLessThanOrEqual(classes + 1);
      expect(body.breaks.length).toBeGreaterThanOrEqual(Math.min(classes + 1, 3));
    }
  });
});

describe('a district view', () => {
  const districtCases = DISTRICTS.flatMap((district) => (['groups_count', 'tips_count', 'households_covered_pct'] as const).map((metric) => ({ district, metric })));

  it.each(districtCases)('district $district, $metric: same legend as the province, its own communes only, same values', async ({ district, metric }) => {
    const params = { metric, scheme: 'jenks', from: '2019-01-01', to: '2021-12-31' };
    const [whole, part] = await Promise.all([choropleth(viewer, params), choropleth(viewer, { ...params, district })]);
    expect(part.breaks).toEqual(whole.breaks);
    const own = records.communes.filter((c) => c.district_code === district).map((c) => c.code);
    expect(part.values.map((v) => v.code)).toEqual(own);
    const wholeByCode = new Map(whole.values.map((v) => [v.code, v]));
    for (const v of part.values) expect(v).toEqual(wholeByCode.get(v.code));
  });

  it('given level=district and a district, then the one district comes back with the province-wide legend', async () => {
    const [whole, part] = await Promise.all([
      choropleth(viewer, { metric: 'groups_count', level: 'district' }),
      choropleth(viewer, { metric: 'groups_count', level: 'district', district: '252' }),
    ]);
    expect(part.values.map((v) => v.code)).toEqual(['252']);
    expect(part.breaks).toEqual(whole.breaks);
  });
});
