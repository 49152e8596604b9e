/**
 * The expansion planner: GET /api/planner (ranking with reasons), GET /api/planner.csv,
 * POST /api/planner/what-if (add groups to one commune), POST /api/planner/allocate (greedy
 * allocation of N new groups across the province).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { isAnalyticsError } from '../analytics/errors';
import {
  addGroupsWhatIf,
  allocateGroups,
  defaultHouseholdsPerGroup,
  rankCommunes,
  type PlannerCommune,
  type RankedCommune,
} from '../analytics/planner';
import { access } from '../auth/access';
import { PLANNER_FACTORS, PLANNER_LIMITS, type PlannerFactor, type Period } from '#contract';
import type { AllocateResponse, PlannerResponse, PlannerRow, WhatIfResponse } from '#contract/api';
import type { Dataset } from '../dataset/dataset';
import { ApiError, badRequest } from '../http/errors';
import { toCsv } from '../http/csv';
import { plannerInputs } from '../services/planner-inputs';
import { suppressionK } from '../privacy/policy';
import { isoDate, periodParams, readJson, readQuery, resolvePeriod, unitCode } from '../http/request-input';
import type { RouteDeps } from './deps';

const { maxGroups: MAX_GROUPS, minHouseholdsPerGroup: MIN_HOUSEHOLDS_PER_GROUP, maxHouseholdsPerGroup: MAX_HOUSEHOLDS_PER_GROUP } = PLANNER_LIMITS;

const weightValue = z.number().finite().min(0, 'must be ≥ 0').max(1000);
/** Weights in the query are written-out decimals ("0.3", "2", "1e-1"); an empty or blank value is not 0. */
const weightText = z
  .string()
  .regex(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, 'must be a number')
  .transform(Number)
  .pipe(weightValue);
const weightParams = Object.fromEntries(PLANNER_FACTORS.map((f) => [`w_${f}`, weightText.optional()])) as Record<
  `w_${PlannerFactor}`,
  z.ZodOptional<typeof weightText>
>;
const rankingQuery = z.object({ ...periodParams, ...weightParams }).strict();
/** Weights in a JSON body are JSON numbers: "0.3", null or true are type errors, not coerced. */
const weightsBody = z.partialRecord(z.enum(PLANNER_FACTORS), weightValue).optional();
const householdsPerGroup = z.number().int().min(MIN_HOUSEHOLDS_PER_GROUP).max(MAX_HOUSEHOLDS_PER_GROUP).optional();
const groupCount = z.number().int('must be a whole number').min(0).max(MAX_GROUPS);
const whatIfBody = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    weights: weightsBody,
    code: unitCode,
    groups: groupCount,
    households_per_group: householdsPerGroup,
  })
  .strict();
const allocateBody = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), weights: weightsBody, groups: groupCount, households_per_group: householdsPerGroup })
  .strict();

function weightsFromQuery(input: Record<string, unknown>): Partial<Record<PlannerFactor, number>> {
  const weights: Partial<Record<PlannerFactor, number>> = {};
  for (const factor of PLANNER_FACTORS) {
    const value = input[`w_${factor}`];
    if (typeof value === 'number') weights[factor] = value;
  }
  return weights;
}

/** Planner inputs are invalid only through user-supplied weights or counts: answer 400. */
function analytics<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isAnalyticsError(error)) throw badRequest(error.code, `Invalid request: ${error.message}`, error.details);
    throw error;
  }
}

function describe(dataset: Dataset, code: string) {
  const unit = dataset.unitByCode.get(code);
  return { name: unit?.name ?? code, district_name: unit?.district_name ?? null };
}

/** A row as served: where the commune's tip or event count is hidden, so are the numbers made from it. */
function publishedRow(row: RankedCommune, hidden: boolean): Omit<PlannerRow, 'name' | 'district_name'> {
  if (!hidden) return row;
  return {
    ...row,
    incidents: null,
    incidents_suppressed: true,
    values: { ...row.values, incidents_per_1k_households: null },
    why: row.why.map((item) => (item.factor === 'incidents_per_1k_households' ? { ...item, value: null } : item)),
  };
}

