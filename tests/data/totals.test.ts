/**
 * Every figure published on 25 Oct 2022 is reproduced exactly by the demo data at scale 1,
 * queried from the real tlg.duckdb; the 50-group gap of the published split stays visible.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedTotalsPath } from '../../data/paths';
import { defaultBuild, withDatabase, type Row, type TestBuild } from './support/dataset';

let build: TestBuild;
beforeAll(async () => {
  build = await defaultBuild();
});

const one = async (sql: string): Promise<Row> =>
  withDatabase(build.dir, async (query) => (await query(sql))[0]!);

describe('Tổ liên gia groups', () => {
  it('given the published figures, when counting groups active on 2022-10-25, then 10,762 = 9,182 rural + 1,530 urban + 50 unclassified', async () => {
    const row = await one(`
      SELECT count(*)::INTEGER AS total,
             count(*) FILTER (WHERE area_class = 'rural')::INTEGER AS rural,
             count(*) FILTER (WHERE area_class = 'urban')::INTEGER AS urban,
             count(*) FILTER (WHERE area_class = 'unclassified')::INTEGER AS unclassified,
             count(*) FILTER (WHERE founded_on <= DATE '2022-10-25')::INTEGER AS active_at_review
      FROM groups`);
    expect(row).toEqual({ total: 10762, rural: 9182, urban: 1530, unclassified: 50, active_at_review: 10762 });
  });

  it('given the overlapping sub-groups, when counting flags, then 979 are in ethnic-minority areas and 2,282 in religious areas', async () => {
    const row = await one(`
      SELECT count(*) FILTER (WHERE ethnic_minority)::INTEGER AS ethnic,
             count(*) FILTER (WHERE religious)::INTEGER AS religious
      FROM groups`);
    expect(row).toEqual({ ethnic: 979, religious: 2282 });
  });
});

describe('"4 an toàn" models', () => {
  it('given the published total, when counting models, then there are 1,076 split 430 schools / 300 agencies / 290 enterprises / 56 hospitals', async () => {
    const row = await one(`
      SELECT count(*)::INTEGER AS total,
             count(*) FILTER (WHERE setting = 'school')::INTEGER AS school,
             count(*) FILTER (WHERE setting = 'agency')::INTEGER AS agency,
             count(*) FILTER (WHERE setting = 'enterprise')::INTEGER AS enterprise,
             count(*) FILTER (WHERE setting = 'hospital')::INTEGER AS hospital
      FROM models`);
    expect(row).toEqual({ total: 1076, school: 430, agency: 300, enterprise: 290, hospital: 56 });
  });
});

describe('tips and outcomes', () => {
  it('given "more than 6,000" tips, when counting, then there are 6,238, the number stated in the manifest', async () => {
    const row = await one('SELECT count(*)::INTEGER AS tips FROM tips');
    expect(row.tips).toBe(6238);
    expect(build.manifest.totals['outcomes.security_tips_provided']).toBe(6238);
  });

  it('given the published outcome figures, when summing event quantities per kind, then each equals its figure exactly', async () => {
    const published = JSON.parse(readFileSync(publishedTotalsPath(), 'utf8')) as { outcomes_2017_2022: Record<string, number | { value: number }> };
    const rows = await withDatabase(build.dir, (query) => query('SELECT kind, sum(quantity)::INTEGER AS total FROM events GROUP BY kind ORDER BY kind'));
    const totals = Object.fromEntries(rows.map((r) => [r.kind as string, r.total as number]));
    expect(totals).toEqual({
      guns_surrendered: 21,
      household_registration_violations_reported: 201,
      illegal_entry_foreigners_reported: 56,
      post_rehab_exemplars: 18,
      post_rehab_people_managed: 1361,
      primitive_weapons_surrendered: 171,
      women_illegal_exit_returned_reported: 311,
    });
    for (const [kind, total] of Object.entries(totals)) {
      const figure = published.outcomes_2017_2022[kind]!;
      expect(total).toBe(typeof figure === 'number' ? figure : figure.value);
    }
  });

  it('given the manifest, when reading its totals, then they are the figures queried from the database', async () => {
    expect(build.manifest.totals).toMatchObject({
      'to_lien_gia.total_active': 10762,
      'to_lien_gia.rural': 9182,
      'to_lien_gia.urban': 1530,
      'to_lien_gia.unclassified': 50,
      'to_lien_gia.ethnic_minority_areas': 979,
      'to_lien_gia.religious_areas': 2282,
      'bon_an_toan.total': 1076,
      'outcomes.post_rehab_people_managed': 1361,
      'census.population': 1151154,
      'census.households': 308251,
    });
    expect(build.manifest.synthetic).toBe(true);
    expect(build.manifest.rows).toMatchObject({ communes: 137, groups: 10762, models: 1076, tips: 6238 });
  });

  it('given the simulated tables, when checking the label, then every record is marked simulated', async () => {
    const row = await one(`
      SELECT (SELECT count(*) FROM villages WHERE NOT simulated)
           + (SELECT count(*) FROM groups WHERE NOT simulated)
           + (SELECT count(*) FROM models WHERE NOT simulated)
           + (SELECT count(*) FROM tips WHERE NOT simulated)
           + (SELECT count(*) FROM events WHERE NOT simulated) AS unlabelled`);
    expect(Number(row.unlabelled)).toBe(0);
  });
});
