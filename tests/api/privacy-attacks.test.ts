/**
 * A determined viewer against the informant privacy, attack by attack: differencing periods,
 * derived averages, sums of outcome kinds, yearly series against totals, districts against
 * their communes, and repeated queries. Ground truth comes from an admin session; for the
 * hidden counts 1–4 each attack recovers, its exact-hit rate may beat always guessing the most
 * common small count by at most 5 percentage points.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../data/paths';
import { OUTCOME_KINDS } from '#contract';
import type { ChoroplethResponse, SummaryResponse, UnitProfileResponse } from '#contract/api';
import type { ApiClient } from '../support/api-client';
import { nearestSmallCount, scoreAttack, type AttackScore, type Guess } from './support/attack';
import { startTestServer, withQuery, type TestServer } from './support/test-server';

const K = 5;
const MAX_ADVANTAGE = 0.05;
const RANGE = { from: '2017-01-01', to: '2022-10-25' };
const YEARS = [2017, 2018, 2019, 2020, 2021, 2022];
const yearPeriod = (year: number) => ({ from: `${year}-01-01`, to: year === 2022 ? RANGE.to : `${year}-12-31` });
const isSmall = (n: number | null | undefined): n is number => typeof n === 'number' && n > 0 && n < K;

let server: TestServer;
let viewer: ApiClient;
let admin: ApiClient;
let communes: { code: string; district_code: string; households: number }[];

beforeAll(async () => {
  server = await startTestServer();
  [viewer, admin] = await Promise.all([server.session('viewer'), server.session('admin')]);
  const units = await admin.json<{ features: { properties: { code: string; district_code: string; households: number } }[] }>('/api/units?level=commune');
  communes = units.features.map((f) => f.properties);
});
afterAll(async () => {
  mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, 'test-results', 'privacy-attacks.json'), `${JSON.stringify(scores, null, 2)}\n`);
  await server?.close();
});

function byDistrict(): Map<string, typeof communes> {
  const groups = new Map<string, typeof communes>();
  for (const c of communes) groups.set(c.district_code, [...(groups.get(c.district_code) ?? []), c]);
  return groups;
}

const choropleth = (client: ApiClient, params: Record<string, string>) => client.json<ChoroplethResponse>(withQuery('/api/choropleth', params));
const valuesByCode = (body: ChoroplethResponse) => new Map(body.values.map((v) => [v.code, v.value]));

/** Every attack's score, written for the README's measured limits. */
const scores: Record<string, AttackScore> = {};

function expectNoAdvantage(guesses: Guess[], label: string): void {
  const score = scoreAttack(guesses);
  scores[label] = score;
  expect(score.advantage, `${label}: ${JSON.stringify(score)}`).toBeLessThanOrEqual(MAX_ADVANTAGE);
}

describe('differencing periods', () => {
  it('prefix, suffix and day-shifted periods that are not whole calendar years are refused to a viewer (403), so nothing is there to subtract', async () => {
    const periods = [
      { from: '2017-01-01', to: '2018-03-31' },
      { from: '2017-01-01', to: '2018-02-28' },
      { from: '2020-06-02', to: '2020-06-30' },
      { from: '2020-06-01', to: '2020-06-30' },
      { from: '2019-01-01', to: '2022-10-24' },
      { from: '2017-01-02', to: '2022-10-25' },
    ];
    for (const period of periods) {
      for (const path of ['/api/choropleth?metric=tips_count', '/api/choropleth?metric=events_count&level=district', '/api/timeseries?layer=tips&level=district&code=249', '/api/grid?layer=tips']) {
        const res = await viewer.get(`${path}&${new URLSearchParams(period)}`);
        expect(res.status, `${path} ${JSON.stringify(period)}`).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('reporting_calendar');
      }
    }
  });

  it('differences of whole-year prefixes and suffixes give back no hidden commune-year count (advantage ≤ 0.05)', async () => {
    const guesses: Guess[] = [];
    for (const metric of ['tips_count', 'events_count']) {
      for (let i = 1; i < YEARS.length; i++) {
        const year = YEARS[i]!;
        const truth = valuesByCode(await choropleth(admin, { metric, ...yearPeriod(year) }));
        const pairs = [
          [{ from: RANGE.from, to: yearPeriod(year).to }, { from: RANGE.from, to: yearPeriod(year - 1).to }],
          [{ from: yearPeriod(year).from, to: RANGE.to }, i + 1 < YEARS.length ? { from: yearPeriod(year + 1).from, to: RANGE.to } : null],
        ] as const;
        for (const [longer, shorter] of pairs) {
          const long = valuesByCode(await choropleth(viewer, { metric, ...longer }));
          const short = shorter ? valuesByCode(await choropleth(viewer, { metric, ...shorter })) : new Map<string, number | null>();
          for (const [code, value] of truth) {
            const a = long.get(code);
            const b = shorter ? short.get(code) : 0;
            if (!isSmall(value) || a === null || a === undefined || b === null || b === undefined) continue;
            guesses.push({ cell: `${metric} ${code} ${year}`, truth: value, guess: nearestSmallCount(a - b, K) });
          }
        }
      }
    }
    expectNoAdvantage(guesses, 'prefix/suffix differencing');
  });
});

