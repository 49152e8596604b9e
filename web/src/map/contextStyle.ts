/**
 * The region around the province in the offline basemap: neighbouring provinces as a muted land
 * with their borders and names, the Red and Black rivers as blue lines named along their course,
 * towns as small dots with names (dot and name one symbol: where the name finds no room, the dot
 * goes too). Every layer sits under the province's own land, so the communes and the choropleth
 * cover whatever of the (simplified, generalised) context reaches into the province. Styles are
 * data: sources, layers and the one image they name.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { BasemapContextResponse } from '#contract/api';
import { BASEMAP_COLORS as COLORS } from '../style/basemap';
import { rgbOfHex } from '../style/palettes';
import type { ContextLabelProperties, TextAnchor } from './contextLabels';
import { LABEL_FONT } from './fontFaces';

export const CONTEXT_SOURCE = 'context';
export const CONTEXT_LABEL_SOURCE = 'context-labels';

export interface BasemapContext {
  features: BasemapContextResponse;
  labels: FeatureCollection<Point, ContextLabelProperties>;
}

const kind = (k: ContextLabelProperties['kind'] | 'river') => ['==', ['get', 'kind'], k] as ['==', ['get', string], string];

/** Towns ranked up to this (Natural Earth scalerank) get the larger dot and name: Hà Nội. */
const CAPITAL_MAX_RANK = 3;
const capital = ['<=', ['get', 'rank'], CAPITAL_MAX_RANK] as ['<=', ['get', string], number];

export const TOWN_DOT_IMAGE_ID = 'town-dot';
/** The dot of a capital in CSS pixels: a dark disc in a white ring; other towns get TOWN_DOT_SCALE of it. */
const TOWN_DOT = { radius: 4.5, ring: 1.2, pixelRatio: 2 } as const;
const TOWN_DOT_SCALE = 0.67;

/** The town dot as an image for `icon-image` (no sprite server): RGBA, antialiased at its edges. */
export function townDotImage(): { width: number; height: number; data: Uint8Array } {
  const { radius, ring, pixelRatio } = TOWN_DOT;
  const size = Math.ceil(2 * (radius + ring) * pixelRatio) + 2;
  const centre = size / 2;
  const [r, g, b] = rgbOfHex(COLORS.town);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x + 0.5 - centre, y + 0.5 - centre) / pixelRatio;
      // Coverage of the disc and of the ring around it, with a one-pixel soft edge.
      const disc = Math.min(1, Math.max(0, (radius - distance) * pixelRatio + 0.5));
      const outline = Math.min(1, Math.max(0, (radius + ring - distance) * pixelRatio + 0.5));
      data.set([255 + (r - 255) * disc, 255 + (g - 255) * disc, 255 + (b - 255) * disc, 255 * outline].map(Math.round), (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** Draws an image the context layers name when MapLibre asks for it: there is no sprite to fetch it from. */
export function provideContextImage(map: MapLibreMap, id: string): void {
  if (id === TOWN_DOT_IMAGE_ID) map.addImage(id, townDotImage(), { pixelRatio: TOWN_DOT.pixelRatio });
}
/** Gap between a town's dot and its name, in ems, on the side its anchor names. */
const TOWN_LABEL_GAP_EMS = 0.75;

/** The text offset of each anchor: the name stands TOWN_LABEL_GAP_EMS clear of the dot. */
const ANCHOR_OFFSET: Record<TextAnchor, [number, number]> = {
  right: [-TOWN_LABEL_GAP_EMS, 0],
  left: [TOWN_LABEL_GAP_EMS, 0],
  bottom: [0, -TOWN_LABEL_GAP_EMS],
  top: [0, TOWN_LABEL_GAP_EMS],
};

/** A `text-variable-anchor-offset` list: the anchors in the order MapLibre should try them. */
function anchorOffsets(order: TextAnchor[]): (TextAnchor | [number, number])[] {
  return order.flatMap((anchor) => [anchor, ANCHOR_OFFSET[anchor]]);
}

export function contextSources(context: BasemapContext): Record<string, SourceSpecification> {
  return {
    [CONTEXT_SOURCE]: { type: 'geojson', data: context.features as unknown as FeatureCollection },
    [CONTEXT_LABEL_SOURCE]: { type: 'geojson', data: context.labels },
  };
}

/** Bottom to top; the caller puts them between the background and the province's land. */
export function contextLayers(): LayerSpecification[] {
  return [
    { id: 'context-province-fill', type: 'fill', source: CONTEXT_SOURCE, filter: kind('province'), paint: { 'fill-color': COLORS.neighbourLand } },
    {
      id: 'context-province-line',
      type: 'line',
      source: CONTEXT_SOURCE,
      filter: kind('province'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.neighbourLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.6, 12, 1.6], 'line-dasharray': [4, 2] },
    },
    {
      id: 'context-rivers',
      type: 'line',
      source: CONTEXT_SOURCE,
      filter: kind('river'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': COLORS.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 10, 2.4, 13, 4] },
    },
    {
      id: 'context-river-labels',
      type: 'symbol',
      source: CONTEXT_SOURCE,
      filter: kind('river'),
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 320,
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 12, 14],
        'text-letter-spacing': 0.06,
        'text-max-angle': 30,
      },
      paint: { 'text-color': COLORS.riverLabel, 'text-halo-color': COLORS.neighbourHalo, 'text-halo-width': 1.4 },
    },
    {
      id: 'context-province-labels',
      type: 'symbol',
      source: CONTEXT_LABEL_SOURCE,
      filter: kind('province'),
      layout: {
        'text-field': ['upcase', ['get', 'name']],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 11, 14],
        'text-letter-spacing': 0.12,
        // Wide enough for "TUYÊN QUANG" on one line.
        'text-max-width': 14,
        'text-padding': 6,
      },
      paint: { 'text-color': COLORS.neighbourLabel, 'text-halo-color': COLORS.neighbourHalo, 'text-halo-width': 1.4 },
    },
    {
      id: 'context-towns',
      type: 'symbol',
      source: CONTEXT_LABEL_SOURCE,
      filter: kind('town'),
      layout: {
        'icon-image': TOWN_DOT_IMAGE_ID,
        'icon-size': ['case', capital, 1, TOWN_DOT_SCALE],
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['case', capital, 14, 12],
        // The side facing away from the province first; the others if a commune name is in the way.
        'text-variable-anchor-offset': [
          'match',
          ['get', 'anchor'],
          'right',
          ['literal', anchorOffsets(['right', 'top', 'bottom', 'left'])],
          'left',
          ['literal', anchorOffsets(['left', 'top', 'bottom', 'right'])],
          'bottom',
          ['literal', anchorOffsets(['bottom', 'right', 'left', 'top'])],
          ['literal', anchorOffsets(['top', 'right', 'left', 'bottom'])],
        ],
        // Lower keys are placed first: Hà Nội wins a collision with a provincial town.
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': COLORS.townLabel, 'text-halo-color': COLORS.neighbourHalo, 'text-halo-width': 1.6 },
    },
  ];
}
