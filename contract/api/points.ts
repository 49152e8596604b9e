/** Group and model locations: never tips or outcome events (informant privacy). */
import { z } from 'zod';
import { POINT_LAYERS, POINT_LIMITS, POINTS_DAY_EPOCH } from '../layers';
import { count, periodSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { bboxParam, enumParam, filterParams, integerParam } from './params';

export const POINT_FORMATS = ['arrow', 'json'] as const;

export const pointRecordSchema = z
  .object({
    id: z.string(),
    lon: z.number(),
    lat: z.number(),
    founded_on: z.string().meta({ format: 'date' }),
    kind: z.string().meta({ description: 'Area class of a group or setting of a model.' }),
    commune_code: z.string(),
    households: z.number().int().optional(),
    ethnic_minority: z.boolean().optional(),
    religious: z.boolean().optional(),
    name: z.string().optional(),
  })
  .meta({ id: 'PointRecord' });

export const pointsJsonSchema = z
  .object({ layer: z.enum(POINT_LAYERS), count, period: periodSchema, synthetic, points: z.array(pointRecordSchema) })
  .meta({ id: 'Points' });
export type PointsJsonResponse = z.infer<typeof pointsJsonSchema>;

export const getPoints = endpoint({
  operationId: 'getPoints',
  method: 'get',
  path: '/api/points',
  access: 'analyst',
  summary: 'Group or model locations',
  description: `Active at the end of the period, inside the bbox. Arrow IPC stream by default: columns lon, lat (Float32), day (Uint16, days since ${POINTS_DAY_EPOCH} of founding) and kind (Uint8, index into the area classes of groups or the settings of models, named in X-Kinds). Beyond the limit the answer is 413: zoom in or narrow the filter.`,
  tags: ['maps'],
  query: z
    .object({
      layer: enumParam(POINT_LAYERS).describe('Records.'),
      bbox: bboxParam.optional().describe('minLon,minLat,maxLon,maxLat; default the whole world.'),
      limit: integerParam(1, POINT_LIMITS.max, POINT_LIMITS.default).default(POINT_LIMITS.default).describe('Answer 413 when more points match.'),
      format: enumParam(POINT_FORMATS, 'arrow').default('arrow').describe('Binary Arrow or JSON.'),
      ...filterParams,
    })
    .strict(),
  responses: {
    200: {
      description: 'The points.',
      json: pointsJsonSchema,
      media: { 'application/vnd.apache.arrow.stream': { kind: 'binary', description: 'Arrow IPC stream (format=arrow).' } },
      headers: {
        'X-Total-Count': { description: 'Points in the answer.', schema: z.string() },
        'X-Synthetic': { description: 'true for the simulated demo data.', schema: z.string() },
      },
    },
    413: { description: 'More points match than the limit.' },
  },
  dataset: true,
  example: { query: { layer: 'models' } },
});