describe('derived averages', () => {
  it('district and province averages in commune profiles give back no hidden commune-year tip count (advantage ≤ 0.05)', async () => {
    const guesses: Guess[] = [];
    for (const year of [2017, 2019, 2021, 2022]) {
      const period = yearPeriod(year);
      const published = valuesByCode(await choropleth(viewer, { metric: 'tips_per_1k_households', ...period }));
      const truth = valuesByCode(await choropleth(admin, { metric: 'tips_count', ...period }));
      for (const members of byDistrict().values()) {
        const hidden = members.filter((c) => published.get(c.code) === null);
        if (hidden.length === 0) continue;
        const profile = await viewer.json<UnitProfileResponse>(withQuery(`/api/units/${hidden[0]!.code}`, period));
        const average = profile.metrics.tips_per_1k_households?.district_average;
        if (average === null || average === undefined) continue;
        // The rates the average leaves for the hidden communes, shared out by households.
        const left = average * members.length - members.reduce((sum, c) => sum + (published.get(c.code) ?? 0), 0);
        const hiddenHouseholds = hidden.reduce((sum, c) => sum + c.households, 0);
        const tipsLeft = (left * hiddenHouseholds) / 1000 / hidden.length;
        for (const target of hidden) {
          if (!isSmall(truth.get(target.code))) continue;
          guesses.push({ cell: `${target.code} ${year}`, truth: truth.get(target.code)!, guess: nearestSmallCount((tipsLeft * target.households) / hiddenHouseholds, K) });
        }
      }
    }
    expectNoAdvantage(guesses, 'district averages');
  });
});

describe('sums of parts', () => {
  it("a district's outcome events minus its published kinds gives back no hidden kind (advantage ≤ 0.05)", async () => {
    const guesses: Guess[] = [];
    const districts = [...new Set(communes.map((c) => c.district_code))];
    for (const year of YEARS) {
      const period = yearPeriod(year);
      const events = valuesByCode(await choropleth(viewer, { metric: 'events_count', level: 'district', ...period }));
      for (const district of districts) {
        const [shown, truth] = await Promise.all([
          viewer.json<SummaryResponse>(withQuery('/api/summary', { district, ...period })),
          admin.json<SummaryResponse>(withQuery('/api/summary', { district, ...period })),
        ]);
        const hidden = OUTCOME_KINDS.filter((kind) => shown.outcomes[kind] === null);
        const total = events.get(district);
        if (hidden.length === 0 || total === null || total === undefined) continue;
        const visible = OUTCOME_KINDS.reduce((sum, k) => sum + (shown.outcomes[k] ?? 0), 0);
        for (const kind of hidden) {
          const value = truth.outcomes[kind];
          if (isSmall(value)) guesses.push({ cell: `${district} ${year} ${kind}`, truth: value, guess: nearestSmallCount((total - visible) / hidden.length, K) });
        }
      }
    }
    expectNoAdvantage(guesses, 'sums of kinds');
  });

  it("a district's tips minus its published communes gives back no hidden commune (advantage ≤ 0.05)", async () => {
    const guesses: Guess[] = [];
    for (const year of YEARS) {
      const period = yearPeriod(year);
      const [districtValues, communeValues, truth] = await Promise.all([
        choropleth(viewer, { metric: 'tips_count', level: 'district', ...period }).then(valuesByCode),
        choropleth(viewer, { metric: 'tips_count', ...period }).then(valuesByCode),
        choropleth(admin, { metric: 'tips_count', ...period }).then(valuesByCode),
      ]);
      for (const [district, members] of byDistrict()) {
        const hidden = members.filter((c) => communeValues.get(c.code) === null);
        const total = districtValues.get(district);
        if (hidden.length === 0 || total === null || total === undefined) continue;
        const visible = members.reduce((sum, c) => sum + (communeValues.get(c.code) ?? 0), 0);
        for (const c of hidden) {
          const value = truth.get(c.code);
          if (isSmall(value)) guesses.push({ cell: `${c.code} ${year}`, truth: value, guess: nearestSmallCount((total - visible) / hidden.length, K) });
        }
      }
    }
    expectNoAdvantage(guesses, 'levels');
  });

  it("a commune's yearly tips against its whole-programme total give back no hidden year (advantage ≤ 0.05)", async () => {
    const guesses: Guess[] = [];
    const programme = valuesByCode(await choropleth(viewer, { metric: 'tips_count', ...RANGE }));
    for (const commune of communes) {
      const [shown, truth] = await Promise.all([
        viewer.json<UnitProfileResponse>(withQuery(`/api/units/${commune.code}`, RANGE)),
        admin.json<UnitProfileResponse>(withQuery(`/api/units/${commune.code}`, RANGE)),
      ]);
      const hidden = shown.yearly.filter((y) => y.tips === null);
      const total = programme.get(commune.code);
      if (hidden.length === 0 || total === null || total === undefined) continue;
      const visible = shown.yearly.reduce((sum, y) => sum + (y.tips ?? 0), 0);
      for (const year of hidden) {
        const target = truth.yearly.find((y) => y.year === year.year)!;
        if (isSmall(target.tips)) guesses.push({ cell: `${commune.code} ${target.year}`, truth: target.tips, guess: nearestSmallCount((total - visible) / hidden.length, K) });
      }
    }
    expectNoAdvantage(guesses, 'series');
  });

  it('monthly series of a district or commune are refused to a viewer (403): months are not on the calendar', async () => {
    for (const path of ['/api/timeseries?layer=tips&interval=month&level=district&code=249', '/api/timeseries?layer=events&interval=month&level=commune&code=08944']) {
      expect((await viewer.get(path)).status).toBe(403);
    }
  });
});

describe('repeated queries', () => {
  it('the same question gets the same protected answer every time, so averaging repeats gains nothing', async () => {
    const path = withQuery('/api/choropleth', { metric: 'tips_count', ...yearPeriod(2020) });
    const answers = await Promise.all(Array.from({ length: 5 }, () => viewer.json<ChoroplethResponse>(path)));
    for (const answer of answers.slice(1)) expect(answer.values).toEqual(answers[0]!.values);
  });
});
