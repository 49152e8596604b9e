/**
 * Every simulated point lies inside the polygon of the commune it is recorded in (turf
 * point-in-polygon against the written GeoJSON), and villages avoid the Tam Đảo forest mask.
 */
import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DIR } from '../../data/pipeline/config';
import { BUILD_FILES } from '../../data/schema';
import { defaultBuild, readGeojson, withDatabase, type TestBuild } from './support/dataset';

let build: TestBuild;
let polygons: Map<string, turf.AllGeoJSON>;
beforeAll(async () => {
  build = await defaultBuild();
  polygons = new Map(readGeojson(build.dir, BUILD_FILES.communesGeojson).features.map((f) => [f.properties.code as string, f]));
});

describe('points inside their commune', () => {
  for (const table of ['villages', 'groups', 'models', 'tips', 'events'] as const) {
    it(`given every row of ${table}, when tested with turf point-in-polygon, then it lies in its own commune`, async () => {
      const points = await withDatabase(build.dir, (query) => query(`SELECT id, commune_code, lon, lat FROM ${table}`));
      expect(points.length).toBeGreaterThan(0);
      const outside = points.filter((p) => {
        const polygon = polygons.get(p.commune_code as string) as Parameters<typeof turf.booleanPointInPolygon>[1];
        return !turf.booleanPointInPolygon([Number(p.lon), Number(p.lat)], polygon);
      });
      expect(outside.map((p) => p.id)).toEqual([]);
    });
  }

  it('given the Tam Đảo forest mask, when placing villages, then none lies in it except in the exempt hill-station town', async () => {
    const config = JSON.parse(readFileSync(path.join(CONFIG_DIR, 'settlement-mask.json'), 'utf8')) as {
      mask: { polygon: [number, number][] };
      exempt_communes: { code: string }[];
    };
    const mask = turf.polygon([config.mask.polygon]);
    const exempt = new Set(config.exempt_communes.map((e) => e.code));
    const villages = await withDatabase(build.dir, (query) => query('SELECT id, commune_code, lon, lat FROM villages'));
    const inForest = villages.filter((v) => !exempt.has(v.commune_code as string) && turf.booleanPointInPolygon([Number(v.lon), Number(v.lat)], mask));
    expect(inForest).toEqual([]);
  });
});
