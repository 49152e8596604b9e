/**
 * Rows of the simulated tables, keyed exactly like the columns of data/schema.ts (the writer
 * checks every column is present). DATE columns hold whole days since 1970-01-01.
 */
import type { AreaClass, ModelSetting, OutcomeKind, TipCategory } from '#contract';

/** thôn (village, rural) or tổ dân phố (residential group, urban). */
export const VILLAGE_KINDS = ['thon', 'to_dan_pho'] as const;
export type VillageKind = (typeof VILLAGE_KINDS)[number];

export interface VillageRow {
  id: string;
  commune_code: string;
  district_code: string;
  name: string;
  kind: VillageKind;
  households: number;
  lon: number;
  lat: number;
  simulated: true;
}

interface PointColumns {
  lon: number;
  lat: number;
  h3_r7: string;
  h3_r8: string;
  /** Every simulated record has its own point. */
  located_by: 'point';
  simulated: true;
}

export interface GroupRow extends PointColumns {
  id: string;
  commune_code: string;
  district_code: string;
  village_id: string;
  village: string;
  area_class: AreaClass;
  ethnic_minority: boolean;
  religious: boolean;
  founded_on: number;
  /** No simulated group is dissolved (all 10,762 are active on 2022-10-25). */
  dissolved_on: null;
  households: number;
}

export interface ModelRow extends PointColumns {
  id: string;
  name: string;
  setting: ModelSetting;
  commune_code: string;
  district_code: string;
  founded_on: number;
  dissolved_on: null;
}

export interface TipRow extends PointColumns {
  id: string;
  date: number;
  commune_code: string;
  district_code: string;
  group_id: string;
  category: TipCategory;
}

export interface EventRow extends PointColumns {
  id: string;
  date: number;
  commune_code: string;
  district_code: string;
  group_id: string;
  kind: OutcomeKind;
  quantity: number;
}

export interface DemoData {
  villages: VillageRow[];
  groups: GroupRow[];
  models: ModelRow[];
  tips: TipRow[];
  events: EventRow[];
}

/** Zero-padded ids sort in creation order; 8 digits hold the largest benchmark scales. */
export function recordId(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(8, '0')}`;
}
