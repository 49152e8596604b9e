/**
 * The simulated records hang together: groups fit their communes' households, urban groups
 * are only in phường and thị trấn, every tip and event belongs to a group of its commune
 * that was active on its date, dates stay in the published periods, H3 cells match the points.
 */
import { latLngToCell } from 'h3-js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DIR } from '../../data/pipeline/config';
import { defaultBuild, withDatabase, type Row, type TestBuild } from './support/dataset';

let build: TestBuild;
beforeAll(async () => {
  build = await defaultBuild();
});
const rows = (sql: string): Promise<Row[]> => withDatabase(build.dir, (query) => query(sql));

describe('groups', () => {
  it('given census households, when summing group households per commune, then no commune has more in groups than it has', async () => {
    const over = await rows(`
      SELECT c.code, c.households, sum(g.households)::INTEGER AS in_groups
      FROM groups g JOIN communes c ON c.code = g.commune_code
      GROUP BY c.code, c.households HAVING sum(g.households) > c.households`);
    expect(over).toEqual([]);
  });

  it('given a group of neighbouring households, when sized, then it has 10 to 30 households', async () => {
    const [row] = await rows('SELECT min(households)::INTEGER AS lo, max(households)::INTEGER AS hi FROM groups');
    expect(row).toEqual({ lo: 10, hi: 30 });
  });

  it('given urban groups, when locating them, then they are only in phường or thị trấn and in tổ dân phố', async () => {
    const misplaced = await rows(`
      SELECT g.id FROM groups g JOIN communes c ON c.code = g.commune_code JOIN villages v ON v.id = g.village_id
      WHERE g.area_class = 'urban' AND (c.type = 'Xã' OR v.kind <> 'to_dan_pho')`);
    expect(misplaced).toEqual([]);
  });

  it('given the roll-out, when reading founding dates, then they lie in 2017-01-01…2022-10-25 and grow from a pilot year', async () => {
    const [range] = await rows("SELECT min(founded_on)::VARCHAR AS first, max(founded_on)::VARCHAR AS last FROM groups");
    expect(range!.first! >= '2017-01-01').toBe(true);
    expect(range!.last! <= '2022-10-25').toBe(true);
    const perYear = await rows('SELECT year(founded_on)::INTEGER AS y, count(*)::INTEGER AS n FROM groups GROUP BY 1 ORDER BY 1');
    const n = Object.fromEntries(perYear.map((r) => [r.y as number, r.n as number]));
    expect(n[2018]!).toBeGreaterThan(n[2017]!);
    expect(n[2018]!).toBeGreaterThan(n[2021]!);
  });

  it('given coverage is what planners look for, when comparing communes, then groups per 1,000 households vary realistically', async () => {
    const perCommune = await rows(`
      SELECT 1000.0 * count(g.id) / c.households AS per_1k
      FROM communes c LEFT JOIN groups g ON g.commune_code = c.code GROUP BY c.code, c.households`);
    const values = perCommune.map((r) => Number(r.per_1k));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(values).toHaveLength(137);
    expect(Math.min(...values)).toBeGreaterThan(0);
    expect(sd / mean).toBeGreaterThan(0.15);
    expect(sd / mean).toBeLessThan(0.6);
  });

  it('given the reviewed flag config, when reading flagged groups, then they are only in the communes listed for that flag', async () => {
    const config = JSON.parse(readFileSync(path.join(CONFIG_DIR, 'area-flags.json'), 'utf8')) as Record<'ethnic_minority' | 'religious', { code: string }[]>;
    for (const flag of ['ethnic_minority', 'religious'] as const) {
      const allowed = new Set(config[flag].map((e) => e.code));
      const communes = await rows(`SELECT DISTINCT commune_code FROM groups WHERE ${flag}`);
      expect(communes.map((r) => r.commune_code).filter((c) => !allowed.has(c as string))).toEqual([]);
    }
  });

  it('given villages, when counting per commune, then every commune has several', async () => {
    const [row] = await rows('SELECT min(n)::INTEGER AS fewest FROM (SELECT count(*) AS n FROM villages GROUP BY commune_code)');
    const [communes] = await rows('SELECT count(DISTINCT commune_code)::INTEGER AS n FROM villages');
    expect(row!.fewest).toBeGreaterThanOrEqual(3);
    expect(communes!.n).toBe(137);
  });
});

describe('tips and outcome events', () => {
  for (const table of ['tips', 'events'] as const) {
    it(`given ${table}, when joined to their group, then the group is of the same commune and already founded on the date`, async () => {
      const broken = await rows(`
        SELECT t.id FROM ${table} t LEFT JOIN groups g ON g.id = t.group_id
        WHERE g.id IS NULL OR g.commune_code <> t.commune_code OR g.founded_on > t.date`);
      expect(broken).toEqual([]);
    });

    it(`given ${table}, when reading dates, then all lie in the published period 2017-01-01…2022-10-25`, async () => {
      const [row] = await rows(`SELECT count(*)::INTEGER AS outside FROM ${table} WHERE date < DATE '2017-01-01' OR date > DATE '2022-10-25'`);
      expect(row!.outside).toBe(0);
    });
  }

  it('given tips grow with the network, when counting per year, then every year from 2018 has more tips than 2017', async () => {
    const perYear = await rows('SELECT year(date)::INTEGER AS y, count(*)::INTEGER AS n FROM tips GROUP BY 1 ORDER BY 1');
    const n = Object.fromEntries(perYear.map((r) => [r.y as number, r.n as number]));
    for (const year of [2018, 2019, 2020, 2021]) expect(n[year]!).toBeGreaterThan(n[2017] ?? 0);
    expect(n[2021]!).toBeGreaterThan(n[2018]!);
  });

  it('given models, when reading founding dates, then they lie in 2019-01-01…2022-10-25', async () => {
    const [row] = await rows("SELECT count(*)::INTEGER AS outside FROM models WHERE founded_on < DATE '2019-01-01' OR founded_on > DATE '2022-10-25'");
    expect(row!.outside).toBe(0);
  });
});

describe('precomputed columns', () => {
  it('given every point record, when recomputing H3 cells with h3-js, then res 7 and 8 match and coordinates have at most 6 decimals', async () => {
    for (const table of ['groups', 'models', 'tips', 'events']) {
      const points = await rows(`SELECT lon, lat, h3_r7, h3_r8 FROM ${table}`);
      for (const p of points) {
        const lon = Number(p.lon);
        const lat = Number(p.lat);
        expect(latLngToCell(lat, lon, 7)).toBe(p.h3_r7);
        expect(latLngToCell(lat, lon, 8)).toBe(p.h3_r8);
        expect(Math.abs(lon * 1e6 - Math.round(lon * 1e6))).toBeLessThan(1e-6);
        expect(Math.abs(lat * 1e6 - Math.round(lat * 1e6))).toBeLessThan(1e-6);
      }
    }
  });

  it('given a group, a tip or an event, when reading its district code, then it is the district of its commune', async () => {
    const wrong = await rows(`
      SELECT x.id FROM (SELECT id, commune_code, district_code FROM groups UNION ALL SELECT id, commune_code, district_code FROM tips
                        UNION ALL SELECT id, commune_code, district_code FROM events UNION ALL SELECT id, commune_code, district_code FROM models
                        UNION ALL SELECT id, commune_code, district_code FROM villages) x
      JOIN communes c ON c.code = x.commune_code WHERE c.district_code <> x.district_code`);
    expect(wrong).toEqual([]);
  });
});
