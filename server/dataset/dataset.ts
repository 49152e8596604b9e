/**
 * The prepared data set as the server holds it: the read-only DuckDB, the manifest, the unit
 * boundaries as ready-to-send GeoJSON text, and the unit attributes every route looks up.
 * Loaded once; swapped whole when a new build is ready.
 */
import { readFile } from 'node:fs/promises';
import type { FeatureCollection, Geometry } from 'geojson';
import path from 'node:path';
import { BUILD_FILES, type Manifest } from '../../data/schema';
import { PROVINCE_CODE, type Bbox, type Period, type UnitLevel } from '#contract';
import { Database } from './database';
import { RollupDays } from './rollup-days';
import { rollupBounds } from './rollups';
import type { UnitRecord } from './unit-record';
import { UnitSearch } from './unit-search';

export type UnitGeojsonKey = 'commune' | 'district' | 'province' | '2025';

export interface Dataset {
  manifest: Manifest;
  version: string;
  synthetic: boolean;
  period: Period;
  db: Database;
  /** The daily rollup the period queries read. */
  rollup: RollupDays;
  /** GeoJSON text per unit layer, sent as is. */
  geojson: Record<UnitGeojsonKey, string>;
  /** Neighbouring provinces, rivers and towns around the province (GeoJSON text, sent as is). */
  contextGeojson: string;
  communes: UnitRecord[];
  districts: UnitRecord[];
  province: UnitRecord;
  unitByCode: Map<string, UnitRecord>;
  search: UnitSearch;
  /** Commune polygons in the same order as `communes` (for contiguity). */
  communeGeometries: Geometry[];
}

interface UnitRow {
  code: string;
  name: string;
  type: string;
  district_code?: string;
  district_name?: string;
  population: number;
  households: number;
  area_km2: number;
  centroid_lon: number;
  centroid_lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

function toUnit(row: UnitRow, level: UnitLevel): UnitRecord {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    level,
    district_code: row.district_code ?? null,
    district_name: row.district_name ?? null,
    population: row.population,
    households: row.households,
    area_km2: row.area_km2,
    bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
    centroid: [row.centroid_lon, row.centroid_lat],
  };
}

function sum(units: UnitRecord[], key: 'population' | 'households' | 'area_km2'): number {
  return units.reduce((total, u) => total + u[key], 0);
}

function unionBbox(units: UnitRecord[]): Bbox {
  return units.reduce<Bbox>(
    (b, u) => [Math.min(b[0], u.bbox[0]), Math.min(b[1], u.bbox[1]), Math.max(b[2], u.bbox[2]), Math.max(b[3], u.bbox[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

export async function loadDataset(dir: string): Promise<Dataset> {
  const manifest = JSON.parse(await readFile(path.join(dir, BUILD_FILES.manifest), 'utf8')) as Manifest;
  const db = await Database.open(path.join(dir, BUILD_FILES.database));
  try {
    const bounds = await rollupBounds(db);
    const communes = (
      await db.all<UnitRow & Record<string, unknown>>(
        `-- 2019 communes with census figures, in code order
         SELECT code, name, type, district_code, district_name, population, households, area_km2,
                centroid_lon, centroid_lat, min_lon, min_lat, max_lon, max_lat
         FROM communes ORDER BY code`,
      )
    ).map((r) => toUnit(r, 'commune'));
    const districts = (
      await db.all<UnitRow & Record<string, unknown>>(
        `-- 2019 districts dissolved from communes, in code order
         SELECT code, name, type, population, households, area_km2,
                centroid_lon, centroid_lat, min_lon, min_lat, max_lon, max_lat
         FROM districts ORDER BY code`,
      )
    ).map((r) => toUnit(r, 'district'));
    const readText = (file: string) => readFile(path.join(dir, file), 'utf8');
    const [commune, district, province, units2025, contextGeojson] = await Promise.all([
      readText(BUILD_FILES.communesGeojson),
      readText(BUILD_FILES.districtsGeojson),
      readText(BUILD_FILES.provinceGeojson),
      readText(BUILD_FILES.units2025Geojson),
      readText(BUILD_FILES.contextGeojson),
    ]);
    const provinceFeature = (JSON.parse(province) as FeatureCollection).features[0];
    const provinceProps = (provinceFeature?.properties ?? {}) as Partial<UnitRow>;
    const bbox = unionBbox(communes);
    const provinceUnit: UnitRecord = {
      code: provinceProps.code ?? PROVINCE_CODE,
      name: provinceProps.name ?? 'Vĩnh Phúc',
      type: provinceProps.type ?? 'Tỉnh',
      level: 'province',
      district_code: null,
      district_name: null,
      population: sum(communes, 'population'),
      households: sum(communes, 'households'),
      area_km2: sum(communes, 'area_km2'),
      bbox,
      centroid: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2],
    };
    const geometryByCode = new Map(
      (JSON.parse(commune) as FeatureCollection).features.map((f) => [String(f.properties?.code), f.geometry]),
    );
    const communeGeometries = communes.map((c) => {
      const geometry = geometryByCode.get(c.code);
      if (!geometry) throw new Error(`commune ${c.code} has no boundary in ${BUILD_FILES.communesGeojson}`);
      return geometry;
    });
    const unitByCode = new Map<string, UnitRecord>([[provinceUnit.code, provinceUnit]]);
    for (const unit of [...districts, ...communes]) unitByCode.set(unit.code, unit);
    return {
      manifest,
      version: manifest.version,
      synthetic: manifest.synthetic,
      period: manifest.period,
      db,
      rollup: new RollupDays(db, bounds, communes.map((c) => c.code)),
      geojson: { commune, district, province, '2025': units2025 },
      contextGeojson,
      communes,
      districts,
      province: provinceUnit,
      unitByCode,
      search: new UnitSearch([provinceUnit, ...districts, ...communes]),
      communeGeometries,
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
