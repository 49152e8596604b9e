/** Unit boundaries (2019 and 1 July 2025 units) and one unit's profile. */
import { z } from 'zod';
import { CHOROPLETH_METRICS } from '../metrics';
import { UNIT_LEVELS, UNIT_VERSIONS } from '../domain';
import { count, periodSchema, protectionSchema, synthetic } from './common';
import { endpoint } from './endpoint';
import { areaGeometrySchema } from './geojson';
import { enumParam, periodParams, unitCode } from './params';

const attribution = z.string().meta({ description: 'Where the boundaries and census figures come from, and under which licence.' });

export const unitPropertiesSchema = z
  .object({
    code: z.string().meta({ description: 'GSO code.', examples: ['08707'] }),
    name: z.string().meta({ description: 'Name with its diacritics.', examples: ['Bá Hiến'] }),
    type: z.string().meta({ description: 'Xã / Phường / Thị trấn; Huyện / Thành phố; Tỉnh.' }),
    district_code: z.string().optional(),
    district_name: z.string().optional(),
    population: count.meta({ description: '2019 census.' }),
    households: count.meta({ description: '2019 census.' }),
    area_km2: z.number().min(0),
    gadm_gid: z.string().optional(),
    code_2025: z.string().nullable().optional().meta({ description: 'The 1 July 2025 unit it became part of; null when undocumented.' }),
  })
  .meta({ id: 'UnitProperties' });
export type UnitProperties = z.infer<typeof unitPropertiesSchema>;

export const unitFeatureSchema = z
  .object({ type: z.literal('Feature'), properties: unitPropertiesSchema, geometry: areaGeometrySchema })
  .meta({ id: 'UnitFeature' });
export type UnitFeature = z.infer<typeof unitFeatureSchema>;
export type UnitGeometry = UnitFeature['geometry'];

export const unitsSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    name: z.string(),
    synthetic: z.literal(false).meta({ description: 'Boundaries and census figures are real, never simulated.' }),
    attribution,
    features: z.array(unitFeatureSchema),
  })
  .meta({ id: 'Units', description: 'The 2019 units of one level (WGS84).' });
export type UnitsResponse = z.infer<typeof unitsSchema>;
/** Unit features without the collection's provenance members, as the web app assembles them. */
export type UnitCollection = Pick<UnitsResponse, 'type' | 'features'>;

export const unmappedCommuneSchema = z
  .object({ code: z.string(), name: z.string(), reason: z.string() })
  .meta({ id: 'UnmappedCommune', description: 'A 2019 commune whose receiving 2025 unit is not documented: listed, never guessed.' });
export type UnmappedCommune = z.infer<typeof unmappedCommuneSchema>;

export const unit2025PropertiesSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  population: count,
  households: count,
  area_km2: z.number().min(0),
  old_codes: z.string().meta({ description: 'The 2019 commune codes merged into this unit, comma-separated.' }),
});
export type Unit2025Properties = z.infer<typeof unit2025PropertiesSchema>;

export const units2025Schema = z
  .object({
    type: z.literal('FeatureCollection'),
    name: z.string(),
    synthetic: z.literal(false),
    attribution,
    note: z.string(),
    unmapped: z.array(unmappedCommuneSchema),
    features: z.array(z.object({ type: z.literal('Feature'), properties: unit2025PropertiesSchema, geometry: areaGeometrySchema })),
  })
  .meta({ id: 'Units2025', description: 'Communes and wards from 1 July 2025, dissolved from the 2019 communes of the crosswalk.' });
export type Units2025Response = z.infer<typeof units2025Schema>;
export type Unit2025Feature = Units2025Response['features'][number];

export const unitComparisonSchema = z
  .object({
    value: z.number().nullable().meta({ description: 'Null when hidden for privacy.' }),
    rank: z.number().int().min(1).nullable().meta({ description: '1 = highest among units of the level; null when hidden.' }),
    of: count,
    district_average: z.number().nullable(),
    province_average: z.number().nullable(),
  })
  .meta({ id: 'UnitComparison' });
export type UnitComparison = z.infer<typeof unitComparisonSchema>;

export const unitProfileSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(UNIT_LEVELS),
    type: z.string(),
    district_code: z.string().nullable(),
    district_name: z.string().nullable(),
    population: count,
    households: count,
    area_km2: z.number().min(0),
    period: periodSchema,
    metrics: z.partialRecord(z.enum(CHOROPLETH_METRICS), unitComparisonSchema),
    yearly: z.array(
      z.object({
        year: z.number().int(),
        groups_active: count,
        groups_new: count,
        tips: count.nullable().meta({ description: 'Null when hidden for privacy (or the year is only partly in the period, below admin).' }),
        models_active: count,
      }),
    ),
    synthetic,
    protection: protectionSchema,
  })
  .meta({ id: 'UnitProfile' });
export type UnitProfileResponse = z.infer<typeof unitProfileSchema>;

export const getUnits = endpoint({
  operationId: 'getUnits',
  method: 'get',
  path: '/api/units',
  access: 'viewer',
  summary: 'Unit boundaries (GeoJSON)',
  description:
    'The 2019 communes, districts or the province; or, with version=2025, the communes and wards from 1 July 2025 (districts were abolished then, so level must be commune).',
  tags: ['units'],
  query: z
    .object({
      level: enumParam(UNIT_LEVELS, 'commune').default('commune').describe('Unit level.'),
      version: enumParam(UNIT_VERSIONS, '2019').default('2019').describe('2019 units, or the units from 1 July 2025.'),
    })
    .strict(),
  responses: {
    200: {
      description: 'A FeatureCollection.',
      media: {
        'application/geo+json': {
          kind: 'text',
          schema: z.union([unitsSchema, units2025Schema]).meta({ id: 'UnitsOrUnits2025' }),
          description: 'Units (version=2019) or Units2025 (version=2025).',
        },
      },
    },
  },
  dataset: true,
  example: { query: { level: 'district' } },
});

export const getUnitProfile = endpoint({
  operationId: 'getUnitProfile',
  method: 'get',
  path: '/api/units/{code}',
  access: 'viewer',
  summary: "One unit's profile",
  description: 'Every metric with its rank among units of the same level, district and province averages, and the yearly series.',
  tags: ['units'],
  params: z.object({ code: unitCode.describe('GSO code of a 2019 commune, district or the province.') }),
  query: z.object(periodParams).strict(),
  responses: { 200: { description: 'The profile.', json: unitProfileSchema } },
  dataset: true,
  example: { params: { code: '08944' } },
});
