/**
 * /api/summary: the briefing's big numbers. Without a filter they are the figures published on
 * 25 Oct 2022; with any period and district they equal a count of the generated records made
 * here in TypeScript, not by the server's SQL.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { publishedTotalsPath } from '../../data/paths';
import type { SummaryResponse } from '#contract/api';
import type { ApiClient } from '../support/api-client';
import { expectedSummary, loadRecords, OUTCOME_KINDS, type Records } from './support/records';
import { randomPeriod, seededRandom } from './support/random';
import { sharedSession, withQuery } from './support/test-server';

const DATA_RANGE = { from: '2017-01-01', to: '2022-10-25' };
const DISTRICTS = ['243', '244', '246', '247', '248', '249', '251', '252', '253'];

type Published = number | { value: number };
interface PublishedTotals {
  to_lien_gia: Record<string, Published | string>;
  outcomes_2017_2022: Record<string, Published>;
  bon_an_toan: { total: number };
}
const published = JSON.parse(readFileSync(publishedTotalsPath(), 'utf8')) as PublishedTotals;
const figure = (entry: Published | string | undefined): number => (typeof entry === 'object' ? entry.value : Number(entry));

let records: Records;
let admin: ApiClient;
let viewer: ApiClient;
beforeAll(async () => {
  [records, admin, viewer] = await Promise.all([loadRecords(inject('datasetDir')), sharedSession('admin'), sharedSession('viewer')]);
});

describe('the summary without filters', () => {
  let summary: SummaryResponse;
  beforeAll(async () => {
    summary = await viewer.json<SummaryResponse>('/api/summary');
  });

  it('covers the whole published period and says the data are simulated', () => {
    expect(summary.period).toEqual(DATA_RANGE);
    expect(summary.synthetic).toBe(true);
    expect(summary.district).toBeNull();
  });

  it.each(['total_active', 'rural', 'urban', 'ethnic_minority_areas', 'religious_areas'] as const)(
    'reproduces the published Tổ liên gia figure %s exactly',
    (key) => {
      expect(summary.to_lien_gia[key]).toBe(figure(published.to_lien_gia[key]));
    },
  );

  it('leaves the 50 groups the published split does not classify as "unclassified" (10,762 − 9,182 − 1,530)', () => {
    expect(summary.to_lien_gia.unclassified).toBe(50);
    expect(summary.to_lien_gia.rural + summary.to_lien_gia.urban + summary.to_lien_gia.unclassified).toBe(summary.to_lien_gia.total_active);
  });

  it('reproduces the published 1,076 "4 an toàn" models, split over the four settings', () => {
    expect(summary.bon_an_toan.total).toBe(published.bon_an_toan.total);
    expect(Object.values(summary.bon_an_toan.by_setting).reduce((a, b) => a + b, 0)).toBe(1076);
  });

  it.each(OUTCOME_KINDS)('reproduces the published outcome %s exactly', (kind) => {
    expect(summary.outcomes[kind]).toBe(figure(published.outcomes_2017_2022[kind]));
  });

  it('reports "more than 6,000" tips as the exact number of tip records', () => {
    expect(summary.outcomes.security_tips_provided).toBeGreaterThan(6000);
    expect(summary.outcomes.security_tips_provided).toBe(records.tips.length);
  });

  it('gives the 2019 census of the province: 1,151,154 people in 308,251 households', () => {
    expect(summary.census).toEqual({ population: 1_151_154, households: 308_251 });
  });

  it('equals, figure by figure, the count of the generated records', () => {
    const expected = expectedSummary(records, { period: DATA_RANGE });
    expect({ to_lien_gia: summary.to_lien_gia, bon_an_toan: summary.bon_an_toan, outcomes: summary.outcomes, census: summary.census }).toEqual(expected);
  });
});

/** Random periods (a day to the whole range) with and without a district; seed fixed for replay. */
const random = seededRandom(20221025);
const cases = Array.from({ length: 30 }, (_, i) => ({
  ...randomPeriod(random, DATA_RANGE.from, DATA_RANGE.to),
  district: i % 3 === 0 ? null : random.pick(DISTRICTS),
}));

describe('the summary for a period and a district', () => {
  it.each(cases)('given from=$from to=$to district=$district, when an admin asks, then every figure equals the recount', async ({ from, to, district }) => {
    const summary = await admin.json<SummaryResponse>(withQuery('/api/summary', { from, to, district }));
    const expected = expectedSummary(records, { period: { from, to }, district });
    expect(summary.period).toEqual({ from, to });
    expect(summary.district).toBe(district);
    expect(summary.suppressed).toBeUndefined();
    expect({ to_lien_gia: summary.to_lien_gia, bon_an_toan: summary.bon_an_toan, outcomes: summary.outcomes, census: summary.census }).toEqual(expected);
  });

  it('given only `from`, when asked, then the period runs to the end of the data and groups count as active on 2022-10-25', async () => {
    const summary = await viewer.json<SummaryResponse>('/api/summary?from=2021-01-01');
    expect(summary.period).toEqual({ from: '2021-01-01', to: DATA_RANGE.to });
    expect(summary.to_lien_gia.total_active).toBe(10762);
    expect(summary.to_lien_gia.founded_in_period).toBe(expectedSummary(records, { period: summary.period }).to_lien_gia.founded_in_period);
  });

  it('given a period before any model was founded (2017), when asked, then there are 0 models and still groups', async () => {
    const summary = await viewer.json<SummaryResponse>('/api/summary?from=2017-01-01&to=2017-12-31');
    expect(summary.bon_an_toan.total).toBe(0);
    expect(summary.to_lien_gia.total_active).toBe(expectedSummary(records, { period: summary.period }).to_lien_gia.total_active);
  });

  it('given a viewer and a single day, when asking for the province, then groups and models are exact and no tip or outcome figure is given (off the reporting calendar)', async () => {
    const period = { from: '2021-06-15', to: '2021-06-15' };
    const summary = await viewer.json<SummaryResponse>(withQuery('/api/summary', period));
    const expected = expectedSummary(records, { period });
    expect(summary.to_lien_gia).toEqual(expected.to_lien_gia);
    expect(summary.bon_an_toan).toEqual(expected.bon_an_toan);
    expect(Object.values(summary.outcomes).every((v) => v === null)).toBe(true);
    expect(summary.protection).toMatchObject({ method: 'cell_key', reportable: false });
  });

  it('given an admin and a single day, when asking for the province, then every outcome count is exact', async () => {
    const period = { from: '2021-06-15', to: '2021-06-15' };
    const summary = await admin.json<SummaryResponse>(withQuery('/api/summary', period));
    expect(summary.suppressed).toBeUndefined();
    expect(summary.outcomes).toEqual(expectedSummary(records, { period }).outcomes);
    expect(summary.protection).toMatchObject({ method: 'exact', reportable: true });
  });
});
