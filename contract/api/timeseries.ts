/** Counts per year or month for the province, a district or a commune. */
import { z } from 'zod';
import { UNIT_LEVELS } from '../domain';
import { TIMESERIES_INTERVALS, TIMESERIES_LAYERS } from '../layers';
import { periodSchema, protectionSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { enumParam, periodParams, unitCode } from './params';

export const timeseriesSchema = z
  .object({
    layer: z.enum(TIMESERIES_LAYERS),
    interval: z.enum(TIMESERIES_INTERVALS),
    scope: z.object({ level: z.enum(UNIT_LEVELS), code: z.string(), name: z.string() }),
    period: periodSchema,
    series: z.array(
      z.object({
        period: z.string().meta({ description: 'A year (2021) or a month (2021-03).' }),
        value: z.number().int().nullable().meta({ description: 'Null when hidden for privacy.' }),
        suppressed: z.boolean().optional(),
        estimated: z.literal(true).optional().meta({ description: 'Counts hidden small cells at a stand-in value.' }),
      }),
    ),
    synthetic,
    protection: protectionSchema.optional().meta({ description: 'For tips and events: how they were protected.' }),
  })
  .meta({ id: 'Timeseries' });
export type TimeseriesResponse = z.infer<typeof timeseriesSchema>;
export type TimeseriesPoint = TimeseriesResponse['series'][number];

export const getTimeseries = endpoint({
  operationId: 'getTimeseries',
  method: 'get',
  path: '/api/timeseries',
  access: 'viewer',
  summary: 'Counts per year or month',
  description: 'Stocks (groups_active, models) at the end of each period; flows (groups_new, tips, events) inside it.',
  tags: ['briefing'],
  query: z
    .object({
      layer: enumParam(TIMESERIES_LAYERS).describe('The series.'),
      interval: enumParam(TIMESERIES_INTERVALS, 'year').default('year').describe('Bucket size.'),
      level: enumParam(UNIT_LEVELS, 'province').default('province').describe('Scope level.'),
      code: unitCode.optional().describe('Unit code; required for district and commune level.'),
      ...periodParams,
    })
    .strict(),
  responses: { 200: { description: 'The series, every period of the range present.', json: timeseriesSchema } },
  dataset: true,
  example: { query: { layer: 'groups_new', level: 'commune', code: '08944' } },
});
