/**
 * The expansion planner: a ranked row with reasons for every commune, what-if for one commune,
 * greedy allocation across the province (never more households than exist, never a group
 * where nobody is left uncovered) and the ranking as a CSV Excel opens in Vietnamese.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '../support/api-client';
import { expectApiError } from './support/error-shape';
import { closeTo, communeTallies, loadRecords, type Records } from './support/records';
import { startTestServer, withQuery, type TestServer } from './support/test-server';

const FACTORS = [
  'incidents_per_1k_households',
  'hotspot_bin',
  'trend',
  'households_covered_share',
  'groups_per_1k_households',
  'models_per_1k_households',
] as const;
type Factor = (typeof FACTORS)[number];

interface RankingRow {
  code: string;
  name: string;
  district_name: string;
  rank: number;
  gapScore: number;
  values: Record<Factor, number>;
  why: { factor: string; contribution: number }[];
  lowConfidence: boolean;
  incidents: number;
}
interface Ranking {
  period: { from: string; to: string };
  weights: Record<Factor, number>;
  households_per_group_default: number;
  rows: RankingRow[];
}
interface Coverage {
  groups: number;
  householdsInGroups: number;
  uncoveredHouseholds: number;
  householdsCoveredShare: number;
}
interface Allocation {
  householdsPerGroup: number;
  groupsRequested: number;
  groupsAllocated: number;
  groupsUnallocated: number;
  totalNewlyCovered: number;
  steps: { step: number; code: string; newlyCoveredHouseholds: number; cumulativeNewlyCovered: number }[];
  communes: { code: string; groupsAdded: number; before: Coverage; after: Coverage }[];
  provinceBefore: { householdsInGroups: number; households: number };
  provinceAfter: { householdsInGroups: number; households: number };
}
interface WhatIf {
  code: string;
  groupsAdded: number;
  householdsPerGroup: number;
  newlyCoveredHouseholds: number;
  cappedByUncoveredHouseholds: boolean;
  before: Coverage;
  after: Coverage;
  rankBefore: number;
  rankAfter: number;
  gapScoreBefore: number;
  gapScoreAfter: number;
}

let server: TestServer;
let records: Records;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  [records, admin] = await Promise.all([loadRecords(inject('datasetDir')), server.session('admin')]);
});
afterAll(() => server?.close());

const households = (code: string) => records.communes.find((c) => c.code === code)!.households;

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await admin.send('POST', path, body);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as T;
}

describe('ranking', () => {
  it.each([
    { from: '2017-01-01', to: '2022-10-25' },
    { from: '2021-01-01', to: '2021-12-31' },
    { from: '2022-06-01', to: '2022-06-30' },
  ])('$from … $to: every commune gets exactly one row, ranked 1…137 by falling gap score', async (period) => {
    const body = await admin.json<Ranking>(withQuery('/api/planner', period));
    expect(body.period).toEqual(period);
    expect(body.rows.map((r) => r.code).sort()).toEqual(records.communes.map((c) => c.code));
    expect(body.rows.map((r) => r.rank)).toEqual(Array.from({ length: 137 }, (_, i) => i + 1));
    for (let i = 1; i < body.rows.length; i++) expect(body.rows[i]!.gapScore).toBeLessThanOrEqual(body.rows[i - 1]!.gapScore);
  });

  it('names each commune and its district in Vietnamese and explains its rank with at most three inputs', async () => {
    const body = await admin.json<Ranking>('/api/planner');
    for (const row of body.rows) {
      const commune = records.communes.find((c) => c.code === row.code)!;
      expect(row.name).toBe(commune.name);
      expect(row.district_name).toBe(commune.district_name);
      expect(row.why.length).toBeGreaterThan(0);
      expect(row.why.length).toBeLessThanOrEqual(3);
      for (const item of row.why) expect(FACTORS).toContain(item.factor);
    }
  });

  it('given 2021, then coverage and incident inputs equal the recount, and fewer than 20 incidents flag low confidence (admin)', async () => {
    const period = { from: '2021-01-01', to: '2021-12-31' };
    const body = await admin.json<Ranking>(withQuery('/api/planner', period));
    const groups = communeTallies(records, 'groups', period);
    const models = communeTallies(records, 'models', period);
    const tips = communeTallies(records, 'tips', period);
    const events = communeTallies(records, 'events', period);
    for (const row of body.rows) {
      const h = households(row.code);
      const incidents = tips.get(row.code)!.n + events.get(row.code)!.n;
      expect(row.incidents, row.code).toBe(incidents);
      expect(row.lowConfidence, row.code).toBe(incidents < 20);
      expect(closeTo(row.values.incidents_per_1k_households, (incidents * 1000) / h), row.code).toBe(true);
      expect(closeTo(row.values.households_covered_share, Math.min(groups.get(row.code)!.households, h) / h), row.code).toBe(true);
      expect(closeTo(row.values.groups_per_1k_households, (groups.get(row.code)!.n * 1000) / h), row.code).toBe(true);
      expect(closeTo(row.values.models_per_1k_households, (models.get(row.code)!.n * 1000) / h), row.code).toBe(true);
      expect([-3, -2, -1, 0, 1, 2, 3]).toContain(row.values.hotspot_bin);
    }
  });

  it('given only coverage weights, then the least covered communes rank first', async () => {
    const body = await admin.json<Ranking>(
      withQuery('/api/planner', { w_incidents_per_1k_households: 0, w_hotspot_bin: 0, w_trend: 0, w_households_covered_share: 1, w_groups_per_1k_households: 0, w_models_per_1k_households: 0 }),
    );
    const shares = body.rows.map((r) => r.values.households_covered_share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(body.weights.households_covered_share).toBe(1);
  });

  it('given every weight 0, then 400: a ranking needs at least one input', async () => {
    await expectApiError(await admin.get(withQuery('/api/planner', Object.fromEntries(FACTORS.map((f) => [`w_${f}`, 0])))), 400);
  });
});

describe('allocation across the province', () => {
  it.each([1, 25, 400, 5000])('given %i new groups, then no commune ends with more households in groups than it has', async (groups) => {
    const body = await post<Allocation>('/api/planner/allocate', { groups });
    expect(body.communes.map((c) => c.code).sort()).toEqual(records.communes.map((c) => c.code));
    for (const c of body.communes) {
      expect(c.after.householdsInGroups, c.code).toBeLessThanOrEqual(households(c.code));
      expect(c.after.uncoveredHouseholds, c.code).toBeGreaterThanOrEqual(0);
      expect(c.after.householdsInGroups - c.before.householdsInGroups).toBeLessThanOrEqual(c.groupsAdded * body.householdsPerGroup);
      if (c.groupsAdded > 0) expect(c.before.uncoveredHouseholds, `${c.code} had nobody uncovered`).toBeGreaterThan(0);
    }
    expect(body.provinceAfter.householdsInGroups).toBeLessThanOrEqual(body.provinceAfter.households);
  });

  it.each([1, 25, 400, 5000])('given %i new groups, then the steps, the per-commune groups and the province totals agree', async (groups) => {
    const body = await post<Allocation>('/api/planner/allocate', { groups });
    expect(body.groupsAllocated + body.groupsUnallocated).toBe(groups);
    expect(body.steps).toHaveLength(body.groupsAllocated);
    expect(body.communes.reduce((s, c) => s + c.groupsAdded, 0)).toBe(body.groupsAllocated);
    let cumulative = 0;
    for (const step of body.steps) {
      expect(step.newlyCoveredHouseholds).toBeGreaterThan(0);
      expect(step.newlyCoveredHouseholds).toBeLessThanOrEqual(body.householdsPerGroup);
      cumulative += step.newlyCoveredHouseholds;
      expect(step.cumulativeNewlyCovered).toBe(cumulative);
    }
    expect(body.totalNewlyCovered).toBe(cumulative);
    expect(body.provinceAfter.householdsInGroups - body.provinceBefore.householdsInGroups).toBe(cumulative);
  });

  it('given 5,000 groups of 60 households (more than the uncovered households), then every household ends covered and the rest is left unallocated', async () => {
    const body = await post<Allocation>('/api/planner/allocate', { groups: 5000, households_per_group: 60 });
    expect(body.groupsUnallocated).toBeGreaterThan(0);
    for (const c of body.communes) expect(c.after.uncoveredHouseholds, c.code).toBe(0);
    expect(body.provinceAfter.householdsInGroups).toBe(body.provinceAfter.households);
  });

  it('given 0 groups, then nothing changes', async () => {
    const body = await post<Allocation>('/api/planner/allocate', { groups: 0 });
    expect(body.steps).toEqual([]);
    expect(body.groupsAllocated).toBe(0);
    for (const c of body.communes) expect(c.after).toEqual(c.before);
    expect(body.provinceAfter).toEqual(body.provinceBefore);
  });
});

describe('what-if for one commune', () => {
  it.each(['08944', '08707', '09085'])('given 0 groups for %s, then coverage, rank and gap score stay as they were', async (code) => {
    const body = await post<WhatIf>('/api/planner/what-if', { code, groups: 0 });
    expect(body.after).toEqual(body.before);
    expect(body.newlyCoveredHouseholds).toBe(0);
    expect(body.rankAfter).toBe(body.rankBefore);
    expect(body.gapScoreAfter).toBe(body.gapScoreBefore);
  });

  it('given 3 groups of 20 households for Bá Hiến, then 60 more households are covered and it does not move up the gap ranking', async () => {
    const body = await post<WhatIf>('/api/planner/what-if', { code: '08944', groups: 3, households_per_group: 20 });
    expect(body.before.uncoveredHouseholds).toBeGreaterThanOrEqual(60);
    expect(body.newlyCoveredHouseholds).toBe(60);
    expect(body.after.householdsInGroups).toBe(body.before.householdsInGroups + 60);
    expect(body.after.groups).toBe(body.before.groups + 3);
    expect(body.rankAfter).toBeGreaterThanOrEqual(body.rankBefore);
  });

  it('given far more groups than needed, then coverage stops at the commune’s households', async () => {
    const body = await post<WhatIf>('/api/planner/what-if', { code: '08944', groups: 5000, households_per_group: 60 });
    expect(body.cappedByUncoveredHouseholds).toBe(true);
    expect(body.after.householdsInGroups).toBe(households('08944'));
    expect(body.after.uncoveredHouseholds).toBe(0);
  });

  it('given the coverage before, then it equals the recount for the period', async () => {
    const period = { from: '2017-01-01', to: '2020-12-31' };
    const body = await post<WhatIf>('/api/planner/what-if', { code: '09085', groups: 1, ...period });
    const tally = communeTallies(records, 'groups', period).get('09085')!;
    expect(body.before.groups).toBe(tally.n);
    expect(body.before.householdsInGroups).toBe(Math.min(tally.households, households('09085')));
  });

  it.each([
    ['a code no unit has', '99999'],
    ['a district code', '252'],
  ])('given %s, then 404 unknown_unit', async (_label, code) => {
    await expectApiError(await admin.send('POST', '/api/planner/what-if', { code, groups: 1 }), 404, 'unknown_unit');
  });
});

/** RFC 4180 rows of a CSV text: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('CSV export', () => {
  let bytes: Uint8Array;
  let res: Response;
  beforeAll(async () => {
    res = await admin.get('/api/planner.csv?from=2020-01-01&to=2022-10-25');
    bytes = new Uint8Array(await res.arrayBuffer());
  });

  it('is UTF-8 CSV as a download named after the period', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tlg-planner-2020-01-01-2022-10-25.csv"');
  });

  it('starts with the UTF-8 byte-order mark EF BB BF, so Excel reads it as UTF-8', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps the Vietnamese names intact, one row per commune in rank order, lines ending CRLF', async () => {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header!.slice(0, 4)).toEqual(['Hạng', 'Mã xã', 'Xã, phường, thị trấn', 'Huyện, thành phố']);
    expect(rows).toHaveLength(137);
    const ranking = await admin.json<Ranking>('/api/planner?from=2020-01-01&to=2022-10-25');
    rows.forEach((row, i) => {
      const expected = ranking.rows[i]!;
      expect(row.slice(0, 4)).toEqual([String(expected.rank), expected.code, expected.name, expected.district_name]);
    });
    expect(rows.some((row) => row[2] === 'Bá Hiến' && row[3] === 'Bình Xuyên')).toBe(true);
    expect(rows.some((row) => row[2] === 'Đống Đa')).toBe(true);
  });
});