async function ranking(c: Context<AppEnv>, k: number): Promise<PlannerResponse> {
  const dataset = c.get('dataset');
  const input = readQuery(c, rankingQuery);
  const period = resolvePeriod(input, dataset.period);
  const { communes, hidden } = await plannerInputs(dataset, period, k);
  const result = analytics(() => rankCommunes(communes, weightsFromQuery(input)));
  return {
    period,
    weights: result.weights,
    households_per_group_default: defaultHouseholdsPerGroup(communes),
    inputs: k > 1 ? 'published_counts' : 'exact_counts',
    rows: result.communes.map((row) => ({ ...publishedRow(row, hidden.has(row.code)), ...describe(dataset, row.code) })),
    synthetic: dataset.synthetic,
  };
}

function checkCommune(dataset: Dataset, code: string): void {
  const unit = dataset.unitByCode.get(code);
  if (!unit || unit.level !== 'commune') throw new ApiError(404, 'unknown_unit', `There is no commune with code ${code}.`);
}

async function scenarioInputs(c: Context<AppEnv>, body: { from?: string; to?: string }, k: number): Promise<{ period: Period; communes: PlannerCommune[] }> {
  const dataset = c.get('dataset');
  const period = resolvePeriod(body, dataset.period);
  return { period, communes: (await plannerInputs(dataset, period, k)).communes };
}

export function plannerRoutes(deps: RouteDeps) {
  const roleK = (c: Context<AppEnv>) => suppressionK(c.get('session'), deps.config.privacyK);
  return new Hono<AppEnv>()
    .get('/', access('analyst'), deps.heavy, ...deps.data, async (c) => c.json(await ranking(c, roleK(c))))
    .post('/what-if', access('analyst'), deps.heavy, ...deps.data, async (c) => {
      const body = await readJson(c, whatIfBody);
      const dataset = c.get('dataset');
      checkCommune(dataset, body.code);
      const { period, communes } = await scenarioInputs(c, body, roleK(c));
      const result = analytics(() =>
        addGroupsWhatIf(communes, { code: body.code, groups: body.groups, householdsPerGroup: body.households_per_group }, body.weights ?? {}),
      );
      const response: WhatIfResponse = { period, ...result, ...describe(dataset, body.code), synthetic: dataset.synthetic };
      return c.json(response);
    })
    .post('/allocate', access('analyst'), deps.heavy, ...deps.data, async (c) => {
      const body = await readJson(c, allocateBody);
      const dataset = c.get('dataset');
      const { period, communes } = await scenarioInputs(c, body, roleK(c));
      const result = analytics(() => allocateGroups(communes, { groups: body.groups, householdsPerGroup: body.households_per_group }, body.weights ?? {}));
      const response: AllocateResponse = {
        period,
        ...result,
        steps: result.steps.map((s) => ({ ...s, ...describe(dataset, s.code) })),
        communes: result.communes.map((row) => ({ ...row, ...describe(dataset, row.code) })),
        synthetic: dataset.synthetic,
      };
      return c.json(response);
    });
}

/** GET /api/planner.csv — the ranking for spreadsheets. */
export function plannerCsvRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>().get('/', access('analyst'), deps.heavy, ...deps.data, async (c) => {
    const body = await ranking(c, suppressionK(c.get('session'), deps.config.privacyK));
    const columns = ['rank', 'code', 'name', 'district_name', 'gap_score', 'need_index', ...PLANNER_FACTORS, 'why', 'low_confidence', 'simulated'];
    const rows = body.rows.map((row) => ({
      rank: row.rank,
      code: row.code,
      name: row.name,
      district_name: row.district_name,
      gap_score: row.gapScore.toFixed(4),
      need_index: row.needIndex.toFixed(4),
      ...Object.fromEntries(PLANNER_FACTORS.map((f) => [f, row.values[f]])),
      why: row.why.map((w) => `${w.factor} ${w.contribution >= 0 ? '+' : ''}${w.contribution.toFixed(3)}`).join('; '),
      low_confidence: row.lowConfidence,
      simulated: body.synthetic,
    }));
    return c.body(toCsv(columns, rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="tlg-planner-${body.period.from}-${body.period.to}.csv"`,
    });
  });
}
