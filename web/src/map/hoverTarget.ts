/** Turns a deck.gl picking result into the tooltip's HoverTarget. */
import type { PickingInfo } from '@deck.gl/core';
import { MODEL_SETTINGS } from '#contract';
import type { GridCell } from '#contract/api';
import type { UnitFeature } from '#contract/api';
import type { HoverTarget } from '../state/hover';
import type { ModelPoints } from '../api/decodePoints';
import { CHOROPLETH_LAYER_ID, PLANNER_GAP_LAYER_ID } from './layers/choroplethLayer';
import { EMERGING_LAYER_ID } from './layers/emergingLayer';
import { HOTSPOT_LAYER_ID } from './layers/hotspotLayer';
import { MODELS_LAYER_ID } from './layers/modelPointsLayer';
import { TIP_HEX_LAYER_ID } from './layers/tipHexLayer';

/** Founding days in the points stream count from this date. */
const DAY_EPOCH_MS = Date.UTC(2017, 0, 1);
const MS_PER_DAY = 86_400_000;

function dayToIsoDate(day: number): string {
  return new Date(DAY_EPOCH_MS + day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Layers whose objects are units (communes or districts), and what the tooltip says about them. */
const UNIT_LAYERS: Record<string, Extract<HoverTarget, { kind: 'unit' }>['layer']> = {
  [CHOROPLETH_LAYER_ID]: 'choropleth',
  [HOTSPOT_LAYER_ID]: 'hotspots',
  [EMERGING_LAYER_ID]: 'emerging',
  [PLANNER_GAP_LAYER_ID]: 'planner',
};

export function hoverTarget(info: PickingInfo, models: ModelPoints | null): HoverTarget | null {
  if (!info.picked || !info.layer) return null;
  const { x, y } = info;
  const layerId = info.layer.id;
  const unitLayer = UNIT_LAYERS[layerId];
  if (unitLayer) {
    const feature = info.object as UnitFeature | undefined;
    if (!feature) return null;
    return { kind: 'unit', layer: unitLayer, code: feature.properties.code, x, y };
  }
  if (layerId.startsWith(TIP_HEX_LAYER_ID)) {
    const cell = info.object as GridCell | undefined;
    if (!cell) return null;
    return { kind: 'tipCell', h3: cell.h3, count: cell.count, suppressed: cell.suppressed === true, x, y };
  }
  if (layerId === MODELS_LAYER_ID && models && info.index >= 0 && info.index < models.count) {
    const kind = models.kinds[info.index] as number;
    return {
      kind: 'model',
      setting: MODEL_SETTINGS[kind] ?? null,
      foundedOn: dayToIsoDate(models.days[info.index] as number),
      models: models.counts ? (models.counts[info.index] as number) : null,
      x,
      y,
    };
  }
  return null;
}
