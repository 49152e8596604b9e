/** The briefing's big numbers. */
import { z } from 'zod';
import { MODEL_SETTINGS, OUTCOME_KINDS } from '../domain';
import { count, periodSchema, protectionSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { filterParams } from './params';

export const SUMMARY_OUTCOME_KEYS = ['security_tips_provided', ...OUTCOME_KINDS] as const;
export type SummaryOutcomeKey = (typeof SUMMARY_OUTCOME_KEYS)[number];

const outcomeValue = count.nullable().meta({ description: 'Null when hidden for privacy (see `suppressed`).' });

export const summarySchema = z
  .object({
    period: periodSchema,
    synthetic,
    district: z.string().nullable().meta({ description: 'The district filter, or null for the province.' }),
    to_lien_gia: z.object({
      total_active: count,
      rural: count,
      urban: count,
      unclassified: count.meta({ description: 'Groups the published rural/urban split leaves out.' }),
      ethnic_minority_areas: count,
      religious_areas: count,
      households_in_groups: count,
      founded_in_period: count,
    }),
    bon_an_toan: z.object({
      total: count,
      by_setting: z.object(Object.fromEntries(MODEL_SETTINGS.map((s) => [s, count])) as Record<(typeof MODEL_SETTINGS)[number], typeof count>),
    }),
    outcomes: z.object(
      Object.fromEntries(SUMMARY_OUTCOME_KEYS.map((k) => [k, outcomeValue])) as Record<SummaryOutcomeKey, typeof outcomeValue>,
    ),
    suppressed: z.array(z.enum(SUMMARY_OUTCOME_KEYS)).optional().meta({ description: 'Outcome keys hidden for privacy.' }),
    estimated: z.array(z.enum(SUMMARY_OUTCOME_KEYS)).optional().meta({ description: 'Outcome keys whose figure counts hidden small cells at a stand-in value.' }),
    protection: protectionSchema,
    census: z.object({ population: count, households: count }),
  })
  .meta({ id: 'Summary' });
export type SummaryResponse = z.infer<typeof summarySchema>;

export const getSummary = endpoint({
  operationId: 'getSummary',
  method: 'get',
  path: '/api/summary',
  access: 'viewer',
  summary: 'Briefing totals',
  description:
    'Groups and models active at the end of the period, tips and outcome events inside it, for the province or one district. With the demo data and no filters each figure equals the one published on 25 Oct 2022.',
  tags: ['briefing'],
  query: z.object(filterParams).strict(),
  responses: { 200: { description: 'The totals.', json: summarySchema } },
  dataset: true,
  example: {},
});
