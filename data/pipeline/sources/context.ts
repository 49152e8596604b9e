/**
 * The map context around Vĩnh Phúc (../shared/data/sources/context/README.md): the neighbouring
 * provinces from a simplified copy of GADM 4.1 level 1, and the Natural Earth 1:10m rivers and
 * towns. Validated feature by feature, so a broken file names the feature at fault; geometry is
 * kept exactly as published; names become the Vietnamese the map shows.
 */
import path from 'node:path';
import { z } from 'zod';
import { foldForSearch } from '#contract';
import type { ContextFeature } from '#contract/api';

/** [lon, lat], WGS 84. */
type LonLatPosition = [number, number];
import { sourcesDir } from '../../paths';
import { PipelineError } from '../errors';
import { decodeUtf8, parseJsonSource, readInput, SOURCE_FILES } from './files';

/** The province the atlas is about: drawn from its own communes, never from the simplified copy. */
const HOME_PROVINCE = foldForSearch('Vĩnh Phúc');

/** Natural Earth names rivers by their transliteration; every river in the file needs its Vietnamese name here. */
export const RIVER_NAMES_VI: Readonly<Record<string, string>> = { Hong: 'Sông Hồng', Da: 'Sông Đà' };

/** Natural Earth's English exonyms of towns; the other town names in the file are Vietnamese already. */
export const TOWN_NAMES_VI: Readonly<Record<string, string>> = { Hanoi: 'Hà Nội' };

/**
 * Northern Vietnam and Yunnan, where the Red and Black rivers rise, with a margin: a coordinate
 * outside it is corrupt or has lon and lat swapped.
 */
const LON_RANGE = [99, 109] as const;
const LAT_RANGE = [19, 27] as const;
/** A closed linear ring has at least 4 positions (first = last); a line at least 2. */
const MIN_RING_POSITIONS = 4;
const MIN_LINE_POSITIONS = 2;

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position);
const areaGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const provinceFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ GID_1: z.string().min(1), NAME_1: z.string().min(1) }),
  geometry: areaGeometry,
});
const riverFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ kind: z.literal('river'), name: z.string().min(1) }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('LineString'), coordinates: ring }),
    z.object({ type: z.literal('MultiLineString'), coordinates: z.array(ring).min(1) }),
  ]),
});
const placeFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ kind: z.literal('place'), name: z.string().min(1), scalerank: z.number().int().nonnegative() }),
  geometry: z.object({ type: z.literal('Point'), coordinates: position }),
});

interface Source {
  file: string;
  name: string;
}

function fail(source: Source, where: string, problem: string, fix: string): never {
  throw new PipelineError({ code: 'GEOJSON_FEATURE', message: `${source.name} ${where}: ${problem}.`, file: source.file, where, fix });
}

/** The features array of a GeoJSON FeatureCollection, or GEOJSON_MALFORMED. */
function features(text: string, source: Source, restore: string): unknown[] {
  const document = parseJsonSource(text, source.file, 'GEOJSON_MALFORMED', restore);
  const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).safeParse(document);
  if (!collection.success) {
    throw new PipelineError({
      code: 'GEOJSON_MALFORMED',
      message: `${source.name} is not a GeoJSON FeatureCollection with a "features" array.`,
      file: source.file,
      where: 'top level',
      fix: restore,
    });
  }
  return collection.data.features;
}

function checkPositions(positions: readonly LonLatPosition[], source: Source, where: string, fix: string): void {
  for (const [lon, lat] of positions) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < LON_RANGE[0] || lon > LON_RANGE[1] || lat < LAT_RANGE[0] || lat > LAT_RANGE[1]) {
      fail(source, where, `position [${lon}, ${lat}] is outside northern Vietnam (lon ${LON_RANGE.join('–')}, lat ${LAT_RANGE.join('–')}); swapped or corrupt coordinates`, fix);
    }
  }
}

const lonLat = (p: readonly number[]): LonLatPosition => [p[0] as number, p[1] as number];

const PROVINCES_RESTORE = 'Restore the file from ../shared/data/sources/context (see its README for the GADM 4.1 origin and sha256).';
const PROVINCES_FIX = 'Each feature needs properties GID_1 and NAME_1 and a Polygon or MultiPolygon of closed lon/lat rings; restore it from the GADM 4.1 copy named in the README.';

