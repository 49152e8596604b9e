/**
 * Importing the real registers from the web app, and the data set versions (admin only): upload
 * a register file, follow its validation, import it (all-or-nothing or the valid rows), download
 * the rejected rows and the templates, list the versions and activate one. The importer itself
 * is the command line of API_CONTRACT.md § "Import of real records", run by the server.
 */
import { z } from 'zod';
import {
  DOWNLOAD_FORMATS,
  IMPORT_STEPS,
  MAX_UPLOAD_BYTES,
  REGISTER_FORMATS,
  REGISTER_KINDS,
  REGISTER_MEDIA_TYPES,
  REPORT_ENTRIES_SHOWN,
  UPLOAD_ERROR_CODES,
  UPLOAD_STATES,
} from '../registers';
import { count, periodSchema } from './common';
import { endpoint } from './endpoint';
import { enumParam, textParam } from './params';

const localized = z.object({ vi: z.string(), en: z.string() }).meta({ id: 'LocalizedText', description: 'A sentence in Vietnamese and in English.' });

const uploadId = z
  .string()
  .regex(/^[0-9a-f]{16}$/, 'must be an upload id (16 hex digits)')
  .meta({ openapi: { type: 'string', pattern: '^[0-9a-f]{16}$', examples: ['3f9a0c1b2d4e5f60'] } });

const versionId = z
  .string()
  .regex(/^\d{8}T\d{6}Z-(demo-)?[0-9a-f]{8}$/, 'must be a data set version id, e.g. 20261201T223512Z-1a2b3c4d')
  .meta({ openapi: { type: 'string', pattern: '^\\d{8}T\\d{6}Z-(demo-)?[0-9a-f]{8}$', examples: ['20261201T223512Z-1a2b3c4d'] } });

export const reportEntrySchema = z
  .object({
    row: z.number().int().min(1).meta({ description: 'The row number the user sees in the spreadsheet (header = row 1).' }),
    column: z.string().meta({ description: 'The column heading as written in the file (empty for a problem of the whole file).' }),
    value: z.string(),
    code: z.string().meta({ description: 'The importer\'s problem code, e.g. DATE_MONTH_FIRST (data/README.md, "Row rules").' }),
    problem: localized,
    fix: localized.nullable().meta({ description: 'How to fix it, when the importer says.' }),
  })
  .meta({ id: 'ReportEntry' });
export type ReportEntry = z.infer<typeof reportEntrySchema>;

export const importReportSchema = z
  .object({
    rows: count.meta({ description: 'Data rows read.' }),
    valid: count.meta({ description: 'Rows that passed every check.' }),
    rejected_rows: count.meta({ description: 'Rows rejected (a row with several problems counts once).' }),
    file_problem: z.boolean().meta({ description: 'The file as a whole cannot be imported (unreadable, wrong encoding, missing columns…).' }),
    problems: z.array(reportEntrySchema).meta({ description: `The problems of the rejected rows, at most ${REPORT_ENTRIES_SHOWN}.` }),
    problems_total: count,
    warnings: z.array(reportEntrySchema).meta({ description: `Warnings (rows kept), at most ${REPORT_ENTRIES_SHOWN}.` }),
    warnings_total: count,
    crs: z.string().meta({ description: 'The coordinate system the points were read in (EPSG code).' }),
    northing_read_from: z.record(z.string(), count).meta({ description: 'VN-2000: how many rows had their northing (X) in each column.' }),
    rejected_file: z.boolean().meta({ description: 'The rejected rows can be downloaded (GET …/rejected).' }),
  })
  .meta({ id: 'ImportReport' });
export type ImportReportResponse = z.infer<typeof importReportSchema>;

export const uploadSchema = z
  .object({
    id: z.string(),
    kind: z.enum(REGISTER_KINDS),
    format: z.enum(REGISTER_FORMATS),
    filename: z.string(),
    bytes: count,
    crs: z.string().meta({ description: 'As asked: wgs84, vn2000 or EPSG:<code>.' }),
    sheet: z.string().nullable(),
    uploaded_by: z.string(),
    uploaded_at: z.string().meta({ format: 'date-time' }),
    state: z.enum(UPLOAD_STATES),
    progress: z.object({
      step: z.enum(IMPORT_STEPS).nullable().meta({ description: 'Null when nothing runs.' }),
      rows_read: count.meta({ description: 'Rows read so far by the running validation or import.' }),
    }),
    report: importReportSchema.nullable().meta({ description: 'The latest report: of the validation, then of the import.' }),
    can_import: z.boolean().meta({ description: 'Validated without a rejected row: the whole file can be imported.' }),
    can_import_valid: z.boolean().meta({ description: 'Validated with valid rows: they can be imported without the rejected ones.' }),
    accept_valid: z.boolean().nullable().meta({ description: 'How the import was asked for (null before).' }),
    imported: z
      .object({ dataset_version: z.string(), accepted: count, rejected_rows: count, at: z.string().meta({ format: 'date-time' }) })
      .nullable(),
    error: z.object({ code: z.enum(UPLOAD_ERROR_CODES), message: localized }).nullable(),
  })
  .meta({ id: 'Upload' });
