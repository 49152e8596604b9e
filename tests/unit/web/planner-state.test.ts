import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANNER_WEIGHTS } from '#contract';
import type { PlannerRow } from '#contract/api';
import { DEFAULT_STATE, parseAtlasState, serializeAtlasState } from '../../../web/src/state/atlasState';
import { allowedViews, restrictToRole } from '../../../web/src/state/permissions';
import { nextPlannerSort, parsePlannerSort, plannerTableRows } from '../../../web/src/state/plannerTable';
import { hasPositiveWeight, isDefaultWeights, parseWeights, weightShares } from '../../../web/src/state/plannerWeights';

function row(code: string, rank: number, name: string, district: string, lowConfidence = false): PlannerRow {
  const zero = { incidents_per_1k_households: 0, hotspot_bin: 0, trend: 0, households_covered_share: 0, groups_per_1k_households: 0, models_per_1k_households: 0 };
  return {
    code,
    rank,
    name,
    district_name: district,
    gapScore: 1 - rank / 10,
    needIndex: 0,
    values: zero,
    standardised: zero,
    contributions: zero,
    why: [],
    lowConfidence,
    incidents: lowConfidence ? 3 : 40,
  };
}

/** Four communes of two districts, in rank order. */
const ROWS = [row('08740', 1, 'Trưng Nhị', 'Phúc Yên'), row('09085', 2, 'Chấn Hưng', 'Vĩnh Tường', true), row('08959', 3, 'Sơn Lôi', 'Bình Xuyên'), row('08707', 4, 'Tích Sơn', 'Vĩnh Yên', true)];

describe('planner weights in the URL', () => {
  it('given no weight in the link, when parsed, then every weight is its documented default', () => {
    expect(parseAtlasState('?view=planner').weights).toEqual(DEFAULT_PLANNER_WEIGHTS);
  });

  it('given the default weights, when serialised, then the link carries no weight at all', () => {
    expect(serializeAtlasState({ ...DEFAULT_STATE, view: 'planner' })).not.toContain('w_');
  });

  it('given one changed weight, when serialised and parsed, then only it is written and it round-trips', () => {
    const weights = { ...DEFAULT_PLANNER_WEIGHTS, trend: 0.55 };
    const search = serializeAtlasState({ ...DEFAULT_STATE, weights });
    expect(search.match(/w_/g)).toHaveLength(1);
    expect(search).toContain('w_trend=0.55');
    expect(parseAtlasState(search).weights).toEqual(weights);
  });

  it.each([
    ['-1', 'negative'],
    ['abc', 'not a number'],
    ['', 'empty'],
    ['1001', 'above the API bound of 1000'],
    ['Infinity', 'not finite'],
  ])('given w_trend=%s (%s), when parsed, then the trend weight keeps its default', (text) => {
    expect(parseWeights(new URLSearchParams(`w_trend=${text}`)).trend).toBe(DEFAULT_PLANNER_WEIGHTS.trend);
  });

  it('rescales to shares of the total as the server does, and knows all-zero weights rank nothing', () => {
    const shares = weightShares({ ...DEFAULT_PLANNER_WEIGHTS, incidents_per_1k_households: 1.3 });
    // Total 1.3 + 0.2 + 0.1 + 0.25 + 0.1 + 0.05 = 2.0
    expect(shares.incidents_per_1k_households).toBeCloseTo(0.65, 10);
    expect(shares.trend).toBeCloseTo(0.05, 10);
    const zero = Object.fromEntries(Object.keys(DEFAULT_PLANNER_WEIGHTS).map((f) => [f, 0])) as typeof DEFAULT_PLANNER_WEIGHTS;
    expect(hasPositiveWeight(zero)).toBe(false);
    expect(hasPositiveWeight(DEFAULT_PLANNER_WEIGHTS)).toBe(true);
    expect(isDefaultWeights({ ...DEFAULT_PLANNER_WEIGHTS })).toBe(true);
  });
});

describe('planner table order and filter', () => {
  it('given no sort in the link, then rows keep rank order', () => {
    expect(plannerTableRows(ROWS, parsePlannerSort(null), null).map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('given sort=name, then communes are in Vietnamese alphabetical order', () => {
    expect(plannerTableRows(ROWS, parsePlannerSort('name'), null).map((r) => r.name)).toEqual(['Chấn Hưng', 'Sơn Lôi', 'Tích Sơn', 'Trưng Nhị']);
  });

  it('given sort=-district, then districts run Z to A', () => {
    expect(plannerTableRows(ROWS, parsePlannerSort('-district'), null).map((r) => r.district_name)).toEqual([
      'Vĩnh Yên',
      'Vĩnh Tường',
      'Phúc Yên',
      'Bình Xuyên',
    ]);
  });

  it('given sort=confidence, then low-confidence rows come first, each group in rank order', () => {
    expect(plannerTableRows(ROWS, parsePlannerSort('confidence'), null).map((r) => r.rank)).toEqual([2, 4, 1, 3]);
  });

  it('given a district, then only its communes show, with their province-wide ranks', () => {
    expect(plannerTableRows(ROWS, parsePlannerSort(null), new Set(['08959'])).map((r) => [r.code, r.rank])).toEqual([['08959', 3]]);
  });

  it('given an unknown sort, then rank order applies; clicking a sorted column flips it', () => {
    expect(parsePlannerSort('DROP')).toEqual({ key: 'rank', descending: false });
    expect(nextPlannerSort({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
    expect(nextPlannerSort({ key: 'name', descending: true }, 'district')).toEqual({ key: 'district', descending: false });
  });
});

describe('who sees the planner', () => {
  it('offers viewers the briefing and explore views only, analysts and admins the planner too', () => {
    expect(allowedViews('viewer')).toEqual(['briefing', 'explore']);
    expect(allowedViews('analyst')).toEqual(['briefing', 'explore', 'planner']);
    expect(allowedViews('admin')).toEqual(['briefing', 'explore', 'planner']);
  });

  it('given a planner link opened by a viewer, then the view falls back to the briefing', () => {
    const state = parseAtlasState('?view=planner&w_trend=1');
    expect(restrictToRole(state, 'viewer').view).toBe('briefing');
    expect(restrictToRole(state, 'analyst').view).toBe('planner');
  });
});

describe('boundary version in the URL', () => {
  it('given units=2025, then it round-trips; given none or junk, then 2019', () => {
    expect(parseAtlasState(serializeAtlasState({ ...DEFAULT_STATE, units: '2025' })).units).toBe('2025');
    expect(parseAtlasState('').units).toBe('2019');
    expect(parseAtlasState('?units=1999').units).toBe('2019');
    expect(serializeAtlasState(DEFAULT_STATE)).not.toContain('units=');
  });

  it('given days in a shared link, then below admin the whole years that hold them are shown, and an admin keeps the days', () => {
    const state = parseAtlasState('?from=2020-03-01&to=2021-06-30');
    expect(restrictToRole(state, 'viewer').period).toEqual({ from: '2020-01-01', to: '2021-12-31' });
    expect(restrictToRole(state, 'analyst').period).toEqual({ from: '2020-01-01', to: '2021-12-31' });
    expect(restrictToRole(state, 'admin').period).toEqual({ from: '2020-03-01', to: '2021-06-30' });
    const wholeYears = parseAtlasState('?from=2019-01-01&to=2022-10-25');
    expect(restrictToRole(wholeYears, 'viewer')).toBe(wholeYears);
  });
});
