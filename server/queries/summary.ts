/** Briefing totals: groups and models active at the end of the period, tips and outcomes inside it. */
import {
  MODEL_SETTINGS,
  OUTCOME_KINDS,
  type ModelSetting,
  type OutcomeKind,
  type SummaryOutcomeKey,
  type SummaryResponse,
} from '../contract';
import type { Database } from '../db/database';
import { flowParams, stockParams, type DataFilter } from './filters';

// Groups active at $1 (optionally founded since $3), in district $2 or the whole province.
const GROUPS_SQL = `
  SELECT count(*)::INTEGER AS total_active,
         count(*) FILTER (WHERE area_class = 'rural')::INTEGER AS rural,
         count(*) FILTER (WHERE area_class = 'urban')::INTEGER AS urban,
         count(*) FILTER (WHERE area_class = 'unclassified')::INTEGER AS unclassified,
         count(*) FILTER (WHERE ethnic_minority)::INTEGER AS ethnic_minority_areas,
         count(*) FILTER (WHERE religious)::INTEGER AS religious_areas,
         coalesce(sum(households), 0)::INTEGER AS households_in_groups,
         count(*) FILTER (WHERE founded_on >= $3::DATE)::INTEGER AS founded_in_period
  FROM groups
  WHERE founded_on <= $1::DATE AND ($2::VARCHAR IS NULL OR district_code = $2::VARCHAR)`;

// Models active at $1 per setting.
const MODELS_SQL = `
  SELECT setting, count(*)::INTEGER AS n FROM models
  WHERE founded_on <= $1::DATE AND ($2::VARCHAR IS NULL OR district_code = $2::VARCHAR)
  GROUP BY setting`;

// Tips within [$1, $2].
const TIPS_SQL = `
  SELECT count(*)::INTEGER AS n FROM tips
  WHERE date BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR district_code = $3::VARCHAR)`;

// Outcome quantities within [$1, $2] per kind.
const EVENTS_SQL = `
  SELECT kind, sum(quantity)::INTEGER AS n FROM events
  WHERE date BETWEEN $1::DATE AND $2::DATE AND ($3::VARCHAR IS NULL OR district_code = $3::VARCHAR)
  GROUP BY kind`;

export type SummaryNumbers = Pick<SummaryResponse, 'to_lien_gia' | 'bon_an_toan'> & {
  outcomes: Record<SummaryOutcomeKey, number>;
};

export async function summaryNumbers(db: Database, filter: DataFilter): Promise<SummaryNumbers> {
  const [groups, models, tips, events] = await Promise.all([
    db.one<SummaryResponse['to_lien_gia'] & Record<string, unknown>>(GROUPS_SQL, [...stockParams(filter), filter.period.from]),
    db.all<{ setting: string; n: number }>(MODELS_SQL, stockParams(filter)),
    db.one<{ n: number }>(TIPS_SQL, flowParams(filter)),
    db.all<{ kind: string; n: number }>(EVENTS_SQL, flowParams(filter)),
  ]);
  const bySetting = Object.fromEntries(MODEL_SETTINGS.map((s) => [s, 0])) as Record<ModelSetting, number>;
  for (const row of models) if (row.setting in bySetting) bySetting[row.setting as ModelSetting] = row.n;
  const outcomes = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  for (const row of events) if (row.kind in outcomes) outcomes[row.kind as OutcomeKind] = row.n;
  return {
    to_lien_gia: { ...groups },
    bon_an_toan: { total: Object.values(bySetting).reduce((a, b) => a + b, 0), by_setting: bySetting },
    outcomes: { security_tips_provided: tips.n, ...outcomes },
  };
}

// Tips and outcome quantities within [$1, $2] per district (for district-level privacy checks).
const SENSITIVE_BY_DISTRICT_SQL = `
  SELECT district_code, 'security_tips_provided' AS kind, count(*)::INTEGER AS n FROM tips
  WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY district_code
  UNION ALL
  SELECT district_code, kind, sum(quantity)::INTEGER AS n FROM events
  WHERE date BETWEEN $1::DATE AND $2::DATE GROUP BY district_code, kind`;

/** Sensitive outcome figures for every district: kind → district code → count. */
export async function sensitiveOutcomesByDistrict(db: Database, filter: DataFilter): Promise<Map<string, Map<string, number>>> {
  const rows = await db.all<{ district_code: string; kind: string; n: number }>(SENSITIVE_BY_DISTRICT_SQL, [
    filter.period.from,
    filter.period.to,
  ]);
  const byKind = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const districts = byKind.get(row.kind) ?? new Map<string, number>();
    districts.set(row.district_code, row.n);
    byKind.set(row.kind, districts);
  }
  return byKind;
}