export type UploadResponse = z.infer<typeof uploadSchema>;

export const versionSchema = z
  .object({
    version: z.string(),
    active: z.boolean().meta({ description: 'The store\'s ACTIVE pointer names it.' }),
    served: z.boolean().meta({ description: 'This server answers from it now (follows ACTIVE within about a second).' }),
    synthetic: z.boolean(),
    built_at: z.string().meta({ format: 'date-time' }),
    built_by: z.string(),
    rows: z.record(z.string(), count).meta({ description: 'Rows per table.' }),
    period: periodSchema,
    imports: z.array(
      z.object({
        kind: z.enum(REGISTER_KINDS),
        file: z.string(),
        accepted: count,
        rejected: count,
        imported_at: z.string().meta({ format: 'date-time' }),
        imported_by: z.string(),
      }),
    ).meta({ description: 'Real data: the import each register comes from.' }),
    last_activated: z
      .object({ at: z.string().meta({ format: 'date-time' }), by: z.string(), reason: z.enum(['build', 'import', 'activate']) })
      .nullable(),
  })
  .meta({ id: 'DatasetVersion' });
export type VersionResponse = z.infer<typeof versionSchema>;

const SAMPLE_UPLOAD_ID = '3f9a0c1b2d4e5f60';
const SAMPLE_VERSION = '20261201T223512Z-1a2b3c4d';

export const uploadRegister = endpoint({
  operationId: 'uploadRegister',
  method: 'post',
  path: '/api/admin/uploads',
  access: 'admin',
  summary: 'Upload a register file and validate it',
  description:
    'The file is the request body, sent as is with its media type. It is stored under the state directory and checked by the importer (a dry run: nothing changes); poll GET /api/admin/uploads/{id} for the report. Written to the audit log.',
  tags: ['admin'],
  query: z
    .object({
      kind: enumParam(REGISTER_KINDS).describe('Which register the file holds (import groups before tips and events).'),
      crs: textParam(1).optional().describe('wgs84 (default: columns lon, lat), vn2000 (EPSG:5897: columns x, y or northing, easting) or EPSG:<code> of another VN-2000 zone.'),
      sheet: textParam(1).optional().describe('XLSX only: the sheet to read (default: the first).'),
      filename: textParam(1).optional().describe('The file\'s name, as the versions list and the rejected-rows file show it.'),
    })
    .strict(),
  upload: {
    media: Object.fromEntries(Object.entries(REGISTER_MEDIA_TYPES).map(([format, media]) => [media, { kind: 'binary', description: `A register as .${format}.` }])),
    maxBytes: MAX_UPLOAD_BYTES,
  },
  responses: {
    202: { description: 'Stored; the validation is queued or running.', json: uploadSchema },
    413: { description: `Larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` },
  },
  errors: { 415: 'The body is not one of the register media types, or the file name does not end as its media type says.' },
  dataset: false,
  example: {
    query: { kind: 'groups', crs: 'wgs84', sheet: 'Sheet1', filename: 'to-lien-gia.xlsx' },
    upload: {
      media: REGISTER_MEDIA_TYPES.xlsx,
      rows: [
        ['id', 'commune', 'founded_on', 'households'],
        ['TLG-0001', 'Bá Hiến', '15/03/2018', 20],
      ],
    },
  },
});

export const listUploads = endpoint({
  operationId: 'listUploads',
  method: 'get',
  path: '/api/admin/uploads',
  access: 'admin',
  summary: 'Uploads of this server, newest first',
  description: 'Uploads not imported are removed after a day, or when cancelled.',
  tags: ['admin'],
  responses: { 200: { description: 'The uploads.', json: z.object({ uploads: z.array(uploadSchema) }).meta({ id: 'Uploads' }) } },
  dataset: false,
  example: {},
});

const uploadParams = z.object({ id: uploadId.describe('The upload.') });

export const getUpload = endpoint({
  operationId: 'getUpload',
  method: 'get',
  path: '/api/admin/uploads/{id}',
  access: 'admin',
  summary: 'An upload: state, progress and report',
  description: 'Poll this while the upload is queued, validating or importing.',
  tags: ['admin'],
  params: uploadParams,
  responses: { 200: { description: 'The upload.', json: uploadSchema } },
  errors: { 404: 'No such upload (cancelled, expired, or made before the server restarted).' },
  dataset: false,
  example: { params: { id: SAMPLE_UPLOAD_ID } },
});

