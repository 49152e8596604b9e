/** The expansion planner: ranking with reasons, CSV, what-if for one commune, allocation of N groups. */
import { z } from 'zod';
import { PLANNER_FACTORS, PLANNER_LIMITS } from '../planner';
import { count, periodSchema, protectionSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { STATISTIC_INPUTS } from './hotspots';
import { decimalParam, enumParam, isoDate, periodParams, unitCode } from './params';

/** Weights are relative and rescaled to sum to 1; 1000 is far beyond any sensible ratio. */
export const MAX_PLANNER_WEIGHT = 1000;

const perFactor = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(PLANNER_FACTORS.map((f) => [f, value])) as Record<(typeof PLANNER_FACTORS)[number], T>);

export const plannerWeightsSchema = perFactor(z.number().min(0)).meta({ id: 'PlannerWeights', description: 'The weights used, rescaled to sum to 1.' });

export const whySchema = z
  .object({
    factor: z.enum(PLANNER_FACTORS),
    contribution: z.number().meta({ description: 'Signed contribution to the gap score (positive raises the priority).' }),
    value: z.number().nullable().meta({ description: "The commune's raw value of the factor; null when hidden for privacy." }),
    standardised: z.number(),
  })
  .meta({ id: 'PlannerWhy' });
export type PlannerWhy = z.infer<typeof whySchema>;

export const plannerRowSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    district_name: z.string().nullable(),
    rank: z.number().int().min(1).meta({ description: '1 = the largest gap: expand here first.' }),
    gapScore: z.number(),
    needIndex: z.number().meta({ description: 'Weighted mean of the standardised need factors (0 = average need).' }),
    values: perFactor(z.number().nullable()),
    standardised: perFactor(z.number()),
    contributions: perFactor(z.number()),
    why: z.array(whySchema),
    lowConfidence: z.boolean().meta({ description: 'Few tips and events: the rates rest on few records.' }),
    incidents: count.nullable().meta({ description: 'Tips + outcome events; null when hidden for privacy.' }),
    incidents_suppressed: z.literal(true).optional(),
  })
  .meta({ id: 'PlannerRow' });
export type PlannerRow = z.infer<typeof plannerRowSchema>;

export const plannerSchema = z
  .object({
    period: periodSchema,
    weights: plannerWeightsSchema,
    households_per_group_default: z.number().int(),
    inputs: z.enum(STATISTIC_INPUTS),
    rows: z.array(plannerRowSchema).meta({ description: 'Every commune, in rank order.' }),
    synthetic,
    protection: protectionSchema,
  })
  .meta({ id: 'Planner' });
export type PlannerResponse = z.infer<typeof plannerSchema>;

export const coverageSnapshotSchema = z
  .object({
    groups: count,
    householdsInGroups: count,
    uncoveredHouseholds: count,
    householdsCoveredShare: z.number().min(0).max(1),
    groupsPer1kHouseholds: z.number().min(0),
  })
  .meta({ id: 'CoverageSnapshot' });

const named = { name: z.string(), district_name: z.string().nullable() };

export const whatIfSchema = z
  .object({
    code: z.string(),
    ...named,
    groupsAdded: count,
    householdsPerGroup: z.number().int(),
    newlyCoveredHouseholds: count,
    cappedByUncoveredHouseholds: z.boolean(),
    before: coverageSnapshotSchema,
    after: coverageSnapshotSchema,
    rankBefore: z.number().int(),
    rankAfter: z.number().int(),
    gapScoreBefore: z.number(),
    gapScoreAfter: z.number(),
    period: periodSchema,
    synthetic,
  })
  .meta({ id: 'WhatIf' });
export type WhatIfResponse = z.infer<typeof whatIfSchema>;

export const allocationStepSchema = z
  .object({
    step: z.number().int().min(1),
    code: z.string(),
    ...named,
    newlyCoveredHouseholds: count,
    needMultiplier: z.number(),
    weightedGain: z.number().meta({ description: 'The rise of the objective U this step causes (need-weighted households, discounted by coverage already reached).' }),
    cumulativeNewlyCovered: count,
  })
  .meta({ id: 'AllocationStep' });
export type AllocationStepRow = z.infer<typeof allocationStepSchema>;

export const communeAllocationSchema = z
  .object({ code: z.string(), ...named, groupsAdded: count, needMultiplier: z.number(), before: coverageSnapshotSchema, after: coverageSnapshotSchema })
  .meta({ id: 'CommuneAllocation' });
export type CommuneAllocationRow = z.infer<typeof communeAllocationSchema>;

const provinceCoverageSchema = z.object({ households: count, householdsInGroups: count, groups: count, householdsCoveredShare: z.number() });

export const allocateSchema = z
  .object({
    householdsPerGroup: z.number().int(),
    groupsRequested: count,
    groupsAllocated: count,
    groupsUnallocated: count,
    totalNewlyCovered: count,
    steps: z.array(allocationStepSchema),
    communes: z.array(communeAllocationSchema),
    provinceBefore: provinceCoverageSchema,
    provinceAfter: provinceCoverageSchema,
    period: periodSchema,
    synthetic,
  })
  .meta({ id: 'Allocation' });
export type AllocateResponse = z.infer<typeof allocateSchema>;

