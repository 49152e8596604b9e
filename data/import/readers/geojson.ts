/**
 * GeoJSON FeatureCollection of Point features: the properties are the columns, the point is
 * added as `lon`/`lat` (WGS 84, the GeoJSON default) or `x`/`y` (a projected CRS given with
 * --crs) unless the properties already have such columns. Feature n is row n + 1 (the
 * properties' names play the header row).
 */
import { readFile } from 'node:fs/promises';
import { foldForSearch } from '#contract';
import { decodeStrict } from './text-encoding';
import { SourceError, type CellValue, type SourceRow, type TabularSource } from './types';

interface Feature {
  type?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

const invalid = (vi: string, en: string) => new SourceError('FILE_UNREADABLE', { vi: `${vi} Sửa: xuất lại lớp điểm dạng GeoJSON (FeatureCollection gồm các Point).`, en: `${en} Fix: export the point layer again as GeoJSON (a FeatureCollection of Points).` });

function asCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export async function openGeojson(file: string, projected: boolean): Promise<TabularSource> {
  let parsed: { type?: unknown; features?: unknown };
  try {
    parsed = JSON.parse(decodeStrict(await readFile(file))) as typeof parsed;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw invalid(`Tệp không phải JSON hợp lệ (${(error as Error).message}).`, `The file is not valid JSON (${(error as Error).message}).`);
  }
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw invalid('Tệp không phải một FeatureCollection.', 'The file is not a FeatureCollection.');
  }
  const features = parsed.features as Feature[];
  const names: string[] = [];
  const known = new Set<string>();
  for (const feature of features) {
    for (const key of Object.keys(feature.properties ?? {})) {
      if (!known.has(key)) {
        known.add(key);
        names.push(key);
      }
    }
  }
  const folded = new Set(names.map(foldForSearch));
  const [first, second] = projected ? ['x', 'y'] : ['lon', 'lat'];
  const addPoint = !folded.has(first!) && !folded.has(second!);
  const headings = addPoint ? [...names, first!, second!] : names;
  async function* rows(): AsyncGenerator<SourceRow> {
    for (let i = 0; i < features.length; i++) {
      const feature = features[i]!;
      const cells = names.map((name) => asCell(feature.properties?.[name]));
      if (addPoint) {
        const geometry = feature.geometry;
        if (geometry && geometry.type !== 'Point') {
          throw invalid(`Đối tượng thứ ${i + 1} có hình học ${String(geometry.type)}, không phải Point.`, `Feature ${i + 1} has a ${String(geometry.type)} geometry, not a Point.`);
        }
        const coordinates = Array.isArray(geometry?.coordinates) ? (geometry.coordinates as unknown[]) : [];
        cells.push(asCell(coordinates[0]), asCell(coordinates[1]));
      }
      yield { row: i + 2, cells };
    }
  }
  return { format: 'geojson', headings, rows: rows() };
}
