/**
 * Points at communes on the map: the one under the pointer in the planner's table, the selected
 * one (outlined), and a planner scenario's marks on the communes it changes. It only sets
 * filters and data of layers the style owns (map/highlightStyle.ts).
 */
import { useEffect, useMemo } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Point } from 'geojson';
import type { ScenarioMarks } from '../../state/scenario';
import { readiness } from '../../state/readiness';
import type { UnitLayers } from '../../state/useAtlasData';
import {
  codeFilter,
  emptyMarks,
  HOTSPOT_OUTLINE_LAYER_ID,
  HOVER_LINE_LAYER_ID,
  NO_CODE,
  SCENARIO_SOURCE_ID,
  SELECTED_CASING_LAYER_ID,
  SELECTED_LINE_LAYER_ID,
  type ScenarioMarkProperties,
} from '../highlightStyle';
import { labelPoint, type LonLat } from '../labelPoints';
import { cssColor, type Rgb } from '../../style/palettes';

export interface HighlightState {
  units: UnitLayers | null;
  /** Hot and cold spots drawn as outlines (over a choropleth); null when they are not. */
  hotspotOutlines: ReadonlyMap<string, Rgb> | null;
  hoverCode: string | null;
  selectedCode: string | null;
  scenario: ScenarioMarks | null;
}

export function useHighlights(map: MapLibreMap | null, { units, hotspotOutlines, hoverCode, selectedCode, scenario }: HighlightState): void {
  const anchors = useMemo(() => {
    const byCode = new Map<string, LonLat>();
    for (const f of units?.communes.features ?? []) byCode.set(f.properties.code, labelPoint(f.geometry));
    return byCode;
  }, [units]);

  useEffect(() => {
    if (!map) return;
    map.setFilter(HOVER_LINE_LAYER_ID, codeFilter(hoverCode ?? NO_CODE));
    map.setFilter(SELECTED_CASING_LAYER_ID, codeFilter(selectedCode ?? NO_CODE));
    map.setFilter(SELECTED_LINE_LAYER_ID, codeFilter(selectedCode ?? NO_CODE));
    readiness.mapBusy();
    map.triggerRepaint();
  }, [map, hoverCode, selectedCode]);

  useEffect(() => {
    if (!map) return;
    const entries = [...(hotspotOutlines ?? new Map<string, Rgb>())];
    map.setFilter(HOTSPOT_OUTLINE_LAYER_ID, ['in', ['get', 'code'], ['literal', entries.map(([code]) => code)]]);
    const [first, ...rest] = entries;
    if (first) {
      // A match expression needs one case at least: the first is written out, the rest spread after it.
      const cases = rest.flatMap(([code, rgb]) => [code, cssColor(rgb)]);
      map.setPaintProperty(HOTSPOT_OUTLINE_LAYER_ID, 'line-color', ['match', ['get', 'code'], first[0], cssColor(first[1]), ...cases, '#000000']);
    }
    readiness.mapBusy();
    map.triggerRepaint();
  }, [map, hotspotOutlines]);

  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(SCENARIO_SOURCE_ID);
    if (!map || !source) return;
    const data = emptyMarks();
    for (const mark of scenario?.marks ?? []) {
      const at = anchors.get(mark.code);
      if (!at) continue;
      const feature: Feature<Point, ScenarioMarkProperties> = {
        type: 'Feature',
        properties: { code: mark.code, label: mark.label, groups: mark.groups },
        geometry: { type: 'Point', coordinates: at },
      };
      data.features.push(feature);
    }
    source.setData(data);
    readiness.mapBusy();
  }, [map, scenario, anchors]);
}
