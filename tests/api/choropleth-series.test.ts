/**
 * /api/choropleth?breaks=series: one set of class breaks for every year of the data range, so a
 * year slider keeps its legend. The breaks are exactly the scheme's breaks over the published
 * values of every yearly period the response names (recomputed here from breaks=period answers),
 * for admins (exact figures) and viewers (protected tip figures) alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChoroplethResponse } from '#contract/api';
import { classBreaks } from '../../server/analytics/classification';
import type { ApiClient } from '../support/api-client';
import { sharedSession, withQuery } from './support/test-server';

const DATA = { from: '2017-01-01', to: '2022-10-25' };
const YEAR_ENDS = ['2017-12-31', '2018-12-31', '2019-12-31', '2020-12-31', '2021-12-31', '2022-10-25'];
const RUNNING_TOTALS = YEAR_ENDS.map((to) => ({ from: DATA.from, to }));
const YEAR_CELLS = YEAR_ENDS.map((to) => ({ from: to === '2017-12-31' ? DATA.from : `${to.slice(0, 4)}-01-01`, to }));

let admin: ApiClient;
let viewer: ApiClient;
beforeAll(async () => {
  [admin, viewer] = await Promise.all([sharedSession('admin'), sharedSession('viewer')]);
});

const choropleth = (client: ApiClient, params: Record<string, string | number | undefined>) =>
  client.json<ChoroplethResponse>(withQuery('/api/choropleth', params));
const published = (body: ChoroplethResponse) => body.values.flatMap((v) => (v.value === null ? [] : [v.value]));

describe('breaks=series', () => {
  it('given groups per 1,000 households at the end of 2017, 2019 and 2022, then all three legends are the same', async () => {
    const bodies = await Promise.all(
      ['2017-12-31', '2019-12-31', '2022-10-25'].map((to) => choropleth(viewer, { metric: 'groups_per_1k_households', from: DATA.from, to, breaks: 'series' })),
    );
    expect(bodies[1]!.breaks).toEqual(bodies[0]!.breaks);
    expect(bodies[2]!.breaks).toEqual(bodies[0]!.breaks);
    // The values themselves grow: the 2022 median is far above the 2017 one.
    const median = (b: ChoroplethResponse) => published(b).sort((x, y) => x - y)[68]!;
    expect(median(bodies[2]!)).toBeGreaterThan(2 * median(bodies[0]!));
  });

  it.each(['quantile', 'jenks', 'equal'] as const)('given a stock metric and the %s scheme, then the breaks are the scheme over the six year-end values of every commune', async (scheme) => {
    const body = await choropleth(admin, { metric: 'groups_per_1k_households', scheme, to: '2019-12-31', breaks: 'series' });
    expect(body.breaks_basis).toBe('series');
    expect(body.breaks_periods).toEqual(RUNNING_TOTALS);
    const yearly = await Promise.all(RUNNING_TOTALS.map((p) => choropleth(admin, { metric: 'groups_per_1k_households', ...p })));
    expect(body.breaks).toEqual(classBreaks(yearly.flatMap(published), scheme, 5));
  });

  it('given tips asked year by year, then the series is the calendar years and the breaks classify their values', async () => {
    const body = await choropleth(admin, { metric: 'tips_count', from: '2020-01-01', to: '2020-12-31', breaks: 'series' });
    expect(body.breaks_periods).toEqual(YEAR_CELLS);
    const yearly = await Promise.all(YEAR_CELLS.map((p) => choropleth(admin, { metric: 'tips_count', ...p })));
    expect(body.breaks).toEqual(classBreaks(yearly.flatMap(published), 'quantile', 5));
  });

  it('given a viewer, then tip breaks rest on the protected values the viewer is shown for each year, hidden ones left out', async () => {
    const body = await choropleth(viewer, { metric: 'tips_per_1k_households', from: DATA.from, to: '2021-12-31', breaks: 'series' });
    expect(body.protection?.method).toBe('cell_key');
    const yearly = await Promise.all(RUNNING_TOTALS.map((p) => choropleth(viewer, { metric: 'tips_per_1k_households', ...p })));
    expect(body.breaks).toEqual(classBreaks(yearly.flatMap(published), 'quantile', 5));
  });

  it('given a viewer and a period off the reporting calendar, then tips are refused as for breaks=period', async () => {
    const res = await viewer.get(withQuery('/api/choropleth', { metric: 'tips_count', from: '2020-03-05', to: '2020-06-17', breaks: 'series' }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('reporting_calendar');
  });

  it('given no breaks parameter, then the breaks are over the requested period only, as the stable contract says', async () => {
    const body = await choropleth(admin, { metric: 'groups_count', to: '2018-12-31' });
    expect(body.breaks_basis).toBe('period');
    expect(body.breaks_periods).toEqual([{ from: DATA.from, to: '2018-12-31' }]);
    expect(body.breaks).toEqual(classBreaks(published(body), 'quantile', 5));
  });

  it('given a district filter, then the series breaks are still the province’s', async () => {
    const [whole, district] = await Promise.all([
      choropleth(admin, { metric: 'groups_count', breaks: 'series' }),
      choropleth(admin, { metric: 'groups_count', breaks: 'series', district: '249' }),
    ]);
    expect(district.breaks).toEqual(whole.breaks);
    expect(district.values.length).toBeLessThan(whole.values.length);
  });
});
