/**
 * Domain vocabulary shared by the data pipeline, the server and the web app.
 * toLienGia = "Tổ liên gia tự quản", a self-managed neighbourhood group of 10–30 households.
 * bonAnToan = the "4 an toàn" (four safeties) model run inside an agency, enterprise,
 * hospital or school.
 */

export const PROVINCE_CODE = '26';

/** An inclusive period of ISO dates (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

/** A bounding box in WGS84 degrees. */
export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Period covered by the published review (conference of 25 Oct 2022). */
export const PUBLISHED_PERIOD = { from: '2017-01-01', to: '2022-10-25' } as const;
export const MODELS_PERIOD = { from: '2019-01-01', to: '2022-10-25' } as const;

export const AREA_CLASSES = ['rural', 'urban', 'unclassified'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

export const MODEL_SETTINGS = ['agency', 'enterprise', 'hospital', 'school'] as const;
export type ModelSetting = (typeof MODEL_SETTINGS)[number];

/** Outcome events reported by the groups; summary keys in API_CONTRACT.md. */
export const OUTCOME_KINDS = [
  'household_registration_violations_reported',
  'illegal_entry_foreigners_reported',
  'women_illegal_exit_returned_reported',
  'guns_surrendered',
  'primitive_weapons_surrendered',
  'post_rehab_people_managed',
  'post_rehab_exemplars',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** What a tip (nguồn tin) is about. */
export const TIP_CATEGORIES = [
  'drugs',
  'property_crime',
  'gambling',
  'public_order',
  'wanted_person',
  'residence_management',
  'other',
] as const;
export type TipCategory = (typeof TIP_CATEGORIES)[number];

export const UNIT_LEVELS = ['commune', 'district', 'province'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_VERSIONS = ['2019', '2025'] as const;
export type UnitVersion = (typeof UNIT_VERSIONS)[number];

/** Commune types of 2019 (xã = rural commune, phường = ward, thị trấn = township). */
export const COMMUNE_TYPES = ['Xã', 'Phường', 'Thị trấn'] as const;
export type CommuneType = (typeof COMMUNE_TYPES)[number];

/** H3 resolutions precomputed for every point record. */
export const H3_RESOLUTIONS = [7, 8] as const;
export type H3Resolution = (typeof H3_RESOLUTIONS)[number];
