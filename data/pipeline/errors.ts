/**
 * Errors of the data build as values: a machine code, a sentence naming the file and the
 * row or feature, and the fix. Raised where input enters (source readers, config, CLI
 * arguments); the CLI prints them without a stack trace.
 */

export const PIPELINE_ERROR_CODES = [
  'SOURCE_MISSING',
  'SOURCE_UNREADABLE',
  'CSV_MALFORMED',
  'CSV_HEADER',
  'CSV_VALUE',
  'GEOJSON_MALFORMED',
  'GEOJSON_FEATURE',
  'JOIN_FAILED',
  'CENSUS_INCONSISTENT',
  'CROSSWALK_INCOMPLETE',
  'TOTALS_INVALID',
  'CONFIG_INVALID',
  'ARGUMENT_INVALID',
  'SIMULATION_INFEASIBLE',
  'OUTPUT_FAILED',
] as const;
export type PipelineErrorCode = (typeof PIPELINE_ERROR_CODES)[number];

export interface PipelineErrorDetails {
  code: PipelineErrorCode;
  message: string;
  /** The file at fault (absolute path), when there is one. */
  file?: string;
  /** Where in the file: "row 14", "feature #12 (GID_3 VNM.62.2.4_1)", "character 1234". */
  where?: string;
  /** What the person running the build should do about it. */
  fix: string;
}

export class PipelineError extends Error {
  readonly code: PipelineErrorCode;
  readonly file: string | undefined;
  readonly where: string | undefined;
  readonly fix: string;

  constructor(details: PipelineErrorDetails) {
    super(details.message);
    this.name = 'PipelineError';
    this.code = details.code;
    this.file = details.file;
    this.where = details.where;
    this.fix = details.fix;
  }
}

export function isPipelineError(error: unknown): error is PipelineError {
  return error instanceof PipelineError;
}

/** Multi-line human report of an error, for the CLI and logs; no stack trace. */
export function formatPipelineError(error: PipelineError): string {
  const lines = [`Data build failed [${error.code}]: ${error.message}`];
  if (error.file) lines.push(`  file:  ${error.file}`);
  if (error.where) lines.push(`  where: ${error.where}`);
  lines.push(`  fix:   ${error.fix}`);
  return lines.join('\n');
}
