/** Counts per H3 cell: the group-density heatmap and the tip hexagons. */
import { z } from 'zod';
import { H3_RESOLUTIONS } from '../domain';
import { GRID_LAYERS } from '../layers';
import { count, periodSchema, protectionSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { enumParam, filterParams } from './params';

export const H3_RESOLUTION_PARAMS = H3_RESOLUTIONS.map(String) as ['7', '8'];

export const gridCellSchema = z
  .object({
    h3: z.string(),
    count: count.nullable().meta({ description: 'Null when hidden for privacy.' }),
    suppressed: z.boolean().optional(),
    estimated: z.literal(true).optional().meta({ description: 'Counts hidden small cells at a stand-in value.' }),
  })
  .meta({ id: 'GridCell' });
export type GridCell = z.infer<typeof gridCellSchema>;

export const gridSchema = z
  .object({
    layer: z.enum(GRID_LAYERS),
    resolution: z.number().int(),
    period: periodSchema,
    cells: z.array(gridCellSchema).meta({ description: 'Cells with records; for tips below admin only the cells whose count may be published.' }),
    synthetic,
    protection: protectionSchema.optional().meta({ description: 'For tips: how they were protected.' }),
  })
  .meta({ id: 'Grid' });
export type GridResponse = z.infer<typeof gridSchema>;

export const resolutionParam = enumParam(H3_RESOLUTION_PARAMS, '8')
  .default('8')
  .transform((r) => Number(r) as 7 | 8)
  .describe('H3 resolution.');

export const getGrid = endpoint({
  operationId: 'getGrid',
  method: 'get',
  path: '/api/grid',
  access: 'viewer',
  summary: 'Counts per H3 cell',
  description: 'Groups and models active at the end of the period, tips inside it, per H3 cell of resolution 7 or 8.',
  tags: ['maps'],
  query: z.object({ layer: enumParam(GRID_LAYERS).describe('Records to count.'), resolution: resolutionParam, ...filterParams }).strict(),
  responses: { 200: { description: 'Cells with at least one record.', json: gridSchema } },
  dataset: true,
  example: { query: { layer: 'groups' } },
});
