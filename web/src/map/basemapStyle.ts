/**
 * The offline basemap: a MapLibre style built only from our own boundaries (province, district,
 * commune from /api/units), the region around them (/api/basemap/context) and a self-hosted
 * font. No tile, glyph or sprite URL, so nothing leaves the machine. Styles are data: this
 * module only assembles the style object.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { FontFacesSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { UnitsResponse } from '#contract/api';
import { BASEMAP_COLORS as COLORS } from '../style/basemap';
import { contextLayers, contextSources, type BasemapContext } from './contextStyle';
import { LABEL_FONT } from './fontFaces';
import { codeFilter, highlightLineLayers, NO_CODE, scenarioCircleLayer, scenarioLabelLayer, scenarioSource } from './highlightStyle';

/** Layer ids deck.gl layers are inserted before (area fills go under the boundary lines). */
export const BOUNDARY_LAYER_ID = 'commune-lines';
/** Commune names: MapLibre places them with collision detection, most populous first. */
export const COMMUNE_LABEL_LAYER_ID = 'commune-labels';
/**
 * The selected commune's name: last in the style, so MapLibre places it first and the other names
 * make way for it (the commune names layer leaves that commune out).
 */
export const SELECTED_LABEL_LAYER_ID = 'commune-label-selected';
export interface CommuneLabelProperties {
  code: string;
  name: string;
  population: number;
}

export interface BasemapData {
  communes: UnitsResponse;
  districts: UnitsResponse;
  province: UnitsResponse;
  districtLabels: FeatureCollection<Point, { name: string }>;
  communeLabels: FeatureCollection<Point, CommuneLabelProperties>;
}

/** Our boundary and label layers: on top of an external style, or the whole offline style. */
export function boundaryLayers(): LayerSpecification[] {
  return [
    {
      id: BOUNDARY_LAYER_ID,
      type: 'line',
      source: 'communes',
      paint: {
        'line-color': COLORS.communeLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1.2],
      },
    },
    {
      id: 'district-lines',
      type: 'line',
      source: 'districts',
      paint: {
        'line-color': COLORS.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2.4],
      },
    },
    {
      id: 'province-line',
      type: 'line',
      source: 'province',
      paint: {
        'line-color': COLORS.provinceLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.6, 12, 3.2],
      },
    },
    ...highlightLineLayers(),
    scenarioCircleLayer(),
    {
      id: COMMUNE_LABEL_LAYER_ID,
      type: 'symbol',
      source: 'commune-labels',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 15],
        // Lower keys are placed first: the most populous commune wins a collision.
        'symbol-sort-key': ['-', 0, ['get', 'population']],
        'text-padding': 4,
        'text-max-width': 7,
      },
      paint: {
        'text-color': COLORS.communeLabel,
        'text-halo-color': COLORS.labelHalo,
        'text-halo-width': 1.4,
      },
    },
    {
      id: 'district-labels',
      type: 'symbol',
      source: 'district-labels',
      // Last in the list, so placed first: district names win collisions. They orient the
      // reader at province zoom; closer in, commune names take over.
      maxzoom: 11.5,
      layout: {
        'text-field': ['upcase', ['get', 'name']],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 11, 15],
        'text-letter-spacing': 0.08,
        'text-max-width': 8,
      },
      paint: {
        'text-color': COLORS.districtLabel,
        'text-halo-color': COLORS.labelHalo,
        'text-halo-width': 1.6,
      },
    },
    scenarioLabelLayer(),
    {
      id: SELECTED_LABEL_LAYER_ID,
      type: 'symbol',
      source: 'commune-labels',
      filter: codeFilter(NO_CODE),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 14, 13, 18],
        'text-max-width': 7,
      },
      paint: {
        'text-color': COLORS.communeLabel,
        'text-halo-color': '#ffffff',
        'text-halo-width': 2.2,
      },
    },
  ];
}

export function basemapSources(data: BasemapData): StyleSpecification['sources'] {
  return {
    communes: { type: 'geojson', data: data.communes as unknown as FeatureCollection },
    districts: { type: 'geojson', data: data.districts as unknown as FeatureCollection },
    province: { type: 'geojson', data: data.province as unknown as FeatureCollection },
    'district-labels': { type: 'geojson', data: data.districtLabels },
    'commune-labels': { type: 'geojson', data: data.communeLabels },
    ...scenarioSource(),
  };
}

/** The whole offline style; without the context (its request failed) the province stands alone. */
export function buildBasemapStyle(data: BasemapData, context: BasemapContext | null, fontFaces: FontFacesSpecification): StyleSpecification {
  return {
    version: 8,
    name: 'TLG Atlas offline',
    'font-faces': fontFaces,
    sources: { ...(context ? contextSources(context) : {}), ...basemapSources(data) },
    layers: [
      { id: 'outside', type: 'background', paint: { 'background-color': COLORS.outside } },
      ...(context ? contextLayers() : []),
      { id: 'province-land', type: 'fill', source: 'province', paint: { 'fill-color': COLORS.land } },
      ...boundaryLayers(),
    ],
  };
}
