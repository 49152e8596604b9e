/**
 * Today's communes and wards (from 1 July 2025) over the map, for orientation: their boundaries
 * as a dashed black line on a white casing, their names, and the old communes whose receiving
 * unit is not documented, hatched so the choropleth below still shows. Data stay keyed by the
 * 2019 communes; this overlay only helps a reader find today's names. Styles are data: MapLibre
 * sources and layers, plus the hatch image they name.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { UnitCollection } from '#contract/api';
import type { Units2025Response } from '#contract/api';
import { cssColor, UNITS_2025_LINE_COLOR, UNMAPPED_HATCH_COLOR } from '../style/palettes';
import { LABEL_FONT } from './fontFaces';
import { labelPoint } from './labelPoints';

export const UNITS_2025_SOURCE = 'units-2025';
export const UNITS_2025_LABEL_SOURCE = 'units-2025-labels';
export const UNMAPPED_SOURCE = 'unmapped-2019';
export const HATCH_IMAGE_ID = 'unmapped-hatch';

/** Layers shown while the 2025 boundaries are on (names follow the labels switch as well). */
export const UNITS_2025_AREA_LAYER_IDS = ['unmapped-2019-hatch', 'unmapped-2019-outline', 'units-2025-casing', 'units-2025-lines'] as const;
export const UNITS_2025_LABEL_LAYER_ID = 'units-2025-labels';


/** The hatch tile: 16 px square, a 2-px diagonal line every 8 px (the tile repeats seamlessly). */
const HATCH_TILE_PIXELS = 16;
const HATCH_PERIOD_PIXELS = 8;
const HATCH_LINE_PIXELS = 2;
/** Opaque enough to read as "not mapped", open enough to let the class colour through. */
const HATCH_ALPHA = 200;

export interface HatchImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function hatchImage(): HatchImage {
  const size = HATCH_TILE_PIXELS;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if ((x + y) % HATCH_PERIOD_PIXELS >= HATCH_LINE_PIXELS) continue;
      const i = (y * size + x) * 4;
      data.set([...UNMAPPED_HATCH_COLOR, HATCH_ALPHA], i);
    }
  }
  return { width: size, height: size, data };
}

export interface Units2025LabelProperties {
  code: string;
  label: string;
  population: number;
}

function labelsOf(units: Units2025Response): FeatureCollection<Point, Units2025LabelProperties> {
  return {
    type: 'FeatureCollection',
    features: units.features.map((f) => ({
      type: 'Feature',
      properties: { code: f.properties.code, label: `${f.properties.type} ${f.properties.name}`, population: f.properties.population },
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
    })),
  };
}

/** The 2019 communes the 2025 list leaves unmapped, with their own boundaries. */
export function unmappedCommunes(units: Units2025Response, communes2019: UnitCollection): UnitCollection {
  const codes = new Set(units.unmapped.map((u) => u.code));
  return { type: 'FeatureCollection', features: communes2019.features.filter((f) => codes.has(f.properties.code)) };
}

export function units2025Sources(units: Units2025Response, communes2019: UnitCollection): Record<string, SourceSpecification> {
  return {
    [UNITS_2025_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: units.features } as FeatureCollection },
    [UNITS_2025_LABEL_SOURCE]: { type: 'geojson', data: labelsOf(units) },
    [UNMAPPED_SOURCE]: { type: 'geojson', data: unmappedCommunes(units, communes2019) as unknown as FeatureCollection },
  };
}

/** Area layers (under the 2019 names) and the label layer (on top), all hidden until switched on. */
export function units2025Layers(): { areas: LayerSpecification[]; labels: LayerSpecification } {
  const hidden = { visibility: 'none' as const };
  return {
    areas: [
      { id: 'unmapped-2019-hatch', type: 'fill', source: UNMAPPED_SOURCE, layout: hidden, paint: { 'fill-pattern': HATCH_IMAGE_ID } },
      {
        id: 'unmapped-2019-outline',
        type: 'line',
        source: UNMAPPED_SOURCE,
        layout: hidden,
        paint: { 'line-color': cssColor(UNMAPPED_HATCH_COLOR), 'line-width': 1.2, 'line-dasharray': [1, 1.5] },
      },
      {
        id: 'units-2025-casing',
        type: 'line',
        source: UNITS_2025_SOURCE,
        layout: { ...hidden, 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-opacity': 0.9, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 3, 12, 6] },
      },
      {
        id: 'units-2025-lines',
        type: 'line',
        source: UNITS_2025_SOURCE,
        layout: { ...hidden, 'line-join': 'round' },
        paint: {
          'line-color': cssColor(UNITS_2025_LINE_COLOR),
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.4, 12, 3],
          'line-dasharray': [3, 2],
        },
      },
    ],
    labels: {
      id: UNITS_2025_LABEL_LAYER_ID,
      type: 'symbol',
      source: UNITS_2025_LABEL_SOURCE,
      layout: {
        ...hidden,
        'text-field': ['get', 'label'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 12, 16],
        'symbol-sort-key': ['-', 0, ['get', 'population']],
        'text-padding': 4,
        'text-max-width': 8,
      },
      paint: { 'text-color': '#12355b', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  };
}
