import { AREA_CLASSES, MODEL_SETTINGS, OUTCOME_KINDS } from '#contract';

/**
 * Tables of the prepared data set: the boundary between the data pipeline (writer) and the
 * server queries (reader). Each table is written as `<name>.parquet` under the build
 * directory and loaded into `tlg.duckdb`. Column docs: data/README.md.
 */

export const TABLE_DDL = {
  /** 137 communes of 2019 with census figures (real data). */
  communes: `
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
    district_code VARCHAR NOT NULL, district_name VARCHAR NOT NULL,
    population INTEGER NOT NULL, households INTEGER NOT NULL, area_km2 DOUBLE NOT NULL,
    centroid_lon DOUBLE NOT NULL, centroid_lat DOUBLE NOT NULL,
    min_lon DOUBLE NOT NULL, min_lat DOUBLE NOT NULL, max_lon DOUBLE NOT NULL, max_lat DOUBLE NOT NULL,
    gadm_gid VARCHAR NOT NULL, code_2025 VARCHAR`,
  /** 9 districts of 2019, dissolved from communes. */
  districts: `
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
    population INTEGER NOT NULL, households INTEGER NOT NULL, area_km2 DOUBLE NOT NULL,
    centroid_lon DOUBLE NOT NULL, centroid_lat DOUBLE NOT NULL,
    min_lon DOUBLE NOT NULL, min_lat DOUBLE NOT NULL, max_lon DOUBLE NOT NULL, max_lat DOUBLE NOT NULL`,
  /** 2025 units (communes/wards of Phú Thọ) dissolved from the mapped old communes. */
  units_2025: `
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
    population INTEGER NOT NULL, households INTEGER NOT NULL, area_km2 DOUBLE NOT NULL,
    old_codes VARCHAR NOT NULL,
    min_lon DOUBLE NOT NULL, min_lat DOUBLE NOT NULL, max_lon DOUBLE NOT NULL, max_lat DOUBLE NOT NULL`,
  /** Simulated villages (thôn) and residential groups (tổ dân phố): the settlement centres. */
  villages: `
    id VARCHAR PRIMARY KEY, commune_code VARCHAR NOT NULL, district_code VARCHAR NOT NULL,
    name VARCHAR NOT NULL, kind VARCHAR NOT NULL, households INTEGER NOT NULL,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, simulated BOOLEAN NOT NULL`,
  /** Simulated Tổ liên gia tự quản groups. */
  groups: `
    id VARCHAR PRIMARY KEY, commune_code VARCHAR NOT NULL, district_code VARCHAR NOT NULL,
    village_id VARCHAR NOT NULL, area_class VARCHAR NOT NULL,
    ethnic_minority BOOLEAN NOT NULL, religious BOOLEAN NOT NULL,
    founded_on DATE NOT NULL, households INTEGER NOT NULL,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, h3_r7 VARCHAR NOT NULL, h3_r8 VARCHAR NOT NULL,
    simulated BOOLEAN NOT NULL`,
  /** Simulated "4 an toàn" models. */
  models: `
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, setting VARCHAR NOT NULL,
    commune_code VARCHAR NOT NULL, district_code VARCHAR NOT NULL, founded_on DATE NOT NULL,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, h3_r7 VARCHAR NOT NULL, h3_r8 VARCHAR NOT NULL,
    simulated BOOLEAN NOT NULL`,
  /** Simulated tips (nguồn tin) passed by a group to the police. Never served as points. */
  tips: `
    id VARCHAR PRIMARY KEY, date DATE NOT NULL, commune_code VARCHAR NOT NULL,
    district_code VARCHAR NOT NULL, group_id VARCHAR NOT NULL, category VARCHAR NOT NULL,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, h3_r7 VARCHAR NOT NULL, h3_r8 VARCHAR NOT NULL,
    simulated BOOLEAN NOT NULL`,
  /** Simulated outcome events; `quantity` sums to the published figure per kind. */
  events: `
    id VARCHAR PRIMARY KEY, date DATE NOT NULL, commune_code VARCHAR NOT NULL,
    district_code VARCHAR NOT NULL, group_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    quantity INTEGER NOT NULL,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, h3_r7 VARCHAR NOT NULL, h3_r8 VARCHAR NOT NULL,
    simulated BOOLEAN NOT NULL`,
  /** Old (2019/2024) commune → 1 Jul 2025 unit; new_code NULL when not documented. */
  crosswalk_2025: `
    old_code VARCHAR PRIMARY KEY, old_name VARCHAR NOT NULL, new_code VARCHAR, new_name VARCHAR,
    new_type VARCHAR, source VARCHAR NOT NULL`,
} as const;

export type TableName = keyof typeof TABLE_DDL;
export const TABLE_NAMES = Object.keys(TABLE_DDL) as TableName[];

/** File names under the build directory. */
export const BUILD_FILES = {
  manifest: 'manifest.json',
  database: 'tlg.duckdb',
  communesGeojson: 'units_commune.geojson',
  districtsGeojson: 'units_district.geojson',
  provinceGeojson: 'units_province.geojson',
  units2025Geojson: 'units_2025.geojson',
  /** Neighbouring provinces, rivers and towns drawn around the province (contract/basemap.ts). */
  contextGeojson: 'context.geojson',
} as const;

export interface Manifest {
  /** Content hash of the inputs, generator options and code version. */
  version: string;
  synthetic: boolean;
  built_at: string;
  code_version: string;
  seed: number;
  scale: number;
  inputs: { file: string; sha256: string; bytes: number }[];
  outputs: { file: string; sha256: string; bytes: number; rows?: number }[];
  rows: Record<string, number>;
  period: { from: string; to: string };
  totals: Record<string, number>;
  unmapped_2025: { code: string; name: string; reason: string }[];
  planted_clusters: string;
}

/**
 * The daily rollup `commune_day`, derived from the tables above in tlg.duckdb: for every
 * commune and every day of the data, the running total of each measure. A stock at date t is
 * one row per commune (day = t); a flow over [from, to] is the difference of two rows, so
 * period queries cost the same at any scale of the data.
 */
export const ROLLUP_TABLE = 'commune_day';

/** A running-total column: its name, the table it counts and the aggregate over one day's rows. */
export interface RollupMeasure {
  column: string;
  table: 'groups' | 'models' | 'tips' | 'events';
  aggregate: string;
}

export const ROLLUP_MEASURES: RollupMeasure[] = [
  { column: 'groups_n', table: 'groups', aggregate: 'count(*)' },
  { column: 'groups_households', table: 'groups', aggregate: 'sum(households)' },
  ...AREA_CLASSES.map((c) => ({ column: `groups_${c}`, table: 'groups' as const, aggregate: `count(*) FILTER (WHERE area_class = '${c}')` })),
  { column: 'groups_ethnic_minority', table: 'groups', aggregate: 'count(*) FILTER (WHERE ethnic_minority)' },
  { column: 'groups_religious', table: 'groups', aggregate: 'count(*) FILTER (WHERE religious)' },
  { column: 'models_n', table: 'models', aggregate: 'count(*)' },
  ...MODEL_SETTINGS.map((s) => ({ column: `models_${s}`, table: 'models' as const, aggregate: `count(*) FILTER (WHERE setting = '${s}')` })),
  { column: 'tips_n', table: 'tips', aggregate: 'count(*)' },
  { column: 'events_n', table: 'events', aggregate: 'sum(quantity)' },
  ...OUTCOME_KINDS.map((k) => ({ column: `events_${k}`, table: 'events' as const, aggregate: `sum(quantity) FILTER (WHERE kind = '${k}')` })),
];
