/** Raw records for admins (audited) and account administration. */
import { z } from 'zod';
import { EXPORT_LAYERS } from '../layers';
import { ROLES } from '../session';
import { synthetic } from './common';
import { endpoint } from './endpoint';
import { pointSchema } from './geojson';
import { enumParam, filterParams } from './params';

/** Export formats: spreadsheets (CSV with a UTF-8 BOM, XLSX) and GIS files (GeoJSON, GeoParquet). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  parquet: 'application/vnd.apache.parquet',
};

export const exportFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    synthetic,
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: pointSchema,
        properties: z.record(z.string(), z.unknown()).meta({ description: 'The record: id, date, commune and district codes, group, category or kind and quantity.' }),
      }),
    ),
  })
  .meta({ id: 'RecordFeatures', description: 'The exported records as GeoJSON points (WGS 84 lon/lat).' });

export const exportRecords = endpoint({
  operationId: 'exportRecords',
  method: 'get',
  path: '/api/export/{layer}',
  access: 'admin',
  summary: 'Raw tip or event records as CSV, XLSX, GeoJSON or GeoParquet',
  description:
    'The only way tip and event records leave the server; every export is written to the audit log. The file is complete before the first byte is sent, so Content-Length (or X-Export-Bytes under compression) tells how much is coming. ' +
    'CSV: UTF-8 with a byte-order mark (Excel opens Vietnamese text correctly), CRLF line ends, cells a spreadsheet would run as a formula prefixed with an apostrophe. XLSX: one sheet (more beyond 1,048,575 rows), dates as YYYY-MM-DD text. ' +
    'GeoJSON: a FeatureCollection of Point features with the record as properties. GeoParquet 1.1: the record columns and a native point geometry column (struct x, y; WGS 84 lon/lat), zstd.',
  tags: ['admin'],
  params: z.object({ layer: enumParam(EXPORT_LAYERS).describe('Records.') }),
  query: z.object({ format: enumParam(EXPORT_FORMATS, 'csv').default('csv').describe('File format.'), ...filterParams }).strict(),
  responses: {
    200: {
      description: 'The records, oldest first.',
      media: {
        [EXPORT_MEDIA_TYPES.csv]: { kind: 'text', description: 'format=csv' },
        [EXPORT_MEDIA_TYPES.xlsx]: { kind: 'binary', description: 'format=xlsx' },
        [EXPORT_MEDIA_TYPES.geojson]: { kind: 'text', schema: exportFeatureCollectionSchema, description: 'format=geojson' },
        [EXPORT_MEDIA_TYPES.parquet]: { kind: 'binary', description: 'format=parquet' },
      },
      headers: {
        'X-Record-Count': { description: 'Records in the file.', schema: z.string() },
        'X-Export-Bytes': { description: 'Size of the file before any Content-Encoding, for a progress bar.', schema: z.string() },
      },
    },
  },
  dataset: true,
  example: { params: { layer: 'tips' }, query: { from: '2021-01-01', to: '2021-12-31' } },
});

export const userSchema = z
  .object({
    username: z.string(),
    role: z.enum(ROLES),
    created_at: z.string().meta({ format: 'date-time' }),
    demo: z.boolean().meta({ description: 'A demo account of the simulated data set.' }),
  })
  .meta({ id: 'User' });
export type PublicUser = z.infer<typeof userSchema>;

export const newUserSchema = z
  .object({ username: z.string().max(40), role: z.enum(ROLES), password: z.string().max(1000) })
  .strict()
  .meta({ id: 'NewUser', examples: [{ username: 'lan.nguyen', role: 'analyst', password: 'a long passphrase' }] });

export const listUsers = endpoint({
  operationId: 'listUsers',
  method: 'get',
  path: '/api/users',
  access: 'admin',
  summary: 'List users',
  description: 'Accounts with their role; never password hashes.',
  tags: ['admin'],
  responses: { 200: { description: 'The users.', json: z.object({ users: z.array(userSchema) }).meta({ id: 'Users' }) } },
  dataset: false,
  example: {},
});

export const addUser = endpoint({
  operationId: 'addUser',
  method: 'post',
  path: '/api/users',
  access: 'admin',
  summary: 'Create a user',
  description: 'Passwords need at least 12 characters.',
  tags: ['admin'],
  body: newUserSchema,
  responses: { 201: { description: 'Created.', json: userSchema } },
  errors: { 409: 'An account of that name exists (user_exists).' },
  dataset: false,
  example: { body: { username: 'sample-user', role: 'viewer', password: 'a long sample password' } },
});

export const removeUser = endpoint({
  operationId: 'removeUser',
  method: 'delete',
  path: '/api/users/{username}',
  access: 'admin',
  summary: 'Remove a user',
  description: 'Ends the sessions of that user too. An admin cannot remove their own account.',
  tags: ['admin'],
  params: z.object({ username: z.string().max(100).describe('The account to remove.') }),
  responses: { 204: { description: 'Removed.' } },
  errors: {
    404: 'No such account in the accounts file (unknown_user); demo accounts cannot be removed.',
    409: 'It is the account of the admin asking (own_account).',
  },
  dataset: false,
  example: { params: { username: 'sample-user' } },
});
