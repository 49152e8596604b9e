/** Which register format a chosen file is, by its name's ending, and the media type to send it with. */
import { REGISTER_MEDIA_TYPES, type RegisterFormat } from '#contract';

const FORMAT_OF_ENDING: Record<string, RegisterFormat> = { xlsx: 'xlsx', csv: 'csv', geojson: 'geojson', json: 'geojson', parquet: 'parquet' };

/** What the file chooser offers. */
export const ACCEPTED_ENDINGS = Object.keys(FORMAT_OF_ENDING).map((ending) => `.${ending}`).join(',');

export function formatOfFile(name: string): { format: RegisterFormat; media: string } | null {
  const ending = name.toLowerCase().split('.').pop() ?? '';
  const format = FORMAT_OF_ENDING[ending];
  return format ? { format, media: REGISTER_MEDIA_TYPES[format] } : null;
}
