/**
 * Layers that point at communes, drawn by MapLibre over the fills (no deck.gl program of their
 * own): the commune under the pointer in the planner's table, the selected commune, and the
 * marks of a planner scenario (new groups per commune). Styles are data; hooks/useHighlights.ts
 * only sets their filters and data.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS as COLORS } from '../style/basemap';
import { SCENARIO_MARK_COLOR } from '../style/palettes';
import { LABEL_FONT } from './fontFaces';

export const HOVER_LINE_LAYER_ID = 'commune-hover-line';
/** Gi* hot and cold spots as outlines, used over a choropleth so the two layers' colours never mix. */
export const HOTSPOT_OUTLINE_LAYER_ID = 'hotspot-outlines';
export const SELECTED_CASING_LAYER_ID = 'commune-selected-casing';
export const SELECTED_LINE_LAYER_ID = 'commune-selected-line';
export const SCENARIO_SOURCE_ID = 'scenario-marks';
export const SCENARIO_CIRCLE_LAYER_ID = 'scenario-circles';
export const SCENARIO_LABEL_LAYER_ID = 'scenario-labels';

export interface ScenarioMarkProperties {
  code: string;
  label: string;
  groups: number;
}

/** A filter that matches no commune (codes are digits). */
export const NO_CODE = '';
/** The filter of one commune's features. */
export const codeFilter = (code: string) => ['==', ['get', 'code'], code] as ['==', ['get', string], string];

export const emptyMarks = (): FeatureCollection<Point, ScenarioMarkProperties> => ({ type: 'FeatureCollection', features: [] });

export function scenarioSource(): Record<string, SourceSpecification> {
  return { [SCENARIO_SOURCE_ID]: { type: 'geojson', data: emptyMarks() } };
}

/** Outlines over the boundary lines: hot spots (coloured by bin), hovered (accent), selected (black on a white casing). */
export function highlightLineLayers(): LayerSpecification[] {
  return [
    {
      id: HOTSPOT_OUTLINE_LAYER_ID,
      type: 'line',
      source: 'communes',
      filter: codeFilter(NO_CODE),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#000000', 'line-width': 2.5 },
    },
    {
      id: HOVER_LINE_LAYER_ID,
      type: 'line',
      source: 'communes',
      filter: codeFilter(NO_CODE),
      paint: { 'line-color': SCENARIO_MARK_COLOR, 'line-width': 3 },
    },
    {
      id: SELECTED_CASING_LAYER_ID,
      type: 'line',
      source: 'communes',
      filter: codeFilter(NO_CODE),
      paint: { 'line-color': '#ffffff', 'line-width': 6 },
    },
    {
      id: SELECTED_LINE_LAYER_ID,
      type: 'line',
      source: 'communes',
      filter: codeFilter(NO_CODE),
      paint: { 'line-color': COLORS.provinceLine, 'line-width': 3 },
    },
  ];
}

/** A scenario's discs, sized by the new groups (under the names). */
export function scenarioCircleLayer(): LayerSpecification {
  return {
      id: SCENARIO_CIRCLE_LAYER_ID,
      type: 'circle',
      source: SCENARIO_SOURCE_ID,
      paint: {
        'circle-color': SCENARIO_MARK_COLOR,
        'circle-opacity': 0.9,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        // Area grows with the groups: radius with their square root, 1 group → 9 px, 100 → 24 px.
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'groups']], 1, 9, 10, 24],
      },
  };
}

/** The text on each disc: over the names and never hidden by them. */
export function scenarioLabelLayer(): LayerSpecification {
  return {
      id: SCENARIO_LABEL_LAYER_ID,
      type: 'symbol',
      source: SCENARIO_SOURCE_ID,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff', 'text-halo-color': SCENARIO_MARK_COLOR, 'text-halo-width': 1 },
  };
}

