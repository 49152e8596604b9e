/**
 * The static map as a list of things to draw (a scene), built from plain data: the region around
 * the province, the data layers in the colours of style/layerColors, the boundaries, the names
 * (placed without overlaps), a scale bar and a north arrow. Drawn as SVG for print (vector, crisp
 * on paper, in the page from the start so any print — also a headless one — has it) and onto a
 * canvas for the PNG export at twice the screen's resolution.
 */
import type { Position } from 'geojson';
import type { BasemapContextResponse, ContextFeature, UnitFeature, UnitGeometry } from '#contract/api';
import { contextLabels } from '../map/contextLabels';
import type { Bbox } from '../map/camera';
import { labelPoint, type LonLat } from '../map/labelPoints';
import type { UnitLayers } from '../state/useAtlasData';
import { BASEMAP_COLORS as COLORS } from '../style/basemap';
import { cssColor, type Rgb } from '../style/palettes';
import { placeLabels, type LabelCandidate, type SceneText } from './labels';
import { fitProjection, type PageSize, type Projection } from './projection';

export interface ScenePath {
  d: string;
  fill?: string;
  /** Diagonal hatching over the fill (values hidden for privacy). */
  hatch?: boolean;
  stroke?: string;
  width?: number;
  dash?: number[];
  opacity?: number;
}

export interface SceneCircle {
  x: number;
  y: number;
  r: number;
  fill: string;
  stroke?: string;
  width?: number;
}

export interface Scene {
  width: number;
  height: number;
  background: string;
  paths: ScenePath[];
  circles: SceneCircle[];
  texts: SceneText[];
}

/** A unit's fill: its colour, faded when it lies outside the district filter, hatched when hidden. */
export interface UnitFill {
  color: Rgb;
  opacity: number;
  hatch?: boolean;
}

export interface StaticMapInput {
  size: PageSize;
  /** What must be in view: the province or the filtered district. */
  area: Bbox;
  units: UnitLayers;
  context: BasemapContextResponse | null;
  /** Fills per unit code, at the level of `fillLevel`, bottom layer first. */
  fills: { level: 'commune' | 'district'; colors: ReadonlyMap<string, UnitFill> }[];
  /** Outlines per commune code (hot spots over a choropleth). */
  outlines: ReadonlyMap<string, Rgb>;
  /** Hexagon cells: boundary in lon/lat and colour. */
  cells: { boundary: LonLat[]; color: Rgb; opacity: number }[];
  points: { at: LonLat; color: Rgb }[];
  marks: { code: string; label: string; groups: number }[];
  selectedCode: string | null;
  labels: boolean;
  words: { north: string };
}

/** Page units per point of a printed page: the scene is laid out in CSS pixels (96 per inch). */
const MARGIN = 14;
/** Points closer than this (page units) to the last kept one are dropped: invisible, and they bloat the file. */
const SIMPLIFY = 0.4;
const HALO = 'rgba(255, 255, 255, 0.92)';
const NEIGHBOUR_HALO = 'rgba(231, 229, 222, 0.92)';

