/**
 * The region around the province, drawn under it so it does not float on an empty page:
 * neighbouring provinces, the big rivers and the nearby towns, with Vietnamese names. Written by
 * the data build as context.geojson and served as is.
 */
import { z } from 'zod';
import { endpoint } from './endpoint';
import { areaGeometrySchema, lineStringSchema, multiLineStringSchema, pointSchema } from './geojson';

const provinceFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ kind: z.literal('province'), name: z.string() }),
  geometry: areaGeometrySchema,
});
const riverFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ kind: z.literal('river'), name: z.string() }),
  geometry: z.union([lineStringSchema, multiLineStringSchema]),
});
const townFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    kind: z.literal('town'),
    name: z.string(),
    rank: z.number().meta({ description: 'Natural Earth scalerank: 0 = most important (Hà Nội is 2, a provincial town 6–10).' }),
  }),
  geometry: pointSchema,
});

export const contextFeatureSchema = z.union([provinceFeature, riverFeature, townFeature]).meta({ id: 'ContextFeature' });
export type ContextFeature = z.infer<typeof contextFeatureSchema>;
export type ContextProvinceFeature = z.infer<typeof provinceFeature>;
export type ContextRiverFeature = z.infer<typeof riverFeature>;
export type ContextTownFeature = z.infer<typeof townFeature>;

export const basemapContextSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    name: z.string(),
    attribution: z.string().meta({ description: 'Sources and licences of the features, to be credited wherever they are drawn.' }),
    synthetic: z.literal(false),
    features: z.array(contextFeatureSchema),
  })
  .meta({ id: 'BasemapContext' });
export type BasemapContextResponse = z.infer<typeof basemapContextSchema>;

export const getBasemapContext = endpoint({
  operationId: 'getBasemapContext',
  method: 'get',
  path: '/api/basemap/context',
  access: 'viewer',
  summary: 'The region drawn around the province',
  description: 'Neighbouring provinces (GADM 4.1, simplified), the Red and Black rivers and nearby towns (Natural Earth), with Vietnamese names.',
  tags: ['maps'],
  query: z.object({}).strict(),
  responses: { 200: { description: 'A FeatureCollection.', media: { 'application/geo+json': { kind: 'text', schema: basemapContextSchema } } } },
  dataset: true,
  example: {},
});