/** The neighbouring provinces, Vĩnh Phúc itself left out, named as in GADM (with diacritics). */
export function parseContextProvinces(text: string, file: string): ContextFeature[] {
  const source = { file, name: path.basename(file) };
  const out: ContextFeature[] = [];
  features(text, source, PROVINCES_RESTORE).forEach((raw, i) => {
    const where = `feature #${i + 1}`;
    const parsed = provinceFeature.safeParse(raw);
    if (!parsed.success) fail(source, where, `is invalid (${describeIssue(parsed.error)})`, PROVINCES_FIX);
    const { NAME_1: name } = parsed.data.properties;
    const label = `${where} (NAME_1 "${name}")`;
    const polygons = parsed.data.geometry.type === 'Polygon' ? [parsed.data.geometry.coordinates] : parsed.data.geometry.coordinates;
    const coordinates = polygons.map((rings) => rings.map((r) => r.map(lonLat)));
    // Checked as polygons → rings; written back in the source's own geometry type.
    for (const rings of coordinates) {
      for (const r of rings) {
        const first = r[0];
        const last = r[r.length - 1];
        if (r.length < MIN_RING_POSITIONS || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
          fail(source, label, `a ring has ${r.length} positions or is not closed`, PROVINCES_FIX);
        }
        checkPositions(r, source, label, PROVINCES_FIX);
      }
    }
    if (foldForSearch(name) === HOME_PROVINCE) return;
    const geometry =
      parsed.data.geometry.type === 'Polygon' ? { type: 'Polygon' as const, coordinates: coordinates[0] ?? [] } : { type: 'MultiPolygon' as const, coordinates };
    out.push({ type: 'Feature', properties: { kind: 'province', name: name.normalize('NFC') }, geometry });
  });
  if (out.length === 0) {
    throw new PipelineError({
      code: 'GEOJSON_FEATURE',
      message: `${source.name} has no province besides Vĩnh Phúc.`,
      file,
      fix: PROVINCES_RESTORE,
    });
  }
  return out;
}

const NATURAL_EARTH_RESTORE = 'Restore the file from ../shared/data/sources/context (see its README for the Natural Earth origin and sha256).';
const NATURAL_EARTH_FIX =
  'Each feature needs kind "river" (name, LineString or MultiLineString) or kind "place" (name, whole-number scalerank, Point); restore it from the Natural Earth files named in the README.';

/** Rivers and towns with their Vietnamese names; towns ranked by Natural Earth's scalerank. */
export function parseNaturalEarth(text: string, file: string): ContextFeature[] {
  const source = { file, name: path.basename(file) };
  return features(text, source, NATURAL_EARTH_RESTORE).map((raw, i): ContextFeature => {
    const where = `feature #${i + 1}`;
    const kind = (raw as { properties?: { kind?: unknown } } | null)?.properties?.kind;
    if (kind !== 'river' && kind !== 'place') fail(source, where, `has kind ${JSON.stringify(kind)}, expected "river" or "place"`, NATURAL_EARTH_FIX);
    // The kind sits in the properties, where zod cannot discriminate: each kind is parsed on its own.
    if (kind === 'place') {
      const parsed = placeFeature.safeParse(raw);
      if (!parsed.success) fail(source, where, `is invalid (${describeIssue(parsed.error)})`, NATURAL_EARTH_FIX);
      const { name: sourceName, scalerank } = parsed.data.properties;
      const coordinates = lonLat(parsed.data.geometry.coordinates);
      checkPositions([coordinates], source, `${where} (place "${sourceName}")`, NATURAL_EARTH_FIX);
      const name = TOWN_NAMES_VI[sourceName] ?? sourceName.normalize('NFC');
      return { type: 'Feature', properties: { kind: 'town', name, rank: scalerank }, geometry: { type: 'Point', coordinates } };
    }
    const parsed = riverFeature.safeParse(raw);
    if (!parsed.success) fail(source, where, `is invalid (${describeIssue(parsed.error)})`, NATURAL_EARTH_FIX);
    const feature = parsed.data;
    const label = `${where} (river "${feature.properties.name}")`;
    const name = RIVER_NAMES_VI[feature.properties.name];
    if (!name) {
      fail(source, label, 'has no Vietnamese name', `Add "${feature.properties.name}" to RIVER_NAMES_VI in data/pipeline/sources/context.ts with the river's Vietnamese name.`);
    }
    const lines = (feature.geometry.type === 'LineString' ? [feature.geometry.coordinates] : feature.geometry.coordinates).map((line) => line.map(lonLat));
    for (const line of lines) {
      if (line.length < MIN_LINE_POSITIONS) fail(source, label, `a line has ${line.length} position(s)`, NATURAL_EARTH_FIX);
      checkPositions(line, source, label, NATURAL_EARTH_FIX);
    }
    const geometry =
      feature.geometry.type === 'LineString' ? { type: 'LineString' as const, coordinates: lines[0] ?? [] } : { type: 'MultiLineString' as const, coordinates: lines };
    return { type: 'Feature', properties: { kind: 'river', name }, geometry };
  });
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(feature)'}: ${issue.message}` : 'unknown problem';
}

/** Reads both context files from the sources folder: provinces first, then rivers and towns. */
export function loadContext(): ContextFeature[] {
  const dir = sourcesDir();
  const provincesFile = path.join(dir, SOURCE_FILES.contextProvinces);
  const naturalEarthFile = path.join(dir, SOURCE_FILES.contextNaturalEarth);
  return [
    ...parseContextProvinces(decodeUtf8(readInput(provincesFile), provincesFile), provincesFile),
    ...parseNaturalEarth(decodeUtf8(readInput(naturalEarthFile), naturalEarthFile), naturalEarthFile),
  ];
}