const weightParams = Object.fromEntries(
  PLANNER_FACTORS.map((f) => [`w_${f}`, decimalParam(0, MAX_PLANNER_WEIGHT).optional().describe(`Relative weight of ${f}.`)]),
) as Record<`w_${(typeof PLANNER_FACTORS)[number]}`, z.ZodOptional<ReturnType<typeof decimalParam>>>;

export const plannerQuery = z.object({ ...periodParams, ...weightParams }).strict();

/** Languages of the downloadable tables: headings, reasons and notes. */
export const TABLE_LANGUAGES = ['vi', 'en'] as const;

const tableQuery = z
  .object({
    ...periodParams,
    ...weightParams,
    lang: enumParam(TABLE_LANGUAGES, 'vi').default('vi').describe('Language of the headings, the reasons and the notes (Vietnamese by default).'),
  })
  .strict();

/** Weights in a JSON body are JSON numbers: "0.3", null or true are type errors, not coerced. */
const weightsBody = z
  .partialRecord(z.enum(PLANNER_FACTORS), z.number().finite().min(0, 'must be ≥ 0').max(MAX_PLANNER_WEIGHT))
  .optional()
  .meta({ description: 'Relative weights by factor; missing ones take the defaults.' });
const householdsPerGroup = z
  .number()
  .int()
  .min(PLANNER_LIMITS.minHouseholdsPerGroup)
  .max(PLANNER_LIMITS.maxHouseholdsPerGroup)
  .optional()
  .meta({ description: 'Households each new group brings in; default the province median.' });
const groupCount = z.number().int('must be a whole number').min(0).max(PLANNER_LIMITS.maxGroups);
const scenarioPeriod = { from: isoDate.optional(), to: isoDate.optional() };

export const whatIfBodySchema = z
  .object({ ...scenarioPeriod, weights: weightsBody, code: unitCode, groups: groupCount, households_per_group: householdsPerGroup })
  .strict()
  .meta({ id: 'WhatIfRequest', examples: [{ code: '08944', groups: 2 }] });

export const allocateBodySchema = z
  .object({ ...scenarioPeriod, weights: weightsBody, groups: groupCount, households_per_group: householdsPerGroup })
  .strict()
  .meta({ id: 'AllocateRequest', examples: [{ groups: 50 }] });

const analyst = { access: 'analyst', tags: ['planner'], dataset: true } as const;

export const getPlanner = endpoint({
  ...analyst,
  operationId: 'getPlanner',
  method: 'get',
  path: '/api/planner',
  summary: 'Communes ranked by the gap between need and coverage, with the reasons',
  description: 'gap = Σ direction × weight × standardised factor over the six factors; the largest contributions are the "why".',
  query: plannerQuery,
  responses: { 200: { description: 'The ranking.', json: plannerSchema } },
  example: { query: { from: '2021-01-01', to: '2021-12-31' } },
});

export const getPlannerCsv = endpoint({
  ...analyst,
  operationId: 'getPlannerCsv',
  method: 'get',
  path: '/api/planner.csv',
  summary: 'The ranking as CSV',
  description:
    'UTF-8 with BOM for spreadsheets; the same query as /api/planner. Headings in the chosen language, the reasons as sentences, numbers rounded (scores to 0.01, rates to 0.1, shares in %), hidden values written as such, never as 0.',
  query: tableQuery,
  responses: { 200: { description: 'The ranking.', media: { 'text/csv': { kind: 'text' } } } },
  example: { query: { from: '2021-01-01', to: '2021-12-31' } },
});

export const getPlannerXlsx = endpoint({
  ...analyst,
  operationId: 'getPlannerXlsx',
  method: 'get',
  path: '/api/planner.xlsx',
  summary: 'The ranking as an Excel workbook',
  description: 'The table of /api/planner.csv on a first sheet (bold frozen headings, number formats), the period, the weights and the data notes on a second.',
  query: tableQuery,
  responses: { 200: { description: 'The ranking.', media: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'binary' } } } },
  example: { query: { from: '2021-01-01', to: '2021-12-31' } },
});

export const postWhatIf = endpoint({
  ...analyst,
  operationId: 'postWhatIf',
  method: 'post',
  path: '/api/planner/what-if',
  summary: 'Add groups to one commune and see coverage and rank before and after',
  description: 'New groups cover at most the households not yet in a group; the ranking is recomputed.',
  body: whatIfBodySchema,
  responses: { 200: { description: 'The scenario.', json: whatIfSchema } },
  example: { body: { code: '08944', groups: 2, from: '2021-01-01', to: '2021-12-31' } },
});

export const postAllocate = endpoint({
  ...analyst,
  operationId: 'postAllocate',
  method: 'post',
  path: '/api/planner/allocate',
  summary: 'Allocate N new groups across the province',
  description:
    'One group per step to the commune where it raises U = Σ m·H·(s − s²/2) most (m: need multiplier max(0.1, 1 + need index), H: households, s: share of households in a group). A household brought into a group counts with the need multiplier times the share of its commune still uncovered, so the gains fall as communes fill up and N groups spread out; greedy is exact for this concave objective. `weightedGain` of a step is its rise of U.',
  body: allocateBodySchema,
  responses: { 200: { description: 'Allocation steps and the result per commune.', json: allocateSchema } },
  example: { body: { groups: 5, from: '2021-01-01', to: '2021-12-31' } },
});
