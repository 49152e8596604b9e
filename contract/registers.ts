/**
 * The registers an administrator imports from the web app (the importer's record kinds), the
 * file formats and media types of an upload, and the limits and states of the admin screens.
 */

/** The four registers; groups come first (tips and events name a group of the active data set). */
export const REGISTER_KINDS = ['groups', 'models', 'tips', 'events'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** File formats the importer reads, and the media type an upload of each is sent with. */
export const REGISTER_MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  geojson: 'application/geo+json',
  parquet: 'application/vnd.apache.parquet',
} as const;
export type RegisterFormat = keyof typeof REGISTER_MEDIA_TYPES;
export const REGISTER_FORMATS = Object.keys(REGISTER_MEDIA_TYPES) as [RegisterFormat, ...RegisterFormat[]];

/** Formats of the files the admin screens download (templates, rejected rows). */
export const DOWNLOAD_FORMATS = ['xlsx', 'csv'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** Uploads may be far larger than JSON bodies: 200,000 rows are some 20 MB of XLSX; 200 MB leaves room for CSV with long names. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Problems and warnings listed in a response (the table stays readable); the rejected-rows file has every row. */
export const REPORT_ENTRIES_SHOWN = 1_000;

/**
 * queued: waiting for the importer (one runs at a time); validating: the dry run is reading it;
 * validated: the report is ready; importing: the import runs; imported: a new version is active;
 * failed: see the upload's error.
 */
export const UPLOAD_STATES = ['queued', 'validating', 'validated', 'importing', 'imported', 'failed'] as const;
export type UploadState = (typeof UPLOAD_STATES)[number];

/** What the importer is doing: waiting its turn, reading the reference layer, reading the rows, writing the version. */
export const IMPORT_STEPS = ['waiting', 'reference', 'rows', 'writing'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** import_rejected: the import refused the file (see the report); import_failed: the importer stopped (logged on the server). */
export const UPLOAD_ERROR_CODES = ['import_rejected', 'import_failed'] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];