function ringPath(ring: readonly Position[], projection: Projection): string {
  let d = '';
  let last: [number, number] | null = null;
  ring.forEach((position, i) => {
    const [x, y] = projection.project([position[0] as number, position[1] as number]);
    const isLast = i === ring.length - 1;
    if (last && !isLast && Math.hypot(x - last[0], y - last[1]) < SIMPLIFY) return;
    d += `${last ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    last = [x, y];
  });
  return `${d}Z`;
}

function polygonsOf(geometry: UnitGeometry | ContextFeature['geometry']): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function areaPath(geometry: UnitGeometry | ContextFeature['geometry'], projection: Projection): string {
  return polygonsOf(geometry)
    .flatMap((polygon) => polygon.map((ring) => ringPath(ring, projection)))
    .join('');
}

function linePath(lines: Position[][], projection: Projection): string {
  return lines
    .map((line) =>
      line
        .map((p, i) => {
          const [x, y] = projection.project([p[0] as number, p[1] as number]);
          return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
        })
        .join(''),
    )
    .join('');
}

function contextScene(context: BasemapContextResponse, area: Bbox, projection: Projection, paths: ScenePath[], circles: SceneCircle[]): LabelCandidate[] {
  for (const f of context.features) {
    if (f.properties.kind === 'province') {
      paths.push({ d: areaPath(f.geometry, projection), fill: COLORS.neighbourLand, stroke: COLORS.neighbourLine, width: 0.8, dash: [4, 2] });
    }
  }
  for (const f of context.features) {
    if (f.properties.kind !== 'river') continue;
    const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [];
    paths.push({ d: linePath(lines, projection), stroke: COLORS.river, width: 1.6 });
  }
  const candidates: LabelCandidate[] = [];
  for (const label of contextLabels(context, area).features) {
    const [x, y] = projection.project(label.geometry.coordinates as LonLat);
    if (label.properties.kind === 'province') {
      candidates.push({ x, y, text: label.properties.name.toUpperCase(), size: 9, weight: 600, color: COLORS.neighbourLabel, halo: NEIGHBOUR_HALO, priority: 1, letterSpacing: 1 });
    } else {
      circles.push({ x, y, r: 2.2, fill: COLORS.town, stroke: '#ffffff', width: 0.8 });
      const dx = label.properties.anchor === 'left' ? 5 : label.properties.anchor === 'right' ? -5 : 0;
      const dy = label.properties.anchor === 'top' ? 10 : label.properties.anchor === 'bottom' ? -6 : 3;
      const anchor = label.properties.anchor === 'left' ? 'start' : label.properties.anchor === 'right' ? 'end' : 'middle';
      candidates.push({ x: x + dx, y: y + dy, text: label.properties.name, size: 8, weight: 400, color: COLORS.townLabel, halo: NEIGHBOUR_HALO, priority: 2 + label.properties.rank / 100, anchor });
    }
  }
  return candidates;
}

const fillPath = (d: string, fill: UnitFill): ScenePath => ({ d, fill: cssColor(fill.color), opacity: fill.opacity, ...(fill.hatch ? { hatch: true } : {}) });

/** A round length for the scale bar: 1, 2 or 5 × 10ⁿ metres, no longer than `max`. */
export function roundLength(max: number): number {
  const power = 10 ** Math.floor(Math.log10(max));
  return [5, 2, 1].map((m) => m * power).find((length) => length <= max) ?? power;
}

function scaleBarAndNorth(input: StaticMapInput, projection: Projection, paths: ScenePath[], texts: SceneText[]): void {
  const { width, height } = input.size;
  const metres = roundLength(projection.metresPerUnit * 100);
  const length = metres / projection.metresPerUnit;
  const x1 = width - MARGIN;
  const x0 = x1 - length;
  const y = height - MARGIN;
  paths.push({ d: `M${x0.toFixed(1)} ${(y - 4).toFixed(1)}L${x0.toFixed(1)} ${y}L${x1.toFixed(1)} ${y}L${x1.toFixed(1)} ${(y - 4).toFixed(1)}`, stroke: COLORS.provinceLine, width: 1.2 });
  texts.push({ x: (x0 + x1) / 2, y: y - 6, text: metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, size: 8, weight: 400, color: COLORS.provinceLine, halo: HALO, anchor: 'middle' });
  const ax = x1 - 8;
  const ay = y - 46;
  paths.push({ d: `M${ax} ${ay}L${ax + 6} ${ay + 18}L${ax} ${ay + 14}L${ax - 6} ${ay + 18}Z`, fill: COLORS.provinceLine });
  texts.push({ x: ax, y: ay - 3, text: input.words.north, size: 10, weight: 700, color: COLORS.provinceLine, halo: HALO, anchor: 'middle' });
}

export function buildScene(input: StaticMapInput): Scene {
  const projection = fitProjection(input.area, input.size, MARGIN);
  const paths: ScenePath[] = [];
  const circles: SceneCircle[] = [];
  const texts: SceneText[] = [];
  const province = input.units.province.features[0];
  const candidates: LabelCandidate[] = input.context ? contextScene(input.context, input.area, projection, paths, circles) : [];

  const communePaths = new Map(input.units.communes.features.map((f) => [f.properties.code, areaPath(f.geometry, projection)]));
  const districtPaths = new Map(input.units.districts.features.map((f) => [f.properties.code, areaPath(f.geometry, projection)]));
  if (province) paths.push({ d: areaPath(province.geometry, projection), fill: COLORS.land });
  for (const layer of input.fills) {
    const source = layer.level === 'commune' ? communePaths : districtPaths;
    for (const [code, fill] of layer.colors) {
      const d = source.get(code);
      if (d) paths.push(fillPath(d, fill));
    }
  }
  for (const cell of input.cells) {
    paths.push({ d: ringPath([...cell.boundary, cell.boundary[0]!], projection), fill: cssColor(cell.color), opacity: cell.opacity });
  }
  for (const d of communePaths.values()) paths.push({ d, stroke: COLORS.communeLine, width: 0.4 });
  for (const [code, color] of input.outlines) {
    const d = communePaths.get(code);
    if (d) paths.push({ d, stroke: cssColor(color), width: 2 });
  }
  for (const d of districtPaths.values()) paths.push({ d, stroke: COLORS.districtLine, width: 0.9 });
  if (province) paths.push({ d: areaPath(province.geometry, projection), stroke: COLORS.provinceLine, width: 1.6 });
  const selected = input.selectedCode ? communePaths.get(input.selectedCode) : undefined;
  if (selected) {
    paths.push({ d: selected, stroke: '#ffffff', width: 4 });
    paths.push({ d: selected, stroke: COLORS.provinceLine, width: 2 });
  }

  for (const point of input.points) {
    const [x, y] = projection.project(point.at);
    circles.push({ x, y, r: 2.2, fill: cssColor(point.color), stroke: '#ffffff', width: 0.5 });
  }

  const communesByCode = new Map<string, UnitFeature>(input.units.communes.features.map((f) => [f.properties.code, f]));
  const anchor = (code: string) => {
    const feature = communesByCode.get(code);
    return feature ? projection.project(labelPoint(feature.geometry)) : null;
  };
  for (const mark of input.marks) {
    const at = anchor(mark.code);
    if (!at) continue;
    // Disc area grows with the groups, as on screen (1 group → radius 6, 100 → 16).
    const r = Math.min(16, 6 + (10 * (Math.sqrt(mark.groups) - 1)) / 9);
    circles.push({ x: at[0], y: at[1], r, fill: '#1f4e8c', stroke: '#ffffff', width: 1 });
    texts.push({ x: at[0], y: at[1] + 3, text: mark.label, size: 8, weight: 700, color: '#ffffff', anchor: 'middle' });
  }

  if (input.labels) {
    if (input.selectedCode) {
      const at = anchor(input.selectedCode);
      const name = communesByCode.get(input.selectedCode)?.properties.name;
      if (at && name) candidates.push({ x: at[0], y: at[1] + 3, text: name, size: 9, weight: 700, color: COLORS.communeLabel, halo: '#ffffff', priority: -1 });
    }
    for (const f of input.units.districts.features) {
      const [x, y] = projection.project(labelPoint(f.geometry));
      candidates.push({ x, y, text: f.properties.name.toUpperCase(), size: 9, weight: 600, color: COLORS.districtLabel, halo: HALO, priority: 0, letterSpacing: 0.8 });
    }
    for (const f of input.units.communes.features) {
      if (f.properties.code === input.selectedCode) continue;
      const [x, y] = projection.project(labelPoint(f.geometry));
      // Most populous first, as on screen.
      candidates.push({ x, y: y + 2, text: f.properties.name, size: 6.5, weight: 400, color: COLORS.communeLabel, halo: HALO, priority: 10 - f.properties.population / 1e6 });
    }
  }
  const reserved = texts.map((t) => ({ x: t.x - 12, y: t.y - t.size, width: 24, height: t.size + 2 }));
  texts.push(...placeLabels(candidates, input.size, reserved));
  scaleBarAndNorth(input, projection, paths, texts);
  return { width: input.size.width, height: input.size.height, background: COLORS.outside, paths, circles, texts };
}
