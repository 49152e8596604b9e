/**
 * The deck.gl layers of the view, bottom to top, from the data and the view state. A layer is
 * created the first time it is switched on and then kept, switched with `visible`, so toggling
 * keeps its GPU buffers while layers nobody opened cost nothing (each one's shaders take
 * seconds to compile on a software renderer). Names are MapLibre symbol layers of the basemap.
 * In the planner the choropleth slot shows the gap score of the ranked communes instead of the
 * chosen metric: the same layer function, its own layer.
 */
import type { Layer } from '@deck.gl/core';
import type { GridResponse } from '#contract/api';
import type { EmergingResponse, HotspotsResponse } from '#contract/api';
import type { MapLayerId, View } from '../state/atlasState';
import type { ClassedValues } from '../style/classify';
import { GAP_SCORE_PALETTE } from '../style/gapScore';
import type { UnitLayers } from '../state/useAtlasData';
import { BOUNDARY_LAYER_ID, COMMUNE_LABEL_LAYER_ID } from './basemapStyle';
import type { ModelPoints } from '../api/decodePoints';
import type { DensityCell } from './heatmapCells';
import { choroplethLayer, PLANNER_GAP_LAYER_ID } from './layers/choroplethLayer';
import { groupDensityHeatmap } from './layers/groupDensityHeatmap';
import { emergingLayer } from './layers/emergingLayer';
import { hotspotLayer } from './layers/hotspotLayer';
import { modelPointsLayer } from './layers/modelPointsLayer';
import { tipHexLayer } from './layers/tipHexLayer';

export interface LayerInputs {
  units: UnitLayers | null;
  /** The metric's classes at display precision (style/metricClasses). */
  choropleth: ClassedValues | null;
  /** The planner's gap score per commune; null outside the planner. */
  gapScores: ClassedValues | null;
  view: View;
  level: 'commune' | 'district';
  densityCells: DensityCell[];
  tipGrid: GridResponse | null;
  hotspots: HotspotsResponse | null;
  emerging: EmergingResponse | null;
  models: ModelPoints | null;
  visible: ReadonlySet<MapLayerId>;
  /** Layers switched on at some point in this map's life. */
  created: ReadonlySet<MapLayerId>;
  district: string | null;
  zoom: number;
  latitude: number;
  cellSpacingMeters: number;
}

export function buildLayers(input: LayerInputs): Layer[] {
  const on = (id: MapLayerId) => input.visible.has(id);
  const planning = input.view === 'planner';
  const choroplethUnits = input.units ? (input.level === 'district' ? input.units.districts : input.units.communes) : null;
  const factories: [MapLayerId, () => Layer][] = [
    [
      'choropleth',
      () =>
        choroplethLayer({
          units: choroplethUnits,
          choropleth: input.choropleth,
          visible: on('choropleth') && !planning,
          district: input.district,
          beforeId: BOUNDARY_LAYER_ID,
        }),
    ],
    [
      'choropleth',
      () =>
        choroplethLayer({
          id: PLANNER_GAP_LAYER_ID,
          units: input.gapScores ? input.units?.communes ?? null : null,
          choropleth: input.gapScores,
          palette: GAP_SCORE_PALETTE,
          visible: on('choropleth') && planning,
          district: input.district,
          beforeId: BOUNDARY_LAYER_ID,
        }),
    ],
    [
      'hotspots',
      () =>
        hotspotLayer({
          communes: input.units?.communes ?? null,
          hotspots: input.hotspots,
          // Over a choropleth hot spots are MapLibre outlines (map/highlightStyle.ts): the fills would mix into mud.
          visible: on('hotspots') && !on('choropleth'),
          beforeId: BOUNDARY_LAYER_ID,
        }),
    ],
    [
      'emerging',
      () =>
        emergingLayer({
          communes: input.units?.communes ?? null,
          emerging: input.emerging,
          visible: on('emerging'),
          beforeId: BOUNDARY_LAYER_ID,
        }),
    ],
    [
      'heatmap',
      () =>
        groupDensityHeatmap({
          cells: input.densityCells,
          visible: on('heatmap'),
          zoom: input.zoom,
          latitude: input.latitude,
          cellSpacingMeters: input.cellSpacingMeters,
          beforeId: BOUNDARY_LAYER_ID,
        }),
    ],
    ['tipHex', () => tipHexLayer({ cells: input.tipGrid?.cells ?? [], visible: on('tipHex'), beforeId: BOUNDARY_LAYER_ID })],
    ['models', () => modelPointsLayer({ points: input.models, visible: on('models'), beforeId: COMMUNE_LABEL_LAYER_ID })],
  ];
  return factories.filter(([id]) => input.created.has(id)).map(([, make]) => make());
}
