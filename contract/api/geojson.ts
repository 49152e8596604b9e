/** GeoJSON geometry schemas (RFC 7946) for the unit boundaries. */
import { z } from 'zod';

/** [lon, lat] in WGS84 degrees (RFC 7946 allows an altitude third). */
const position = z.array(z.number()).min(2).max(3);
const ring = z.array(position).min(4);

export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) });
export const multiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) });
export const areaGeometrySchema = z.union([polygonSchema, multiPolygonSchema]).meta({ id: 'AreaGeometry' });

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: position });
export const lineStringSchema = z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) });
export const multiLineStringSchema = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)) });