export const importUpload = endpoint({
  operationId: 'importUpload',
  method: 'post',
  path: '/api/admin/uploads/{id}/import',
  access: 'admin',
  summary: 'Import a validated upload',
  description:
    'All-or-nothing (any rejected row refuses the file), or with accept_valid the valid rows only. Makes a new data set version and activates it; real and simulated records are never mixed. Written to the audit log.',
  tags: ['admin'],
  params: uploadParams,
  body: z.object({ accept_valid: z.boolean() }).strict().meta({ id: 'ImportRequest' }),
  responses: { 202: { description: 'The import is queued or running.', json: uploadSchema } },
  errors: {
    404: 'No such upload.',
    409: 'Not validated yet, already imported, nothing to import, or rejected rows without accept_valid.',
  },
  dataset: false,
  example: { params: { id: SAMPLE_UPLOAD_ID }, body: { accept_valid: true } },
});

export const cancelUpload = endpoint({
  operationId: 'cancelUpload',
  method: 'delete',
  path: '/api/admin/uploads/{id}',
  access: 'admin',
  summary: 'Cancel an upload',
  description: 'Stops its validation and removes its files; an import that has started finishes (activate the previous version to undo it).',
  tags: ['admin'],
  params: uploadParams,
  responses: { 204: { description: 'Cancelled and removed.' } },
  errors: { 404: 'No such upload.', 409: 'Its import has started.' },
  dataset: false,
  example: { params: { id: SAMPLE_UPLOAD_ID } },
});

export const getRejectedRows = endpoint({
  operationId: 'getRejectedRows',
  method: 'get',
  path: '/api/admin/uploads/{id}/rejected',
  access: 'admin',
  summary: 'The rejected rows of an upload, to fix and send again',
  description: 'The original columns plus "Lỗi (problem)". Written to the audit log.',
  tags: ['admin'],
  params: uploadParams,
  query: z.object({ format: enumParam(DOWNLOAD_FORMATS, 'xlsx').optional().describe('XLSX (default) or CSV (UTF-8 with BOM).') }).strict(),
  responses: {
    200: {
      description: 'The rejected rows.',
      media: { [REGISTER_MEDIA_TYPES.xlsx]: { kind: 'binary' }, 'text/csv': { kind: 'text' } },
    },
  },
  errors: { 404: 'No such upload, or it has no rejected rows.' },
  dataset: false,
  example: { params: { id: SAMPLE_UPLOAD_ID }, query: { format: 'xlsx' } },
});

export const listVersions = endpoint({
  operationId: 'listVersions',
  method: 'get',
  path: '/api/admin/versions',
  access: 'admin',
  summary: 'Data set versions of the store',
  description: 'As `npm run import -- --list --json`, oldest first, with who built or imported each, when, the row counts and which is active.',
  tags: ['admin'],
  responses: { 200: { description: 'The versions.', json: z.object({ versions: z.array(versionSchema) }).meta({ id: 'DatasetVersions' }) } },
  dataset: false,
  example: {},
});

export const activateVersion = endpoint({
  operationId: 'activateVersion',
  method: 'post',
  path: '/api/admin/versions/{version}/activate',
  access: 'admin',
  summary: 'Activate a data set version (rollback)',
  description:
    'Points the store at this version and waits (up to 10 s) until the server serves it. With real data the demo accounts stop working; with the demo version again they work again. Written to the audit log.',
  tags: ['admin'],
  params: z.object({ version: versionId.describe('The version to serve.') }),
  responses: { 200: { description: 'The version, now active.', json: versionSchema } },
  errors: { 404: 'No such version in the store.', 409: 'An import is running.' },
  dataset: false,
  example: { params: { version: SAMPLE_VERSION } },
});

export const getTemplate = endpoint({
  operationId: 'getTemplate',
  method: 'get',
  path: '/api/admin/templates/{kind}',
  access: 'admin',
  summary: 'The template of a register',
  description: 'XLSX with Vietnamese headings, drop-down lists for the enumerations and an example row, or CSV (UTF-8 with BOM). Written to the audit log.',
  tags: ['admin'],
  params: z.object({ kind: enumParam(REGISTER_KINDS).describe('The register.') }),
  query: z.object({ format: enumParam(DOWNLOAD_FORMATS, 'xlsx').optional().describe('XLSX (default) or CSV.') }).strict(),
  responses: {
    200: {
      description: 'The template.',
      media: { [REGISTER_MEDIA_TYPES.xlsx]: { kind: 'binary' }, 'text/csv': { kind: 'text' } },
    },
  },
  dataset: false,
  example: { params: { kind: 'groups' }, query: { format: 'xlsx' } },
});
