/**
 * /api/timeseries (counts per year or month for the province, a district or a commune) and
 * /api/grid (counts per H3 cell): every number equals a recount of the generated records.
 */
import { getResolution, isValidCell } from 'h3-js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { GridResponse, TimeseriesResponse } from '#contract/api';
import type { ApiClient } from '../support/api-client';
import { expectApiError } from './support/error-shape';
import { expectedGrid, expectedSeries, loadRecords, within, type Records, type SeriesLayer } from './support/records';
import { sharedSession, withQuery } from './support/test-server';

const LAYERS: SeriesLayer[] = ['groups_active', 'groups_new', 'tips', 'events', 'models'];
const SCOPES = [
  { level: 'province', code: '26' },
  { level: 'district', code: '252' },
  { level: 'commune', code: '08944' },
] as const;
const PERIODS = [
  { from: '2017-01-01', to: '2022-10-25' },
  { from: '2021-03-15', to: '2021-09-10' },
];

let records: Records;
let admin: ApiClient;
let viewer: ApiClient;
beforeAll(async () => {
  [records, admin, viewer] = await Promise.all([loadRecords(inject('datasetDir')), sharedSession('admin'), sharedSession('viewer')]);
});

describe('time series', () => {
  const cases = LAYERS.flatMap((layer) =>
    (['year', 'month'] as const).flatMap((interval) => SCOPES.flatMap((scope) => PERIODS.map((period) => ({ layer, interval, ...scope, ...period })))),
  );

  it.each(cases)('$layer per $interval for $level $code, $from … $to, equals the recount', async ({ layer, interval, level, code, from, to }) => {
    const body = await admin.json<TimeseriesResponse>(withQuery('/api/timeseries', { layer, interval, level, code, from, to }));
    expect(body.scope).toMatchObject({ level, code });
    expect(body.period).toEqual({ from, to });
    expect(body.series).toEqual(expectedSeries(records, layer, interval, { level, code }, { from, to }));
  });

  it('given no level, then the province series of the whole range, one point a year 2017–2022', async () => {
    const body = await viewer.json<TimeseriesResponse>('/api/timeseries?layer=groups_active');
    expect(body.scope).toMatchObject({ level: 'province', code: '26', name: 'Vĩnh Phúc' });
    expect(body.series.map((p) => p.period)).toEqual(['2017', '2018', '2019', '2020', '2021', '2022']);
    expect(body.series.at(-1)?.value).toBe(10762);
  });

  it('given monthly tips of the province over the whole range, then the months add up to every tip', async () => {
    const body = await admin.json<TimeseriesResponse>('/api/timeseries?layer=tips&interval=month');
    expect(body.series).toHaveLength(12 * 5 + 10);
    expect(body.series.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(records.tips.length);
  });

  it('given level=district without a code, then 400 missing_parameter', async () => {
    await expectApiError(await viewer.get('/api/timeseries?layer=tips&level=district'), 400, 'missing_parameter');
  });

  it('given level=commune with a district code, then 400: the code is not a commune', async () => {
    await expectApiError(await viewer.get('/api/timeseries?layer=tips&level=commune&code=252'), 400, 'invalid_parameter');
  });

  it('given a code no unit has, then 404 unknown_unit', async () => {
    await expectApiError(await viewer.get('/api/timeseries?layer=tips&level=commune&code=00000'), 404, 'unknown_unit');
  });
});

describe('H3 grid', () => {
  const cases = (['groups', 'models', 'tips'] as const).flatMap((layer) =>
    ([7, 8] as const).flatMap((resolution) =>
      [...PERIODS, { from: '2022-03-07', to: '2022-03-13' }].map((period) => ({ layer, resolution, ...period })),
    ),
  );

  it.each(cases)('$layer at resolution $resolution, $from … $to: every cell count equals the recount (admin)', async ({ layer, resolution, from, to }) => {
    const body = await admin.json<GridResponse>(withQuery('/api/grid', { layer, resolution, from, to }));
    const expected = expectedGrid(records, layer, resolution, { period: { from, to } });
    expect(body).toMatchObject({ layer, resolution, period: { from, to } });
    expect(new Map(body.cells.map((c) => [c.h3, c.count]))).toEqual(expected);
    for (const cell of body.cells) {
      expect(isValidCell(cell.h3)).toBe(true);
      expect(getResolution(cell.h3)).toBe(resolution);
    }
  });

  it('given no resolution, then resolution 8', async () => {
    expect((await viewer.json<GridResponse>('/api/grid?layer=groups')).resolution).toBe(8);
  });

  it.each(['groups', 'models'] as const)('given %s and district 246, then only the records of that district are counted', async (layer) => {
    const body = await viewer.json<GridResponse>(withQuery('/api/grid', { layer, district: '246', to: '2021-12-31' }));
    const expected = expectedGrid(records, layer, 8, { period: { from: '2017-01-01', to: '2021-12-31' }, district: '246' });
    expect(new Map(body.cells.map((c) => [c.h3, c.count]))).toEqual(expected);
  });

  it('given tips and district 246, then the cells holding its tips, each with its province-wide count (no two counts of one cell exist)', async () => {
    const period = { from: '2020-01-01', to: '2022-10-25' };
    const body = await admin.json<GridResponse>(withQuery('/api/grid', { layer: 'tips', district: '246', ...period }));
    const province = expectedGrid(records, 'tips', 8, { period });
    const cellsOfDistrict = new Set(within(records.tips, { period, district: '246' }).map((t) => t.h3_r8));
    expect(new Set(body.cells.map((c) => c.h3))).toEqual(cellsOfDistrict);
    for (const cell of body.cells) expect(cell.count).toBe(province.get(cell.h3));
  });
});
