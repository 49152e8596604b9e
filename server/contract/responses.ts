/**
 * Response shapes of the HTTP API (see ../../../shared/API_CONTRACT.md and /api/openapi.json).
 * Defined once here; the server builds them and the web client reads them.
 */
import type { ChoroplethMetric, ClassificationScheme, ModelSetting, OutcomeKind, Period, UnitLevel } from '#contract';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface HealthResponse {
  status: 'ok' | 'preparing' | 'error';
  dataset: { version: string; synthetic: boolean };
}

export interface SummaryResponse {
  period: Period;
  synthetic: boolean;
  district: string | null;
  to_lien_gia: {
    total_active: number;
    rural: number;
    urban: number;
    unclassified: number;
    ethnic_minority_areas: number;
    religious_areas: number;
    households_in_groups: number;
    founded_in_period: number;
  };
  bon_an_toan: { total: number; by_setting: Record<ModelSetting, number> };
  /** Province totals are exact; a district's small counts are null for roles below admin (see `suppressed`). */
  outcomes: Record<SummaryOutcomeKey, number | null>;
  suppressed?: SummaryOutcomeKey[];
  census: { population: number; households: number };
}

export type SummaryOutcomeKey = 'security_tips_provided' | OutcomeKind;

/** One unit's value; `value`/`count` are null when suppressed for privacy. */
export interface ChoroplethValue {
  code: string;
  value: number | null;
  count: number | null;
  suppressed?: boolean;
}

export interface ChoroplethResponse {
  metric: ChoroplethMetric;
  unit: string;
  level: Exclude<UnitLevel, 'province'>;
  scheme: ClassificationScheme;
  classes: number;
  period: Period;
  breaks: number[];
  values: ChoroplethValue[];
  synthetic: boolean;
  suppression?: { k: number; suppressed: number };
}

export interface SearchHit {
  code: string;
  name: string;
  level: UnitLevel;
  type: string;
  district_name: string | null;
  bbox: [number, number, number, number];
}

export interface TimeseriesPoint {
  period: string;
  value: number | null;
  suppressed?: boolean;
}

export interface TimeseriesResponse {
  layer: string;
  interval: 'year' | 'month';
  scope: { level: UnitLevel; code: string; name: string };
  period: Period;
  series: TimeseriesPoint[];
  synthetic: boolean;
}

export interface GridCell {
  h3: string;
  count: number | null;
  suppressed?: boolean;
}

export interface GridResponse {
  layer: 'tips' | 'groups' | 'models';
  resolution: number;
  period: Period;
  cells: GridCell[];
  synthetic: boolean;
}

export interface UnitComparison {
  value: number | null;
  rank: number | null;
  of: number;
  district_average: number | null;
  province_average: number | null;
}

export interface UnitProfileResponse {
  code: string;
  name: string;
  level: UnitLevel;
  type: string;
  district_code: string | null;
  district_name: string | null;
  population: number;
  households: number;
  area_km2: number;
  period: Period;
  metrics: Partial<Record<ChoroplethMetric, UnitComparison>>;
  yearly: { year: number; groups_active: number; groups_new: number; tips: number | null; models_active: number }[];
  synthetic: boolean;
}
