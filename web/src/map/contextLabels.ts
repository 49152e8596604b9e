/**
 * Where the map writes the names of the region around the province. A neighbouring province is
 * named inside its part near the province, since the centre of its whole area can lie outside
 * any view of the atlas (Sơn La's is 200 km away). A town's name sits on the side of its dot
 * that faces away from the province, onto the neighbours' land rather than under the communes.
 */
import type { FeatureCollection, Point, Position } from 'geojson';
import type { BasemapContextResponse, ContextFeature, ContextProvinceFeature, ContextTownFeature } from '#contract/api';
import type { Bbox } from './camera';
import { labelPoint, type LonLat } from './labelPoints';

/**
 * How far beyond the province's bounding box a neighbour's name may sit: about a seventh of the
 * province's extent, a strip that every framing of the whole province shows.
 */
export const FOCUS_MARGIN_DEGREES = 0.07;

/** MapLibre text anchors: the side of the text that touches its point. */
export type TextAnchor = 'left' | 'right' | 'top' | 'bottom';

export type ContextLabelProperties = { kind: 'province'; name: string } | { kind: 'town'; name: string; rank: number; anchor: TextAnchor };

type Ring = Position[];

/** One pass of Sutherland–Hodgman: the part of a ring on one side of a vertical or horizontal line. */
function clipToSide(ring: Ring, axis: 0 | 1, value: number, keepGreater: boolean): Ring {
  const inside = (p: Position) => (keepGreater ? (p[axis] as number) >= value : (p[axis] as number) <= value);
  const out: Ring = [];
  ring.forEach((current, i) => {
    const previous = ring[(i + ring.length - 1) % ring.length] as Position;
    if (inside(current) !== inside(previous)) {
      const t = (value - (previous[axis] as number)) / ((current[axis] as number) - (previous[axis] as number));
      const other = axis === 0 ? 1 : 0;
      const crossing: Position = [0, 0];
      crossing[axis] = value;
      crossing[other] = (previous[other] as number) + t * ((current[other] as number) - (previous[other] as number));
      out.push(crossing);
    }
    if (inside(current)) out.push(current);
  });
  return out;
}

/** The part of a closed ring inside a box, closed again; empty when they do not meet. */
export function clipRing(ring: Ring, [minX, minY, maxX, maxY]: Bbox): Ring {
  let open = ring.slice(0, -1);
  open = clipToSide(open, 0, minX, true);
  open = clipToSide(open, 0, maxX, false);
  open = clipToSide(open, 1, minY, true);
  open = clipToSide(open, 1, maxY, false);
  return open.length < 3 ? [] : [...open, open[0] as Position];
}

function shoelaceArea(ring: Ring): number {
  let twice = 0;
  ring.forEach((p, i) => {
    const next = ring[(i + 1) % ring.length] as Position;
    twice += (p[0] as number) * (next[1] as number) - (next[0] as number) * (p[1] as number);
  });
  return Math.abs(twice) / 2;
}

/** The label point of the largest piece of a province inside the focus box, or null if it stays outside. */
function provinceLabelPoint(feature: ContextProvinceFeature, focus: Bbox): LonLat | null {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  let best: Ring = [];
  for (const polygon of polygons) {
    const piece = clipRing(polygon[0] ?? [], focus);
    if (shoelaceArea(piece) > shoelaceArea(best)) best = piece;
  }
  return best.length === 0 ? null : labelPoint({ type: 'Polygon', coordinates: [best] });
}

/** Which side of the dot the name goes: the one facing away from the province's centre. */
function anchorAwayFrom(centre: LonLat, [lon, lat]: LonLat): TextAnchor {
  // East–west degrees shrink with the cosine of the latitude.
  const dx = (lon - centre[0]) * Math.cos((centre[1] * Math.PI) / 180);
  const dy = lat - centre[1];
  if (Math.abs(dx) >= Math.abs(dy)) return dx < 0 ? 'right' : 'left';
  return dy < 0 ? 'top' : 'bottom';
}

// The kind sits in the properties, which TypeScript does not narrow the feature by.
const isProvince = (f: ContextFeature): f is ContextProvinceFeature => f.properties.kind === 'province';
const isTown = (f: ContextFeature): f is ContextTownFeature => f.properties.kind === 'town';

export function contextLabels(context: BasemapContextResponse, province: Bbox): FeatureCollection<Point, ContextLabelProperties> {
  const m = FOCUS_MARGIN_DEGREES;
  const focus: Bbox = [province[0] - m, province[1] - m, province[2] + m, province[3] + m];
  const centre: LonLat = [(province[0] + province[2]) / 2, (province[1] + province[3]) / 2];
  const features: FeatureCollection<Point, ContextLabelProperties>['features'] = [];
  for (const feature of context.features) {
    if (isProvince(feature)) {
      const at = provinceLabelPoint(feature, focus);
      if (at) features.push({ type: 'Feature', properties: { kind: 'province', name: feature.properties.name }, geometry: { type: 'Point', coordinates: at } });
    } else if (isTown(feature)) {
      const [lon, lat] = feature.geometry.coordinates;
      const at: LonLat = [lon!, lat!];
      features.push({
        type: 'Feature',
        properties: { kind: 'town', name: feature.properties.name, rank: feature.properties.rank, anchor: anchorAwayFrom(centre, at) },
        geometry: { type: 'Point', coordinates: at },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
