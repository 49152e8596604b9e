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
  /**
   * Tổ liên gia tự quản groups (simulated or imported). Active at date t: founded_on ≤ t and
   * (dissolved_on IS NULL or dissolved_on > t). `village_id` points into villages (demo data
   * only); `village` is the village name as given (imports) or generated (demo).
   */
  groups: `
    id VARCHAR PRIMARY KEY, commune_code VARCHAR NOT NULL, district_code VARCHAR NOT NULL,
    village_id VARCHAR, village VARCHAR, area_class VARCHAR NOT NULL,
    ethnic_minority BOOLEAN NOT NULL, religious BOOLEAN NOT NULL,
    founded_on DATE NOT NULL, dissolved_on DATE, households INTEGER NOT NULL,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, h3_r7 VARCHAR NOT NULL, h3_r8 VARCHAR NOT NULL,
    located_by VARCHAR NOT NULL, simulated BOOLEAN NOT NULL`,
  /** "4 an toàn" models (simulated or imported); active like groups. */
  models: `
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, setting VARCHAR NOT NULL,
    commune_code VARCHAR NOT NULL, district_code VARCHAR NOT NULL,
    founded_on DATE NOT NULL, dissolved_on DATE,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, h3_r7 VARCHAR NOT NULL, h3_r8 VARCHAR NOT NULL,
    located_by VARCHAR NOT NULL, simulated BOOLEAN NOT NULL`,
  /** Tips (nguồn tin) passed by a group to the police. Never served as points. */
  tips: `
    id VARCHAR PRIMARY KEY, date DATE NOT NULL, commune_code VARCHAR NOT NULL,
    district_code VARCHAR NOT NULL, group_id VARCHAR NOT NULL, category VARCHAR NOT NULL,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, h3_r7 VARCHAR NOT NULL, h3_r8 VARCHAR NOT NULL,
    located_by VARCHAR NOT NULL, simulated BOOLEAN NOT NULL`,
  /** Outcome events; in the demo data `quantity` sums to the published figure per kind. */
  events: `
    id VARCHAR PRIMARY KEY, date DATE NOT NULL, commune_code VARCHAR NOT NULL,
    district_code VARCHAR NOT NULL, group_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    quantity INTEGER NOT NULL,
    lon DOUBLE NOT NULL, lat DOUBLE NOT NULL, h3_r7 VARCHAR NOT NULL, h3_r8 VARCHAR NOT NULL,
    located_by VARCHAR NOT NULL, simulated BOOLEAN NOT NULL`,
  /** Old (2019/2024) commune → 1 Jul 2025 unit; new_code NULL when not documented. */
  crosswalk_2025: `
    old_code VARCHAR PRIMARY KEY, old_name VARCHAR NOT NULL, new_code VARCHAR, new_name VARCHAR,
    new_type VARCHAR, source VARCHAR NOT NULL`,
} as const;

export type TableName = keyof typeof TABLE_DDL;
export const TABLE_NAMES = Object.keys(TABLE_DDL) as TableName[];

/** The record tables a data set's registers fill (simulated, or one import each). */
export const RECORD_KINDS = ['groups', 'models', 'tips', 'events'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** How a record got its point: its own coordinates, its village's centre or its commune's centre. */
export const LOCATED_BY = ['point', 'village', 'commune'] as const;
export type LocatedBy = (typeof LOCATED_BY)[number];

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

/** One register import that produced the records of a kind in a real data set. */
export interface ImportProvenance {
  kind: RecordKind;
  file: string;
  sha256: string;
  bytes: number;
  imported_at: string;
  imported_by: string;
  accepted: number;
  rejected: number;
  /** The version this import first created (carried over unchanged into later versions). */
  version: string;
}

/** An import's provenance before its version id exists (the version writer fills it in). */
export type PendingProvenance = Omit<ImportProvenance, 'version'> & { version?: string };

export interface Manifest {
  /** The version id, = the directory name under versions/ (the server's data version / ETag). */
  version: string;
  /** Hash of everything the content depends on (inputs, code version, options or imports). */
  content_hash: string;
  synthetic: boolean;
  built_at: string;
  /** OS user or `--by` of whoever built or imported it. */
  built_by: string;
  code_version: string;
  /** Generator options of a demo build; null for real data. */
  seed: number | null;
  scale: number | null;
  inputs: { file: string; sha256: string; bytes: number }[];
  outputs: { file: string; sha256: string; bytes: number; rows?: number }[];
  rows: Record<string, number>;
  /** Demo: the published period; real data: earliest to latest record date. */
  period: { from: string; to: string };
  totals: Record<string, number>;
  unmapped_2025: { code: string; name: string; reason: string }[];
  /** Pointer to the planted tip clusters (demo data only). */
  planted_clusters: string | null;
  /** Real data: the import each record kind comes from (absent kinds are empty). */
  imports: ImportProvenance[];
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
