/**
 * The GADM 4.1 level-3 commune boundaries of Vĩnh Phúc. Validated feature by feature so a
 * broken file is reported with the feature at fault; geometry is kept exactly as published
 * (vertex for vertex).
 */
import path from 'node:path';
import { z } from 'zod';
import { PipelineError } from '../errors';
import { parseJsonSource } from './files';

/** Plausible extent of Vĩnh Phúc with a margin; a coordinate outside it is corrupt or swapped. */
const LON_RANGE = [105.0, 106.1] as const;
const LAT_RANGE = [20.9, 21.8] as const;
/** A closed linear ring has at least 4 positions (first = last). */
const MIN_RING_POSITIONS = 4;

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const properties = z.object({
  GID_3: z.string().min(1),
  NAME_2: z.string().min(1),
  NAME_3: z.string().min(1),
  TYPE_3: z.string().min(1),
});
const feature = z.object({ type: z.literal('Feature'), properties, geometry });

export type Position = [number, number];
export type Ring = Position[];

export interface GadmCommune {
  /** 1-based position in the file, for error messages. */
  index: number;
  gid: string;
  districtName: string;
  name: string;
  gadmType: string;
  /** Polygons → rings → positions, exactly as in the source (GeoJSON MultiPolygon layout). */
  polygons: Ring[][];
}

export function parseGadm(text: string, file: string): GadmCommune[] {
  const name = path.basename(file);
  const document = parseJsonSource(text, file, 'GEOJSON_MALFORMED', 'Restore the file from ../shared/data/sources (see its README for the GADM 4.1 origin and sha256).');
  const collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).safeParse(document);
  if (!collection.success) {
    throw new PipelineError({
      code: 'GEOJSON_MALFORMED',
      message: `${name} is not a GeoJSON FeatureCollection with a "features" array.`,
      file,
      where: 'top level',
      fix: 'Restore the file from ../shared/data/sources (GADM 4.1 level 3, Vĩnh Phúc block).',
    });
  }
  return collection.data.features.map((raw, i) => {
    const index = i + 1;
    const label = describeFeature(raw, index);
    const parsed = feature.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PipelineError({
        code: 'GEOJSON_FEATURE',
        message: `${name} ${label} is invalid: ${issue ? `${issue.path.join('.') || '(feature)'}: ${issue.message}` : 'unknown problem'}.`,
        file,
        where: label,
        fix: 'Each feature needs properties GID_3, NAME_2, NAME_3, TYPE_3 and a Polygon or MultiPolygon geometry; restore the feature from GADM 4.1.',
      });
    }
    const polygons: Ring[][] = (
      parsed.data.geometry.type === 'Polygon' ? [parsed.data.geometry.coordinates] : parsed.data.geometry.coordinates
    ).map((rings) => rings.map((r) => r.map((p) => [p[0], p[1]] as Position)));
    checkRings(polygons, name, file, label);
    return {
      index,
      gid: parsed.data.properties.GID_3,
      districtName: parsed.data.properties.NAME_2,
      name: parsed.data.properties.NAME_3,
      gadmType: parsed.data.properties.TYPE_3,
      polygons,
    };
  });
}

function describeFeature(raw: unknown, index: number): string {
  const props = (raw as { properties?: Record<string, unknown> } | null)?.properties;
  const gid = typeof props?.GID_3 === 'string' ? props.GID_3 : undefined;
  const commune = typeof props?.NAME_3 === 'string' ? props.NAME_3 : undefined;
  return `feature #${index}${gid ? ` (GID_3 ${gid}${commune ? `, NAME_3 "${commune}"` : ''})` : ''}`;
}

function checkRings(polygons: Ring[][], name: string, file: string, label: string): void {
  const fail = (problem: string): never => {
    throw new PipelineError({
      code: 'GEOJSON_FEATURE',
      message: `${name} ${label}: ${problem}.`,
      file,
      where: label,
      fix: 'Restore the feature geometry from GADM 4.1 (lon/lat WGS 84, closed rings).',
    });
  };
  polygons.forEach((rings, p) =>
    rings.forEach((r, k) => {
      if (r.length < MIN_RING_POSITIONS) fail(`ring ${k + 1} of polygon ${p + 1} has ${r.length} positions (at least ${MIN_RING_POSITIONS} needed)`);
      const first = r[0]!;
      const last = r[r.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) fail(`ring ${k + 1} of polygon ${p + 1} is not closed`);
      for (const [lon, lat] of r) {
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < LON_RANGE[0] || lon > LON_RANGE[1] || lat < LAT_RANGE[0] || lat > LAT_RANGE[1]) {
          fail(`position [${lon}, ${lat}] is outside Vĩnh Phúc (lon ${LON_RANGE.join('–')}, lat ${LAT_RANGE.join('–')}); swapped or corrupt coordinates`);
        }
      }
    }),
  );
}
